package com.zmart.inventory.api;

import com.zmart.inventory.stock.ItemNotFoundException;
import com.zmart.web.problems.InvalidRequestHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error is {@code application/problem+json}. Bad input is web-problems' 400, whose {@code errors} name each
 * field and what is wrong with it; an unknown item is a 404; anything unexpected a 500 that reveals nothing internal.
 */
@RestControllerAdvice
class ProblemResponses extends InvalidRequestHandlers {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ItemNotFoundException.class)
    ProblemDetail notFound(ItemNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown item");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Request failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed.");
    }
}
