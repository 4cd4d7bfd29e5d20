package com.zmart.clickstream.redirect;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zmart.clickstream.capture.ClickCapture;
import com.zmart.clickstream.capture.ClickRequest;
import com.zmart.clickstream.config.ClickstreamProperties;
import com.zmart.events.ClickAction;
import com.zmart.links.EmailLinkTokens;
import com.zmart.web.problems.Ids;
import com.zmart.web.problems.InvalidRequestException;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Email links point here: the click is recorded, then the browser is sent on to the coupon page. Destinations are
 * limited to the configured hosts, so the service cannot be used as an open redirect.
 */
@RestController
class TrackingLinkController {

    private static final Logger log = LoggerFactory.getLogger(TrackingLinkController.class);

    private final ClickCapture capture;
    private final RedirectDestinations destinations;
    private final EmailLinkTokens tokens;
    private final MeterRegistry meters;

    TrackingLinkController(ClickCapture capture, ClickstreamProperties properties, MeterRegistry meters) {
        this.capture = capture;
        this.destinations = new RedirectDestinations(properties.allowedRedirectHosts());
        this.tokens = new EmailLinkTokens(properties.linkSecret());
        this.meters = meters;
    }

    @GetMapping("/c/{campaign}/{token}")
    @Operation(summary = "Email link: record the click, then redirect (302) to an allowed destination")
    CompletableFuture<ResponseEntity<Void>> follow(@PathVariable String campaign, @PathVariable String token,
                                                   @RequestParam("to") String destination) {
        Ids.require("campaign", campaign);
        URI target = destinations.allowed(destination)
                .orElseThrow(() -> new InvalidRequestException("to", "is not an allowed destination"));
        String customer = tokens.customerOf(campaign, token)
                .orElseThrow(() -> new InvalidRequestException("token", "does not verify for this campaign"));
        ClickRequest click = new ClickRequest(null, campaign, customer, "email-" + UUID.randomUUID(),
                ClickAction.CLICKED_LINK, target.toString(), null, null);
        ResponseEntity<Void> redirect = ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, target.toString()).build();
        // The customer is sent on even when Kafka is down: a broken link would cost more than a missing click,
        // which is counted (zmart.clicks.rejected{reason=kafka-unavailable}) and logged.
        return capture.capture(List.of(click))
                .orTimeout(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)
                .handle((ids, failure) -> {
                    if (failure != null) {
                        meters.counter("zmart.clicks.rejected", "reason", "kafka-unavailable").increment();
                        log.warn("Email click of campaign {} not recorded: {}", campaign, failure.getMessage());
                    }
                    return redirect;
                });
    }
}
