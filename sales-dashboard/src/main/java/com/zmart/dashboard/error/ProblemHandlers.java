package com.zmart.dashboard.error;

import java.util.List;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error is an {@code application/problem+json} answer; a bad parameter is a 400 whose {@code errors} name it.
 */
@RestControllerAdvice
class ProblemHandlers extends ResponseEntityExceptionHandler {

    record ParameterProblem(String parameter, String problem) {
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        return badRequest(e.parameter(), e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String parameter = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return ResponseEntity.badRequest().body(badRequest(parameter, "is not a valid " + expected));
    }

    private static ProblemDetail badRequest(String parameter, String problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + problem);
        detail.setTitle("Invalid request parameter");
        detail.setProperties(Map.of("errors", List.of(new ParameterProblem(parameter, problem))));
        return detail;
    }
}
