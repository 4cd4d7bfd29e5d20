package com.zmart.inventory.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the inventory service ({@code zmart.inventory.*}); application.yml documents each one and the
 * environment variable that sets it.
 *
 * @param registryUrl   the Schema Registry's Apicurio API ({@code .../apis/registry/v3})
 * @param publishLevels also publish every stock change to {@code zmart.inventory-levels} (through the outbox)
 * @param dedupRetention how long applied sale lines are remembered to recognise redeliveries; longer than
 *                      {@code zmart.sales} keeps records (30 days)
 * @param listener      how the Kafka listeners consume
 * @param deadLetter    how often a failing record is retried before it goes to the dead-letter topic
 * @param outbox        how the outbox relay publishes
 * @param seed          the stock created at start for the register simulator's catalog
 */
@Validated
@ConfigurationProperties("zmart.inventory")
public record InventoryProperties(@NotBlank String registryUrl,
                                  boolean publishLevels,
                                  @NotNull Duration dedupRetention,
                                  @NotNull @Valid Listener listener,
                                  @NotNull @Valid DeadLetter deadLetter,
                                  @NotNull @Valid Outbox outbox,
                                  @NotNull @Valid Seed seed) {

    /**
     * @param salesConcurrency    consumers of {@code zmart.sales} (at most its partition count is useful)
     * @param restocksConcurrency consumers of {@code zmart.restocks}
     * @param instanceId          this instance's stable name in the consumer group (static membership, each consumer
     *                            {@code <name>-sales-0}, {@code <name>-restocks-0}, ...), so that a crashed instance
     *                            started again gets its partitions back at once; blank: dynamic membership
     */
    public record Listener(@Min(1) int salesConcurrency, @Min(1) int restocksConcurrency, String instanceId) {

        /** The {@code group.instance.id} of the consumers of {@code listener}, if this instance has a name. */
        public Optional<String> groupInstanceId(String listener) {
            return instanceId == null || instanceId.isBlank() ? Optional.empty()
                    : Optional.of(instanceId.strip() + "-" + listener);
        }
    }

    /**
     * @param retries         attempts after the first before a record that keeps failing is dead-lettered
     *                        (records that can never succeed, undeserializable or invalid, go at once)
     * @param initialInterval first pause between attempts; doubles up to {@code maxInterval}
     * @param maxInterval     longest pause between attempts
     */
    public record DeadLetter(@Min(0) int retries, @NotNull Duration initialInterval, @NotNull Duration maxInterval) {
    }

    /**
     * @param relayEnabled   run the relay in this instance (off only to show what a crash before the send leaves)
     * @param pollInterval   how often the relay looks for messages when no commit woke it
     * @param batchSize      most messages sent, and marked sent, per relay transaction
     * @param sendTimeout    how long the relay waits for the broker's acknowledgement of a batch
     * @param keepSent       how long sent messages stay in the table (for audits and replays)
     * @param cleanupInterval how often sent messages older than {@code keepSent} are deleted
     */
    public record Outbox(boolean relayEnabled, @NotNull Duration pollInterval, @Min(1) int batchSize,
                         @NotNull Duration sendTimeout, @NotNull Duration keepSent, @NotNull Duration cleanupInterval) {
    }

    /**
     * The register simulator's catalog is {@code store-001..} by {@code sku-00001..}; missing items are created at
     * start with these values, existing ones are left alone.
     *
     * @param enabled         seed at start
     * @param stores          number of stores ({@code store-%03d})
     * @param products        number of products ({@code sku-%05d})
     * @param onHand          initial units on hand
     * @param reorderPoint    initial reorder point
     * @param reorderQuantity initial reorder quantity
     */
    public record Seed(boolean enabled, @Min(0) int stores, @Min(0) int products, @Min(0) int onHand,
                       @Min(0) int reorderPoint, @Min(1) int reorderQuantity) {
    }
}
