package com.zmart.web.problems;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of a 400 for bad input, in every service: problem type {@link #TYPE}, title {@value #TITLE}, a
 * detail that repeats the errors for people reading logs, and the extension member {@value #ERRORS} listing
 * {@link FieldProblem}s ({@code [{"field": ..., "problem": ...}]}).
 *
 * <p>Problems whose status says everything (404, 405, 415, 503, ...) keep the type {@code about:blank}. A 400 with
 * {@value #ERRORS} gets a type of its own because RFC 9457 lets only a problem type define extension members. The type
 * is a tag URI (RFC 4151), an identifier that nobody is expected to dereference; docs/errors.md describes it.
 */
public final class InvalidRequest {

    public static final URI TYPE = URI.create("tag:zmart.example,2026:problem:invalid-request");
    public static final String TITLE = "Invalid request";
    /** The extension member listing what is wrong, one {@link FieldProblem} per field or parameter. */
    public static final String ERRORS = "errors";

    private InvalidRequest() {
    }

    public static ProblemDetail problem(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
                .map(error -> error.field() + ": " + error.problem()).collect(Collectors.joining("; ")));
        problem.setType(TYPE);
        problem.setTitle(TITLE);
        problem.setProperty(ERRORS, List.copyOf(errors));
        return problem;
    }

    public static ProblemDetail problem(String field, String problem) {
        return problem(List.of(new FieldProblem(field, problem)));
    }
}
