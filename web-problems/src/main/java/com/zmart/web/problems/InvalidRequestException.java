package com.zmart.web.problems;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown by a service's own checks of its input: rendered as the {@link InvalidRequest} 400, whichever handler
 * renders it ({@link InvalidRequestHandlers}, or Spring MVC's own handling of an {@link ErrorResponseException}).
 */
public class InvalidRequestException extends ErrorResponseException {

    private final List<FieldProblem> errors;

    public InvalidRequestException(String field, String problem) {
        this(List.of(new FieldProblem(field, problem)));
    }

    public InvalidRequestException(List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, InvalidRequest.problem(errors), null);
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
