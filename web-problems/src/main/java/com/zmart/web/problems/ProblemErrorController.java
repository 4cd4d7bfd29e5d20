package com.zmart.web.problems;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Replaces Boot's BasicErrorController: whatever reaches {@code /error} (a method Spring MVC refuses, an exception
 * thrown in a filter) is answered as problem+json, whatever the client accepts. Client errors thrown before Spring
 * MVC's exception handlers could see them are 400s, not 500s. A plain handler rather than a @RestController, so that
 * it stays out of the services' OpenAPI documents.
 */
public class ProblemErrorController implements ErrorController, HttpRequestHandler {

    private final ErrorAttributes errorAttributes;

    public ProblemErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = ClientErrors.isClientError(errorAttributes.getError(new ServletWebRequest(request)))
                ? HttpServletResponse.SC_BAD_REQUEST : status(request);
        response.setStatus(status);
        response.setContentType(ProblemJson.CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ProblemJson.body(status));
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value && value >= 400 && value < 600) {
            return value;
        }
        // No error dispatch: someone asked for /error itself.
        return code == null ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
