package com.zmart.hardening;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.zmart.events.Sale;

/**
 * What the services must show for a set of sale lines, computed here from the lines themselves, independently of the
 * services' code: each distinct (transaction id, line number) counted once, duplicates ignored.
 * <ul>
 *   <li>rewards (rewards-service application.yml, PointsRule): per line floor((unit price x quantity - discount)
 *       x 1 point per currency unit x 2 for electronics), 0 when that is not positive; only lines with a member;</li>
 *   <li>trends (ADR 0009): units and revenue (unit price x quantity - discount, in cents) per store, department
 *       and tumbling 1-minute window of the purchase time;</li>
 *   <li>inventory (ADR 0007): units sold per store and sku, which the stock must have lost.</li>
 * </ul>
 */
final class ExpectedFigures {

    static final long MINUTE = Duration.ofMinutes(1).toMillis();

    record Rewards(long points, long lines) {
    }

    record Trend(long units, long revenueCents) {
    }

    private final Set<String> counted = new HashSet<>();
    final Map<String, Rewards> rewards = new TreeMap<>();
    final Map<String, Trend> tumbling = new TreeMap<>();
    final Map<String, Long> unitsSold = new TreeMap<>();
    private final Map<String, String> customerOfReceipt = new TreeMap<>();

    /** Counts the line unless a line with its identity was counted already; true if counted. */
    synchronized boolean add(Sale sale) {
        if (!counted.add(SaleLines.lineId(sale))) {
            return false;
        }
        BigDecimal net = sale.getUnitPrice().multiply(BigDecimal.valueOf(sale.getQuantity())).subtract(sale.getDiscount());
        if (sale.getLoyaltyMemberId() != null) {
            BigDecimal multiplier = "electronics".equals(sale.getDepartment()) ? BigDecimal.valueOf(2) : BigDecimal.ONE;
            long points = net.signum() <= 0 ? 0 : net.multiply(multiplier).setScale(0, RoundingMode.FLOOR).longValueExact();
            rewards.merge(sale.getLoyaltyMemberId(), new Rewards(points, 1),
                    (a, b) -> new Rewards(a.points() + b.points(), a.lines() + b.lines()));
        }
        long windowStart = Math.floorDiv(sale.getPurchasedAt().toEpochMilli(), MINUTE) * MINUTE;
        tumbling.merge(trendKey(sale.getStoreId(), sale.getDepartment(), windowStart),
                new Trend(sale.getQuantity(), net.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact()),
                (a, b) -> new Trend(a.units() + b.units(), a.revenueCents() + b.revenueCents()));
        unitsSold.merge(stockKey(sale.getStoreId(), sale.getSku()), (long) sale.getQuantity(), Long::sum);
        customerOfReceipt.put(sale.getTransactionId(), sale.getCustomerId());
        return true;
    }

    /** Receipts (distinct transactions) of these customers. */
    synchronized long receiptsOf(Set<String> customers) {
        return customerOfReceipt.values().stream().filter(customers::contains).count();
    }

    synchronized int lines() {
        return counted.size();
    }

    static String trendKey(String storeId, String department, long windowStartMillis) {
        return storeId + "/" + department + "/" + java.time.Instant.ofEpochMilli(windowStartMillis);
    }

    static String stockKey(String storeId, String sku) {
        return storeId + "/" + sku;
    }
}
