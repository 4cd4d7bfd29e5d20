package com.zmart.clickstream.capture;

import java.time.Instant;

import com.zmart.events.ClickAction;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One click as a client posts it. */
public record ClickRequest(
        @Schema(description = "Client-chosen UUID; a retried request with the same id is recognisable downstream. Generated when absent and returned in the answer (the 202 body, or the 503 problem's eventIds).")
        @Pattern(regexp = UUID, message = "must be a UUID") String eventId,
        @NotBlank @Size(max = 64) @Pattern(regexp = ID, message = "must be letters, digits, '.', '_' or '-'") String campaignId,
        @NotBlank @Size(max = 64) @Pattern(regexp = ID, message = "must be letters, digits, '.', '_' or '-'") String customerId,
        @NotBlank @Size(max = 128) String sessionId,
        @NotNull ClickAction action,
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Size(max = 32) @Pattern(regexp = ID, message = "must be letters, digits, '.', '_' or '-'") String couponCode,
        @Schema(description = "When the click happened; now when absent.") Instant occurredAt) {

    static final String ID = "[A-Za-z0-9._-]+";
    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
}
