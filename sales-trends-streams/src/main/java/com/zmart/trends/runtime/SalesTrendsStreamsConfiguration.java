package com.zmart.trends.runtime;

import com.zmart.contracts.topic.Topics;
import com.zmart.streams.runtime.StreamsRuntimeSettings;
import com.zmart.streams.runtime.StreamsService;
import com.zmart.streams.runtime.StreamsServiceConfiguration;
import com.zmart.streams.topic.StreamsTopics;
import com.zmart.trends.config.SalesTrendsProperties;
import com.zmart.trends.topology.SalesTrendsTopology;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Declares the service's streams; streams-support runs them (exactly-once v2, a standby per store,
 * {@code application.server}, dead letters to {@code zmart.sales-trends-streams.dlt}), reports their health and
 * readiness, and routes interactive queries.
 */
@Configuration(proxyBeanMethods = false)
@Import(StreamsServiceConfiguration.class)
class SalesTrendsStreamsConfiguration {

    @Bean
    StreamsService salesTrendsStreams(SalesTrendsProperties properties) {
        return new StreamsService("sales-trends",
                SalesTrendsTopology.buildTopology(properties, StreamsTopics.registry(properties.registryUrl())),
                runtimeSettings(properties), properties.advertisedHost());
    }

    static StreamsRuntimeSettings runtimeSettings(SalesTrendsProperties properties) {
        return new StreamsRuntimeSettings(properties.applicationId(), properties.bootstrapServers(),
                properties.stateDir(), properties.replicationFactor(), Topics.SALES_TRENDS_DLT.name(),
                properties.instanceId(), EvenPartitionProgress.withOverrides(properties.streams()));
    }
}
