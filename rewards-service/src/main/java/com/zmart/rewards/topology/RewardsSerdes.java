package com.zmart.rewards.topology;

import java.util.Objects;

import com.zmart.contracts.serde.RegistrySerdes;
import com.zmart.events.LoyaltyMember;
import com.zmart.events.RewardNotification;
import com.zmart.events.RewardUpdate;
import com.zmart.events.Sale;
import org.apache.kafka.common.serialization.Serde;

/**
 * Value serdes of the public topics the topology reads and writes. Production uses the registry serdes; tests pass
 * serdes that need no registry. Internal topics and stores do not use these (see {@code InternalAvroSerde}).
 */
public record RewardsSerdes(Serde<Sale> sale, Serde<LoyaltyMember> member, Serde<RewardUpdate> update,
                            Serde<RewardNotification> notification) {

    public RewardsSerdes {
        Objects.requireNonNull(sale, "sale");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(notification, "notification");
    }

    /** Apicurio serdes against {@code registryApiUrl} ({@code .../apis/registry/v3}), configured as ADR 0001 says. */
    public static RewardsSerdes registry(String registryApiUrl) {
        // The topics read (sales, members) only let their own contract through.
        return new RewardsSerdes(RegistrySerdes.valueSerde(registryApiUrl, Sale.class),
                RegistrySerdes.valueSerde(registryApiUrl, LoyaltyMember.class),
                RegistrySerdes.valueSerde(registryApiUrl), RegistrySerdes.valueSerde(registryApiUrl));
    }
}
