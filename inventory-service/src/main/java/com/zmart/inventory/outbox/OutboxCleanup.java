package com.zmart.inventory.outbox;

import java.time.Clock;

import com.zmart.inventory.config.InventoryProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes messages sent longer ago than {@code keep-sent}, and reports how many wait to be sent. */
@Component
class OutboxCleanup {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleanup.class);

    private final OutboxRepository outbox;
    private final InventoryProperties.Outbox settings;
    private final Clock clock;

    OutboxCleanup(OutboxRepository outbox, InventoryProperties properties, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.settings = properties.outbox();
        this.clock = clock;
        Gauge.builder("zmart.inventory.outbox.pending", outbox, OutboxRepository::countUnsent)
                .description("Outbox messages not yet acknowledged by Kafka").register(meters);
    }

    @Scheduled(fixedDelayString = "${zmart.inventory.outbox.cleanup-interval}",
            initialDelayString = "${zmart.inventory.outbox.cleanup-interval}")
    void deleteOldSentMessages() {
        int deleted = outbox.deleteSentBefore(clock.instant().minus(settings.keepSent()));
        if (deleted > 0) {
            log.info("Deleted {} outbox messages sent before the last {}", deleted, settings.keepSent());
        }
    }
}
