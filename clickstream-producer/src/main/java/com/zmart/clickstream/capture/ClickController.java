package com.zmart.clickstream.capture;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.zmart.clickstream.config.ClickstreamProperties;
import com.zmart.clickstream.error.BatchTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Click capture API: answers 202 only once Kafka has acknowledged the clicks; 400 and 413 before anything is sent;
 * 503 when Kafka did not confirm in time, which does not mean nothing was written (ADR 0006).
 */
@RestController
@RequestMapping("/api/clicks")
class ClickController {

    private final ClickCapture capture;
    private final ClickstreamProperties properties;

    ClickController(ClickCapture capture, ClickstreamProperties properties) {
        this.capture = capture;
        this.properties = properties;
    }

    record Accepted(List<String> eventIds) {
    }

    @PostMapping
    @Operation(summary = "Capture one click",
            description = "Answers once Kafka has acknowledged the click or failed to. Send an eventId: a retry with "
                    + "the same one is recognisable as a copy downstream. Without one, the service draws it and "
                    + "returns it in the 202 body or in the 503 problem's eventIds.")
    @ApiResponse(responseCode = "202", description = "Acknowledged by Kafka: written to every in-sync replica (acks=all, "
            + "idempotent producer)")
    @ApiResponse(responseCode = "400", description = "Invalid click; nothing was produced. The problem names the field")
    @ApiResponse(responseCode = "413", description = "Body over maxBodyBytes; nothing was produced. The problem names "
            + "the field and the limit")
    @ApiResponse(responseCode = "503", description = "Not confirmed by Kafka in time: the click may have been written "
            + "nonetheless. Retry after Retry-After seconds with the same eventId")
    CompletableFuture<ResponseEntity<Accepted>> capture(@Valid @RequestBody ClickRequest click) {
        return capture.capture(List.of(click)).thenApply(ids -> ResponseEntity.accepted().body(new Accepted(ids)));
    }

    @PostMapping("/batch")
    @Operation(summary = "Capture many clicks: 202 once Kafka has acknowledged every one",
            description = "Validated whole before anything is sent. Not atomic: the clicks are sent one by one with the "
                    + "idempotent producer, so after a 503 some of them may be written. Send eventIds and retry the "
                    + "whole batch with the same ones (for clicks sent without one, the ids drawn are in the 503 "
                    + "problem's eventIds).")
    @ApiResponse(responseCode = "202", description = "Every click acknowledged by Kafka: written to every in-sync replica "
            + "(acks=all, idempotent producer)")
    @ApiResponse(responseCode = "400", description = "A click is invalid; nothing was produced. The problem names "
            + "[index].field")
    @ApiResponse(responseCode = "413", description = "More clicks than maxBatchSize, or a body over maxBodyBytes; nothing "
            + "was produced. The problem names the field and the limit")
    @ApiResponse(responseCode = "503", description = "Not confirmed by Kafka in time: some clicks of the batch may have "
            + "been written. Retry the whole batch after Retry-After seconds with the same eventIds")
    CompletableFuture<ResponseEntity<Accepted>> captureBatch(@RequestBody @NotEmpty List<@Valid ClickRequest> clicks) {
        if (clicks.size() > properties.maxBatchSize()) {
            throw new BatchTooLargeException(clicks.size(), properties.maxBatchSize());
        }
        return capture.capture(clicks).thenApply(ids -> ResponseEntity.accepted().body(new Accepted(ids)));
    }
}
