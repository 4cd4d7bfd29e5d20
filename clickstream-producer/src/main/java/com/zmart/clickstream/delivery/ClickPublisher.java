package com.zmart.clickstream.delivery;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.ClickEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands clicks to Kafka and completes only when every one of them is acknowledged by all in-sync replicas, so a
 * caller can say "accepted" truthfully. Keyed by customer id: one customer's clicks stay in order on one partition.
 */
@Component
public class ClickPublisher {

    private final KafkaTemplate<String, ClickEvent> template;
    private final Timer produceLatency;

    public ClickPublisher(KafkaTemplate<String, ClickEvent> clickTemplate, MeterRegistry meters) {
        this.template = clickTemplate;
        this.produceLatency = Timer.builder("zmart.clicks.produce.latency")
                .description("From handing a click to the producer until every replica acknowledged it")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /**
     * Completes when all clicks are durably written; fails with {@link DeliveryUnavailableException} otherwise, in which
     * case some of them may still have been written (those sent before a failure, or whose acknowledgement timed out).
     */
    public CompletableFuture<Void> publish(List<ClickEvent> clicks) {
        long started = System.nanoTime();
        CompletableFuture<?>[] sends = new CompletableFuture<?>[clicks.size()];
        try {
            for (int i = 0; i < clicks.size(); i++) {
                ClickEvent click = clicks.get(i);
                sends[i] = template.send(Topics.CLICKS.name(), click.getCustomerId(), click);
            }
        } catch (RuntimeException e) {
            // Metadata unknown or buffer full for longer than max.block.ms: the cluster cannot take clicks now.
            return CompletableFuture.failedFuture(new DeliveryUnavailableException(e));
        }
        return CompletableFuture.allOf(sends)
                .handle((ignored, failure) -> {
                    if (failure != null) {
                        throw new DeliveryUnavailableException(failure);
                    }
                    produceLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    return null;
                });
    }
}
