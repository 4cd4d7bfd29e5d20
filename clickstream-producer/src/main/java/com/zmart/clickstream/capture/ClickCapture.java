package com.zmart.clickstream.capture;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.zmart.clickstream.config.ClickstreamProperties;
import com.zmart.clickstream.delivery.ClickPublisher;
import com.zmart.clickstream.delivery.DeliveryUnavailableException;
import com.zmart.events.ClickEvent;
import com.zmart.web.problems.InvalidRequestException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

/**
 * Turns valid requests into click events and publishes them. A batch is checked whole before anything is sent:
 * one bad click rejects the batch and nothing of it is produced.
 */
@Service
public class ClickCapture {

    private final ClickPublisher publisher;
    private final ClickstreamProperties properties;
    private final Clock clock;
    private final Counter accepted;

    public ClickCapture(ClickPublisher publisher, ClickstreamProperties properties, Clock clock, MeterRegistry meters) {
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.accepted = Counter.builder("zmart.clicks.accepted").description("Clicks acknowledged by Kafka").register(meters);
    }

    /** Completes with the event ids once Kafka acknowledged every click. */
    public CompletableFuture<List<String>> capture(List<ClickRequest> requests) {
        Instant now = clock.instant();
        List<ClickEvent> events = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            events.add(toEvent(requests.get(i), now, requests.size() == 1 ? "" : "[" + i + "]."));
        }
        List<String> ids = events.stream().map(ClickEvent::getEventId).toList();
        return publisher.publish(events).handle((done, failure) -> {
            if (failure != null) {
                throw notConfirmed(ids, failure);
            }
            accepted.increment(events.size());
            return ids;
        });
    }

    /** A failure carries the ids, so a client that sent none can still retry with the ones drawn here (ADR 0006). */
    private static RuntimeException notConfirmed(List<String> ids, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof DeliveryUnavailableException unavailable ? unavailable.forEvents(ids)
                : new CompletionException(cause);
    }

    private ClickEvent toEvent(ClickRequest request, Instant now, String fieldPrefix) {
        Instant occurredAt = request.occurredAt() == null ? now : request.occurredAt();
        if (occurredAt.isAfter(now.plus(properties.maxClockSkew()))) {
            throw new InvalidRequestException(fieldPrefix + "occurredAt", "is in the future");
        }
        if (occurredAt.isBefore(now.minus(properties.maxAge()))) {
            throw new InvalidRequestException(fieldPrefix + "occurredAt", "is older than " + properties.maxAge().toDays() + " days");
        }
        return ClickEvent.newBuilder()
                .setEventId(request.eventId() == null ? UUID.randomUUID().toString() : request.eventId().toLowerCase())
                .setCampaignId(request.campaignId())
                .setCustomerId(request.customerId())
                .setSessionId(request.sessionId())
                .setAction(request.action())
                .setUrl(request.url())
                .setCouponCode(request.couponCode())
                .setOccurredAt(occurredAt)
                .build();
    }
}
