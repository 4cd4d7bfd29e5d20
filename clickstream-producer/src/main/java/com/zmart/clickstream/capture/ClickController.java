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

/** Click capture API: answers 202 only once Kafka has acknowledged the clicks. */
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
    @Operation(summary = "Capture one click")
    @ApiResponse(responseCode = "202", description = "Written to Kafka, acknowledged by every in-sync replica")
    @ApiResponse(responseCode = "400", description = "Invalid click; the problem names the field")
    @ApiResponse(responseCode = "503", description = "Kafka unavailable; retry after Retry-After seconds")
    CompletableFuture<ResponseEntity<Accepted>> capture(@Valid @RequestBody ClickRequest click) {
        return capture.capture(List.of(click)).thenApply(ids -> ResponseEntity.accepted().body(new Accepted(ids)));
    }

    @PostMapping("/batch")
    @Operation(summary = "Capture many clicks: all are written, or none")
    @ApiResponse(responseCode = "202", description = "Every click written to Kafka")
    @ApiResponse(responseCode = "400", description = "A click is invalid; nothing was written")
    @ApiResponse(responseCode = "413", description = "More clicks than the batch limit")
    @ApiResponse(responseCode = "503", description = "Kafka unavailable; retry the whole batch after Retry-After seconds")
    CompletableFuture<ResponseEntity<Accepted>> captureBatch(@RequestBody @NotEmpty List<@Valid ClickRequest> clicks) {
        if (clicks.size() > properties.maxBatchSize()) {
            throw new BatchTooLargeException(clicks.size(), properties.maxBatchSize());
        }
        return capture.capture(clicks).thenApply(ids -> ResponseEntity.accepted().body(new Accepted(ids)));
    }
}
