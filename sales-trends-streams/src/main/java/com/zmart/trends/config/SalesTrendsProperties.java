package com.zmart.trends.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sales-trends service ({@code zmart.sales-trends.*}).
 *
 * @param applicationId     Kafka Streams {@code application.id} (consumer group and internal topic prefix)
 * @param bootstrapServers  Kafka brokers
 * @param registryUrl       the Schema Registry's Apicurio API ({@code .../apis/registry/v3})
 * @param stateDir          where the local state stores live
 * @param replicationFactor replication of the internal (changelog, repartition) topics
 * @param advertisedHost    host other instances reach this one's REST API on ({@code application.server} host;
 *                          the port is the HTTP server's)
 * @param instanceId        this instance's stable name in the Streams consumer group (static membership), or blank
 *                          for none: a restart under the same name resumes at once (StreamsRuntimeSettings)
 * @param dedupRetention    how long a sale line is remembered to drop its duplicates (event time); older lines
 *                          are not counted, since they could not be told apart from a duplicate
 * @param trends            the windowed aggregates
 * @param attribution       the attribution of purchases to campaign clicks
 * @param streams           further Kafka Streams or client settings (security, tuning), applied last
 */
@Validated
@ConfigurationProperties("zmart.sales-trends")
public record SalesTrendsProperties(@NotBlank String applicationId,
                                    @NotBlank String bootstrapServers,
                                    @NotBlank String registryUrl,
                                    @NotBlank String stateDir,
                                    @Min(1) int replicationFactor,
                                    @NotBlank String advertisedHost,
                                    String instanceId,
                                    @NotNull Duration dedupRetention,
                                    @NotNull @Valid TrendsProperties trends,
                                    @NotNull @Valid AttributionProperties attribution,
                                    Map<String, String> streams) {

    public SalesTrendsProperties {
        streams = streams == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    }

    @AssertTrue(message = "dedup-retention must be positive")
    public boolean isDedupRetentionPositive() {
        return Durations.isPositiveOrUnset(dedupRetention);
    }
}
