package com.zmart.trends.topology;

import java.util.Objects;

import com.zmart.contracts.serde.RegistrySerdes;
import com.zmart.events.CampaignAttribution;
import com.zmart.events.CampaignConversion;
import com.zmart.events.CampaignFunnel;
import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import com.zmart.events.SalesTrend;
import org.apache.kafka.common.serialization.Serde;

/**
 * Value serdes of the public topics the topology reads and writes. Production uses the registry serdes; tests pass
 * serdes that need no registry. Internal topics and stores do not use these (see {@code InternalAvroSerde}).
 */
public record SalesTrendsSerdes(Serde<Sale> sale, Serde<ClickEvent> click, Serde<SalesTrend> trend,
                                Serde<CampaignAttribution> attribution, Serde<CampaignConversion> conversion,
                                Serde<CampaignFunnel> funnel) {

    public SalesTrendsSerdes {
        Objects.requireNonNull(sale, "sale");
        Objects.requireNonNull(click, "click");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(conversion, "conversion");
        Objects.requireNonNull(funnel, "funnel");
    }

    /** Apicurio serdes against {@code registryApiUrl} ({@code .../apis/registry/v3}), configured as ADR 0001 says. */
    public static SalesTrendsSerdes registry(String registryApiUrl) {
        // The topics read (sales, clicks) only let their own contract through: a record of another contract is a
        // dead letter, not a failed cast further down.
        return new SalesTrendsSerdes(RegistrySerdes.valueSerde(registryApiUrl, Sale.class),
                RegistrySerdes.valueSerde(registryApiUrl, ClickEvent.class), RegistrySerdes.valueSerde(registryApiUrl),
                RegistrySerdes.valueSerde(registryApiUrl), RegistrySerdes.valueSerde(registryApiUrl),
                RegistrySerdes.valueSerde(registryApiUrl));
    }
}
