package com.zmart.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall refuses requests whose URL or headers could let a path match differently in security
 * and in MVC (encoded slashes or dots, {@code ..}, {@code ;}, control characters). Its default answer is a bare 400
 * from the servlet container; this one is problem+json like every other 4xx of the services, and echoes nothing of
 * the hostile request.
 */
public final class ProblemJsonRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonRequestRejectedHandler.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.debug("Rejected a request: {}", e.getMessage());
        ProblemJson.write(response, HttpStatus.BAD_REQUEST,
                "The request's URL or headers contain characters or sequences that are not allowed.", null);
    }
}
