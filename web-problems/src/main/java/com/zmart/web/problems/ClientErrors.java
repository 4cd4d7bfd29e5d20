package com.zmart.web.problems;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.web.multipart.MultipartException;

/** Exceptions that only malformed requests cause: the client's fault, so a 400 rather than a 500. */
final class ClientErrors {

    private ClientErrors() {
    }

    static boolean isClientError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MultipartException || t instanceof InvalidParameterException
                    || t instanceof InvalidMediaTypeException) {
                return true;
            }
        }
        return false;
    }
}
