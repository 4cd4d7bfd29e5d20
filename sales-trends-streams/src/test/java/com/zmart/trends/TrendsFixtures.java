package com.zmart.trends;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.events.ClickAction;
import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import com.zmart.trends.config.AttributionProperties;
import com.zmart.trends.config.SalesTrendsProperties;
import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.config.TrendsProperties;

/** Test data: settings close to application.yml, sale lines and clicks. */
public final class TrendsFixtures {

    /** A minute boundary, so tumbling windows start here. */
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    public static final Duration GRACE = Duration.ofSeconds(30);
    public static final Duration RECEIPT_IDLE = Duration.ofSeconds(2);
    public static final Duration EMIT_INTERVAL = Duration.ofMillis(500);

    private TrendsFixtures() {
    }

    /** Windows tumbling-1m and hopping-1h-5m, 30 s grace, top 3 items; attribution over 7 days. */
    public static SalesTrendsProperties properties() {
        return properties(List.of(TrendWindow.tumbling(Duration.ofMinutes(1)),
                TrendWindow.hopping(Duration.ofHours(1), Duration.ofMinutes(5))));
    }

    /** The same with other views. */
    public static SalesTrendsProperties properties(List<TrendWindow> views) {
        return new SalesTrendsProperties("zmart-sales-trends-test", "localhost:9092",
                "http://registry.invalid/apis/registry/v3", "/tmp/unused", 1, "127.0.0.1", null, Duration.ofDays(35),
                new TrendsProperties(views, GRACE, EMIT_INTERVAL, Duration.ofHours(24), 3),
                new AttributionProperties(Duration.ofDays(7), Duration.ofHours(1), RECEIPT_IDLE), Map.of());
    }

    /** One line of {@code quantity × unitPrice}, no discount, store-001 grocery "Coffee" (sku-coffee), at T0. */
    public static Sale.Builder sale(String transactionId, int lineNumber, String customerId, String unitPrice,
                                    int quantity) {
        return ContractFixtures.sale()
                .setTransactionId(transactionId)
                .setLineNumber(lineNumber)
                .setCustomerId(customerId)
                .setSku("sku-coffee")
                .setQuantity(quantity)
                .setUnitPrice(new BigDecimal(unitPrice))
                .setPurchasedAt(T0);
    }

    public static ClickEvent click(String customerId, String campaignId, ClickAction action, Instant at) {
        return ContractFixtures.click()
                .setEventId(UUID.randomUUID().toString())
                .setCampaignId(campaignId)
                .setCustomerId(customerId)
                .setSessionId("session-" + customerId)
                .setAction(action)
                .setUrl("https://coupons.zmart.example/" + campaignId)
                .setOccurredAt(at)
                .build();
    }
}
