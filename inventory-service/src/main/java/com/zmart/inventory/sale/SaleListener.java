package com.zmart.inventory.sale;

import java.util.EnumMap;
import java.util.Map;

import com.zmart.events.Sale;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies each sale line of {@code zmart.sales}; counts lines by outcome ({@code zmart.inventory.sale-lines}). */
@Component
class SaleListener {

    private final SaleLineService sales;
    private final Map<SaleLineOutcome, Counter> outcomes = new EnumMap<>(SaleLineOutcome.class);

    SaleListener(SaleLineService sales, MeterRegistry meters) {
        this.sales = sales;
        for (SaleLineOutcome outcome : SaleLineOutcome.values()) {
            outcomes.put(outcome, Counter.builder("zmart.inventory.sale-lines").tag("outcome", outcome.tag())
                    .description("Sale lines consumed, by what applying them did").register(meters));
        }
    }

    @KafkaListener(id = "inventory-sales", idIsGroup = false, containerFactory = "saleListenerFactory",
            topics = "#{T(com.zmart.contracts.topic.Topics).SALES.name()}")
    void onSale(Sale sale) {
        outcomes.get(sales.apply(sale)).increment();
    }
}
