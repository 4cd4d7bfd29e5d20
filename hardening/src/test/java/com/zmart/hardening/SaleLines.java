package com.zmart.hardening;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.zmart.events.Sale;
import com.zmart.sales.simulator.Register;
import com.zmart.sales.simulator.StoreCatalog;
import com.zmart.sales.simulator.StoreCatalog.Customer;
import com.zmart.sales.simulator.StoreCatalog.Product;
import com.zmart.sales.simulator.StoreCatalog.Store;

/**
 * Deterministic sale lines over the catalog's stores, products and customers (a seed gives the same lines), shaped
 * as the registers ring them: receipts of 1-4 lines sharing a transaction id and a purchase time, 15% coupons on
 * some lines, the card masked to its last four digits. Purchase times climb evenly through a given span of event time.
 */
final class SaleLines {

    private SaleLines() {
    }

    /** {@code count} lines (the last receipt may be cut short), transaction ids {@code <prefix><n in base 36>}. */
    static List<Sale> generate(StoreCatalog catalog, long seed, String prefix, int count, Instant start, Duration span) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Sale> lines = new ArrayList<>(count);
        long receipt = 0;
        while (lines.size() < count) {
            Instant purchasedAt = start.plusMillis(span.toMillis() * lines.size() / count);
            Register.Receipt generated = receipt(catalog, random, prefix + Long.toString(receipt++, 36), purchasedAt);
            for (Sale line : linesOf(generated)) {
                if (lines.size() < count) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** A receipt as {@link Register} rings it: the same shape as the register simulator's. */
    static Register.Receipt receipt(StoreCatalog catalog, SplittableRandom random, String transactionId,
                                    Instant purchasedAt) {
        Store store = pick(catalog.stores(), random);
        Customer customer = pick(catalog.customers(), random);
        int count = 1 + random.nextInt(4);
        List<Register.Item> items = new ArrayList<>(count);
        List<Boolean> coupons = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(new Register.Item(pick(catalog.products(), random), 1 + random.nextInt(3)));
            coupons.add(random.nextDouble() < 0.15);
        }
        return new Register.Receipt(transactionId, store, customer, items, coupons, purchasedAt);
    }

    /**
     * The {@code Sale} records a receipt becomes on {@code zmart.sales}: the register's discount of each line
     * ({@link Register#discount}), the card number masked the way the transform masks.
     */
    static List<Sale> linesOf(Register.Receipt receipt) {
        List<Sale> lines = new ArrayList<>();
        for (int i = 0; i < receipt.items().size(); i++) {
            Register.Item item = receipt.items().get(i);
            Product product = item.product();
            boolean coupon = receipt.couponLines().get(i);
            BigDecimal discount = Register.discount(item, coupon);
            lines.add(Sale.newBuilder()
                    .setTransactionId(receipt.transactionId())
                    .setLineNumber(i + 1)
                    .setStoreId(receipt.store().id())
                    .setStoreZipCode(receipt.store().zipCode())
                    .setStoreRegion(receipt.store().region())
                    .setCustomerId(receipt.customer().id())
                    .setLoyaltyMemberId(receipt.customer().memberId().orElse(null))
                    .setSku(product.sku())
                    .setProductName(product.name())
                    .setDepartment(product.department())
                    .setQuantity(item.quantity())
                    .setUnitPrice(product.unitPrice())
                    .setCouponCode(coupon ? StoreCatalog.COUPON_CODE : null)
                    .setDiscount(discount)
                    .setMaskedCardNumber(masked(receipt.customer().cardNumber()))
                    .setPurchasedAt(receipt.purchasedAt())
                    .build());
        }
        return lines;
    }

    /** Every digit but the last four as 'x': never a card number on a topic, even in a test's own records. */
    static String masked(String cardNumber) {
        return "x".repeat(cardNumber.length() - 4) + cardNumber.substring(cardNumber.length() - 4);
    }

    static String lineId(Sale sale) {
        return sale.getTransactionId() + "#" + sale.getLineNumber();
    }

    private static <T> T pick(List<T> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }
}
