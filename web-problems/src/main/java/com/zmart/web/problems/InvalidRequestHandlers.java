package com.zmart.web.problems;

import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's problem+json error handling, with every 400 for bad input in the {@link InvalidRequest} shape: failed
 * bean validation of a body or of parameters, an unreadable body, a parameter of the wrong type or missing, and the
 * services' own {@link InvalidRequestException}s.
 *
 * <p>{@link ProblemResponsesConfiguration} registers it for a service without a {@link ResponseEntityExceptionHandler}
 * of its own. A service that has one (problems of its own, rejections to count) extends this class instead, so that
 * one handler answers Spring MVC's exceptions and the 400s keep their shape.
 */
@RestControllerAdvice
public class InvalidRequestHandlers extends ResponseEntityExceptionHandler {

    /** Every 400 for bad input passes here: a subclass that counts or logs rejections overrides it. */
    protected ResponseEntity<Object> invalid(Exception e, List<FieldProblem> errors, HttpHeaders headers,
                                             WebRequest request) {
        return handleExceptionInternal(e, InvalidRequest.problem(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return invalid(e, FieldProblems.of(e.getBindingResult()), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        return invalid(e, FieldProblems.of(e), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return invalid(e, FieldProblems.of(e), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        return invalid(e, FieldProblems.of(e), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return invalid(e, FieldProblems.of(e), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleErrorResponseException(ErrorResponseException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e instanceof InvalidRequestException invalid) {
            return invalid(e, invalid.errors(), headers, request);
        }
        return super.handleErrorResponseException(e, headers, status, request);
    }
}
