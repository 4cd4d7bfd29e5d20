package com.zmart.web.problems;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/** Names what Spring MVC's binding and validation failures are about, as the {@link FieldProblem}s of a 400. */
final class FieldProblems {

    static final String BODY = "body";

    private FieldProblems() {
    }

    /** A {@code @Valid} object: its fields by name, constraints on the object as a whole as {@code body}. */
    static List<FieldProblem> of(BindingResult result) {
        List<FieldProblem> problems = new ArrayList<>();
        result.getFieldErrors().forEach(f -> problems.add(new FieldProblem(f.getField(), f.getDefaultMessage())));
        result.getGlobalErrors().forEach(g -> problems.add(new FieldProblem(BODY, g.getDefaultMessage())));
        return problems;
    }

    /**
     * Constraints on handler method parameters: a parameter by its name in the URL template, a field of the body by
     * its path in the JSON ({@code [3].url} for an element of a list body).
     */
    static List<FieldProblem> of(HandlerMethodValidationException e) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String path = path(result);
            if (result instanceof ParameterErrors errors) {
                errors.getFieldErrors().forEach(f ->
                        problems.add(new FieldProblem(nested(path, f.getField()), f.getDefaultMessage())));
                errors.getGlobalErrors().forEach(g -> problems.add(new FieldProblem(orBody(path), g.getDefaultMessage())));
            } else {
                result.getResolvableErrors().forEach(r -> problems.add(new FieldProblem(orBody(path), r.getDefaultMessage())));
            }
        }
        return problems;
    }

    /** A body that is not JSON, or JSON with a value of the wrong type: the innermost field Jackson names, or the body. */
    static List<FieldProblem> of(HttpMessageNotReadableException e) {
        String field = e.getCause() instanceof JacksonException json ? orBody(path(json)) : BODY;
        return List.of(new FieldProblem(field, "is missing, malformed or of the wrong type"));
    }

    /** A parameter that does not convert to its type, e.g. {@code limit=ten}. */
    static List<FieldProblem> of(TypeMismatchException e) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return List.of(new FieldProblem(name == null ? "parameter" : name, "is not a valid " + expected));
    }

    static List<FieldProblem> of(MissingServletRequestParameterException e) {
        return List.of(new FieldProblem(e.getParameterName(), "is required"));
    }

    /** "" for the body itself, {@code [i]} for an element of a list body, otherwise the parameter's name. */
    private static String path(ParameterValidationResult result) {
        MethodParameter parameter = result.getMethodParameter();
        String index = result.getContainerIndex() == null ? "" : "[" + result.getContainerIndex() + "]";
        return parameter.hasParameterAnnotation(RequestBody.class) ? index : name(parameter) + index;
    }

    /** The name the client uses: the annotation's, when it renames the Java parameter ({@code @RequestParam("to")}). */
    private static String name(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !(requestParam.name() + requestParam.value()).isEmpty()) {
            return requestParam.name().isEmpty() ? requestParam.value() : requestParam.name();
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !(pathVariable.name() + pathVariable.value()).isEmpty()) {
            return pathVariable.name().isEmpty() ? pathVariable.value() : pathVariable.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "parameter" : name;
    }

    /** {@code [0].action}-style path of a JSON parsing error, "" when it has none. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String nested(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String orBody(String path) {
        return path.isEmpty() ? BODY : path;
    }
}
