package com.zmart.clickstream.error;

import java.util.List;
import java.util.Map;

import com.zmart.clickstream.config.ClickstreamProperties;
import com.zmart.clickstream.delivery.DeliveryUnavailableException;
import com.zmart.web.problems.FieldProblem;
import com.zmart.web.problems.InvalidRequest;
import com.zmart.web.problems.InvalidRequestHandlers;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

/**
 * Every error is an {@code application/problem+json} answer that says what is wrong and, for bad or too large input,
 * which field (web-problems' 400 shape, whose {@code errors} a 413 shares). Rejections are counted by reason
 * ({@code zmart.clicks.rejected}).
 */
@RestControllerAdvice
class ProblemHandlers extends InvalidRequestHandlers {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);

    private final ClickstreamProperties properties;
    private final MeterRegistry meters;

    ProblemHandlers(ClickstreamProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @ExceptionHandler(BatchTooLargeException.class)
    ProblemDetail batchTooLarge(BatchTooLargeException e) {
        return tooLarge("Batch too large", e.getMessage(),
                new FieldProblem("body", "holds " + e.size() + " clicks, more than maxBatchSize (" + e.limit() + ")"),
                "maxBatchSize", e.limit());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail bodyTooLarge(PayloadTooLargeException e) {
        return tooLarge("Request body too large", e.getMessage(),
                new FieldProblem("body", "is larger than maxBodyBytes (" + e.limit() + " bytes)"),
                "maxBodyBytes", e.limit());
    }

    @ExceptionHandler(DeliveryUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(DeliveryUnavailableException e) {
        reject("kafka-unavailable");
        log.warn("Answering 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(retryAfter())
                .body(notConfirmed(e.eventIds()));
    }

    /**
     * The servlet container gave up waiting for the answer (spring.mvc.async.request-timeout, set longer than the
     * producer's delivery timeout). The sends may still complete, so this is the same "not confirmed" 503.
     */
    @Override
    protected ResponseEntity<Object> handleAsyncRequestTimeoutException(AsyncRequestTimeoutException e, HttpHeaders headers,
                                                                        HttpStatusCode status, WebRequest request) {
        reject("timeout");
        log.warn("Answering 503: no answer from Kafka within the request timeout");
        HttpHeaders withRetryAfter = HttpHeaders.copyOf(headers);
        withRetryAfter.addAll(retryAfter());
        return handleExceptionInternal(e, notConfirmed(List.of()), withRetryAfter, HttpStatus.SERVICE_UNAVAILABLE,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(bodyTooLarge(tooLarge));
            }
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> invalid(Exception e, List<FieldProblem> errors, HttpHeaders headers,
                                             WebRequest request) {
        reject("invalid");
        return super.invalid(e, errors, headers, request);
    }

    /**
     * A 503 is "not confirmed", never "not written": a send that timed out may still reach the log, and the clicks of
     * a batch sent before one failed may be written. A retry with the same event ids lets consumers see the copies, so
     * the ids go with it when known: the client's own, or those drawn for clicks sent without one.
     */
    private static ProblemDetail notConfirmed(List<String> eventIds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Kafka did not confirm the clicks in time. Some of them may have been written nonetheless: retry the "
                        + "whole request after Retry-After seconds with the same eventIds.");
        problem.setTitle("Clicks not confirmed");
        if (!eventIds.isEmpty()) {
            problem.setProperty("eventIds", eventIds);
        }
        return problem;
    }

    private HttpHeaders retryAfter() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()));
        return headers;
    }

    /** A 413 names the field like a 400 does, and the limit it broke (named as its setting), so clients can split. */
    private ProblemDetail tooLarge(String title, String detail, FieldProblem problem, String limitName, long limit) {
        reject("too-large");
        ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        tooLarge.setTitle(title);
        tooLarge.setProperties(Map.of(InvalidRequest.ERRORS, List.of(problem), limitName, limit));
        return tooLarge;
    }

    private void reject(String reason) {
        meters.counter("zmart.clicks.rejected", "reason", reason).increment();
    }
}
