package com.zmart.clickstream.capture;

import java.time.Instant;

import com.zmart.events.ClickAction;
import com.zmart.web.problems.Ids;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One click as a client posts it. */
public record ClickRequest(
        @Schema(description = "Client-chosen UUID; a retried request with the same id is recognisable downstream. Generated when absent and returned in the answer (the 202 body, or the 503 problem's eventIds).")
        @Pattern(regexp = UUID, message = "must be a UUID") String eventId,
        @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String campaignId,
        @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String customerId,
        @NotBlank @Size(max = 128) String sessionId,
        @NotNull ClickAction action,
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Size(max = 32) @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String couponCode,
        @Schema(description = "When the click happened; now when absent.") Instant occurredAt) {

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
}
