package com.zmart.web.problems;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * Malformed requests that Spring MVC's standard handling leaves as 500s. Ordered first so that a service's catch-all
 * handler does not turn them into 500s; it handles nothing else.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClientErrorHandlers {

    /** A multipart body without a boundary, or otherwise unparseable. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        return badRequest("The multipart request body could not be parsed.");
    }

    /** Tomcat could not decode a query or form parameter, e.g. percent-encoded bytes that are not UTF-8. */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail parameter(InvalidParameterException e) {
        return badRequest("The request parameters could not be decoded.");
    }

    private static ProblemDetail badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad Request");
        return problem;
    }
}
