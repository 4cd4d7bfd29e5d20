package com.zmart.rewards.runtime;

import com.zmart.contracts.topic.Topics;
import com.zmart.rewards.config.RewardsProperties;
import com.zmart.rewards.topology.RewardsTopology;
import com.zmart.streams.runtime.StreamsRuntimeSettings;
import com.zmart.streams.runtime.StreamsService;
import com.zmart.streams.runtime.StreamsServiceConfiguration;
import com.zmart.streams.topic.StreamsTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The rewards topology, run by the suite's shared Streams runtime (lifecycle, health, dead letters, lookups). */
@Configuration(proxyBeanMethods = false)
@Import(StreamsServiceConfiguration.class)
class RewardsStreamsConfiguration {

    @Bean
    StreamsService rewardsStreams(RewardsProperties properties) {
        return new StreamsService("Rewards",
                RewardsTopology.buildTopology(properties, StreamsTopics.registry(properties.registryUrl())),
                new StreamsRuntimeSettings(properties.applicationId(), properties.bootstrapServers(),
                        properties.stateDir(), properties.replicationFactor(), Topics.REWARDS_DLT.name(),
                        properties.instanceId(), properties.streams()),
                properties.advertisedHost());
    }
}
