package com.zmart.inventory.restock;

import com.zmart.events.Restock;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies deliveries from {@code zmart.restocks}; a restock of an unknown item goes to the dead-letter topic. */
@Component
class RestockListener {

    private final RestockService restocks;

    RestockListener(RestockService restocks) {
        this.restocks = restocks;
    }

    @KafkaListener(id = "inventory-restocks", idIsGroup = false, containerFactory = "restockListenerFactory",
            topics = "#{T(com.zmart.contracts.topic.Topics).RESTOCKS.name()}")
    void onRestock(Restock restock) {
        restocks.apply(RestockCommand.of(restock));
    }
}
