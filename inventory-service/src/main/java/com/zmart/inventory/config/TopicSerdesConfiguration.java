package com.zmart.inventory.config;

import com.zmart.contracts.serde.TopicSerdes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog's serdes against the service's registry: producers, listeners and the dead-letter writer take theirs here. */
@Configuration(proxyBeanMethods = false)
class TopicSerdesConfiguration {

    @Bean
    TopicSerdes topicSerdes(InventoryProperties properties) {
        return TopicSerdes.registry(properties.registryUrl());
    }
}
