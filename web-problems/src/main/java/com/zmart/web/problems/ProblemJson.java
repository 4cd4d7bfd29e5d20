package com.zmart.web.problems;

import org.springframework.http.HttpStatus;

/** The smallest problem+json body, written without a message converter (Tomcat's valve has none). */
final class ProblemJson {

    static final String CONTENT_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    static String body(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}";
    }
}
