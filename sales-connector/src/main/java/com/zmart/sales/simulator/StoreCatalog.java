package com.zmart.sales.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import com.zmart.simulator.scenario.DemoCoupons;
import com.zmart.simulator.scenario.DemoCustomers;

/**
 * ZMart's reference data, derived from a seed so that every simulator (registers, campaigns) and every run sees
 * the same stores, products and customers. Customer {@code i} is {@link #customerId(int)} everywhere.
 */
public final class StoreCatalog {

    public static final String COUPON_CODE = DemoCoupons.COUPON_CODE;
    public static final int COUPON_PERCENT = DemoCoupons.DISCOUNT_PERCENT;

    private static final String[] DEPARTMENTS = {"electronics", "grocery", "apparel", "home", "toys", "garden", "sports"};
    private static final String[] REGIONS = {"north-east", "south-east", "mid-west", "south-west", "west"};
    private static final String[] NOUNS = {"flux capacitor", "coffee maker", "running shoes", "desk lamp", "board game",
            "garden hose", "yoga mat", "headphones", "rice cooker", "rain jacket", "toaster", "backpack"};

    private final List<Store> stores;
    private final List<Product> products;
    private final List<Customer> customers;

    public StoreCatalog(int storeCount, int productCount, int customerCount, double memberShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        stores = new ArrayList<>();
        for (int i = 1; i <= storeCount; i++) {
            stores.add(new Store("store-%03d".formatted(i), "ZMart #" + i, "%05d".formatted(10000 + random.nextInt(89999)),
                    REGIONS[random.nextInt(REGIONS.length)]));
        }
        products = new ArrayList<>();
        for (int i = 1; i <= productCount; i++) {
            String department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
            BigDecimal price = BigDecimal.valueOf(99 + random.nextInt(49_900), 2).setScale(2, RoundingMode.UNNECESSARY);
            products.add(new Product("sku-%05d".formatted(i), NOUNS[random.nextInt(NOUNS.length)] + " #" + i, department, price));
        }
        customers = new ArrayList<>();
        Instant programStart = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 1; i <= customerCount; i++) {
            boolean member = random.nextDouble() < memberShare;
            Optional<String> memberId = member ? Optional.of("member-%06d".formatted(i)) : Optional.empty();
            customers.add(new Customer(customerId(i), "Customer" + i, memberId, "customer" + i + "@zmart.example",
                    CardNumbers.next(random), programStart.plus(random.nextInt(1500), ChronoUnit.DAYS)));
        }
    }

    public static String customerId(int index) {
        return DemoCustomers.id(index);
    }

    public List<Store> stores() {
        return stores;
    }

    public List<Product> products() {
        return products;
    }

    public List<Customer> customers() {
        return customers;
    }

    public record Store(String id, String name, String zipCode, String region) {
    }

    public record Product(String sku, String name, String department, BigDecimal unitPrice) {
    }

    /** A customer, member of the loyalty program when {@code memberId} is present, paying with one card. */
    public record Customer(String id, String firstName, Optional<String> memberId, String email, String cardNumber,
                           Instant joinedAt) {
    }
}
