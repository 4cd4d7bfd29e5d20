package com.zmart.hardening;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.zmart.events.Sale;

/**
 * What the services must show for a set of sale lines, computed here from the lines themselves, independently of the
 * services' code: each distinct (transaction id, line number) counted once, duplicates ignored, and only purchases
 * (ADR 0005): a line of 1 to 1,000,000 units with no negative price or discount and no blank transaction, store,
 * customer, sku or department; every service sets the others aside, returns (negative quantities) included.
 * <ul>
 *   <li>rewards (rewards-service application.yml, PointsRule): per line floor((unit price x quantity - discount)
 *       x 1 point per currency unit x 2 for electronics), 0 when that is not positive; only lines with a member;</li>
 *   <li>trends (ADR 0009): units, revenue (unit price x quantity - discount, in cents), distinct transactions and
 *       distinct customers per store, department and window of the purchase time, for the tumbling 1-minute windows
 *       and the hour-long windows every 5 minutes, each window's members counted in a set;</li>
 *   <li>inventory (ADR 0007): units sold per store and sku, which the stock must have lost.</li>
 * </ul>
 */
final class ExpectedFigures {

    static final long MINUTE = Duration.ofMinutes(1).toMillis();
    static final long HOUR = Duration.ofHours(1).toMillis();
    static final long HOUR_ADVANCE = Duration.ofMinutes(5).toMillis();

    record Rewards(long points, long lines) {
    }

    record Trend(long units, long revenueCents, long transactions, long customers) {
    }

    /** The running figures of one expected window. */
    private static final class Window {
        private long units;
        private long revenueCents;
        private final Set<String> transactions = new HashSet<>();
        private final Set<String> customers = new HashSet<>();

        Trend figures() {
            return new Trend(units, revenueCents, transactions.size(), customers.size());
        }
    }

    private final Set<String> counted = new HashSet<>();
    final Map<String, Rewards> rewards = new TreeMap<>();
    private final Map<String, Window> tumbling = new TreeMap<>();
    private final Map<String, Window> hourly = new TreeMap<>();
    final Map<String, Long> unitsSold = new TreeMap<>();
    private final Map<String, String> customerOfReceipt = new TreeMap<>();
    private final Map<String, Long> revenueCentsOfReceipt = new TreeMap<>();

    /** Counts the line unless it is no purchase or a line with its identity was counted already; true if counted. */
    synchronized boolean add(Sale sale) {
        if (!isPurchase(sale) || !counted.add(SaleLines.lineId(sale))) {
            return false;
        }
        BigDecimal net = sale.getUnitPrice().multiply(BigDecimal.valueOf(sale.getQuantity())).subtract(sale.getDiscount());
        if (sale.getLoyaltyMemberId() != null) {
            BigDecimal multiplier = "electronics".equals(sale.getDepartment()) ? BigDecimal.valueOf(2) : BigDecimal.ONE;
            long points = net.signum() <= 0 ? 0 : net.multiply(multiplier).setScale(0, RoundingMode.FLOOR).longValueExact();
            rewards.merge(sale.getLoyaltyMemberId(), new Rewards(points, 1),
                    (a, b) -> new Rewards(a.points() + b.points(), a.lines() + b.lines()));
        }
        long time = sale.getPurchasedAt().toEpochMilli();
        long revenueCents = net.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        addTo(tumbling, sale, Math.floorDiv(time, MINUTE) * MINUTE, revenueCents);
        // Every hour-long window holding the purchase: starts on the 5-minute grid, in (time - 1 h, time].
        for (long start = Math.floorDiv(time, HOUR_ADVANCE) * HOUR_ADVANCE; start > time - HOUR; start -= HOUR_ADVANCE) {
            addTo(hourly, sale, start, revenueCents);
        }
        unitsSold.merge(stockKey(sale.getStoreId(), sale.getSku()), (long) sale.getQuantity(), Long::sum);
        customerOfReceipt.put(sale.getTransactionId(), sale.getCustomerId());
        revenueCentsOfReceipt.merge(sale.getTransactionId(), revenueCents, Long::sum);
        return true;
    }

    private static boolean isPurchase(Sale sale) {
        return sale.getQuantity() >= 1 && sale.getQuantity() <= 1_000_000 && sale.getLineNumber() >= 1
                && sale.getUnitPrice().signum() >= 0 && sale.getDiscount().signum() >= 0
                && Stream.of(sale.getTransactionId(), sale.getStoreId(), sale.getCustomerId(), sale.getSku(),
                sale.getDepartment()).noneMatch(String::isBlank);
    }

    private static void addTo(Map<String, Window> windows, Sale sale, long start, long revenueCents) {
        Window window = windows.computeIfAbsent(trendKey(sale.getStoreId(), sale.getDepartment(), start),
                k -> new Window());
        window.units += sale.getQuantity();
        window.revenueCents += revenueCents;
        window.transactions.add(sale.getTransactionId());
        window.customers.add(sale.getCustomerId());
    }

    /** The expected figures of every tumbling 1-minute window holding a line. */
    synchronized Map<String, Trend> tumbling() {
        return figures(tumbling);
    }

    /** The expected figures of every hour-long window (every 5 minutes) holding a line. */
    synchronized Map<String, Trend> hourly() {
        return figures(hourly);
    }

    private static Map<String, Trend> figures(Map<String, Window> windows) {
        Map<String, Trend> figures = new TreeMap<>();
        windows.forEach((key, window) -> figures.put(key, window.figures()));
        return figures;
    }

    /** Receipts (distinct transactions) of these customers. */
    synchronized long receiptsOf(Set<String> customers) {
        return customerOfReceipt.values().stream().filter(customers::contains).count();
    }

    /** Revenue in cents of the receipts of these customers: what attribution credits to a campaign they all clicked. */
    synchronized long revenueCentsOf(Set<String> customers) {
        return customerOfReceipt.entrySet().stream().filter(receipt -> customers.contains(receipt.getValue()))
                .mapToLong(receipt -> revenueCentsOfReceipt.get(receipt.getKey())).sum();
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
