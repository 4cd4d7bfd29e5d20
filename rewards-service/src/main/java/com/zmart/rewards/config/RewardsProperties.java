package com.zmart.rewards.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the rewards service ({@code zmart.rewards.*}).
 *
 * @param points                how sale lines turn into points
 * @param thresholds            point totals that each earn one coupon, strictly ascending
 * @param tiers                 point totals at which a member reaches each tier above BRONZE
 * @param couponDiscountPercent discount of an issued coupon, in percent
 * @param dedupRetention        how long a sale line is remembered to drop its duplicates (event time); older lines
 *                              are not counted at all, since they could not be told apart from a duplicate
 * @param applicationId         Kafka Streams {@code application.id} (consumer group and internal topic prefix)
 * @param bootstrapServers      Kafka brokers
 * @param registryUrl           the Schema Registry's Apicurio API ({@code .../apis/registry/v3})
 * @param stateDir              where the local state stores live
 * @param replicationFactor     replication of the internal (changelog, repartition) topics
 * @param streams               further Kafka Streams or client settings (security, tuning), applied last
 * @param advertisedHost        the host name other instances reach this one on, for lookups of keys it owns
 * @param instanceId            this instance's stable name in the Streams consumer group (static membership), or
 *                              blank for none: a restart under the same name resumes at once (StreamsRuntimeSettings)
 */
@Validated
@ConfigurationProperties("zmart.rewards")
public record RewardsProperties(@NotNull @Valid Points points,
                                @NotEmpty List<@NotNull @Positive Long> thresholds,
                                @NotNull @Valid Tiers tiers,
                                @Min(1) @Max(100) int couponDiscountPercent,
                                @NotNull Duration dedupRetention,
                                @NotBlank String applicationId,
                                @NotBlank String bootstrapServers,
                                @NotBlank String registryUrl,
                                @NotBlank String stateDir,
                                @Min(1) int replicationFactor,
                                Map<String, String> streams,
                                @NotBlank String advertisedHost,
                                String instanceId) {

    public RewardsProperties {
        // Unmodifiable copies that keep nulls, so that validation (not a constructor) reports them.
        thresholds = thresholds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(thresholds));
        streams = streams == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    }

    /** Thresholds must be strictly ascending, so "the next threshold" and each coupon are unambiguous. */
    @AssertTrue(message = "thresholds must be strictly ascending")
    public boolean isThresholdsAscending() {
        return isStrictlyAscending(thresholds);
    }

    /** True when the dedup retention is positive; a zero window would count every duplicate. */
    @AssertTrue(message = "dedup-retention must be positive")
    public boolean isDedupRetentionPositive() {
        return dedupRetention == null || (!dedupRetention.isNegative() && !dedupRetention.isZero());
    }

    static boolean isStrictlyAscending(List<Long> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i - 1) == null || values.get(i) == null || values.get(i - 1) >= values.get(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param perCurrencyUnit       points per whole unit of the store currency spent (after discount)
     * @param departmentMultipliers bonus multiplier per department (case-insensitive name); 1 when absent
     */
    public record Points(@NotNull @DecimalMin("0") BigDecimal perCurrencyUnit,
                         Map<String, @NotNull @DecimalMin("0") BigDecimal> departmentMultipliers) {

        public Points {
            departmentMultipliers = departmentMultipliers == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(departmentMultipliers));
        }
    }

    /** Point totals from which a member is SILVER, GOLD and PLATINUM; below {@code silver} a member is BRONZE. */
    public record Tiers(@Positive long silver, @Positive long gold, @Positive long platinum) {

        @AssertTrue(message = "tier thresholds must be strictly ascending (silver < gold < platinum)")
        public boolean isAscending() {
            return isStrictlyAscending(List.of(silver, gold, platinum));
        }
    }
}
