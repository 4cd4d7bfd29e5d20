package com.zmart.sales.simulator;

import java.time.Duration;

/**
 * What the register simulator does.
 *
 * @param ratePerSecond transactions (receipts) per second across all stores
 * @param duration      how long to run; {@link Duration#ZERO} means until {@code maxTransactions}, or until stopped
 * @param maxTransactions stop after this many transactions; 0 means no limit
 * @param stores        number of stores
 * @param products      number of products in the catalog
 * @param customers     number of customers (shared with the campaign simulator by id)
 * @param memberShare   share of customers who are loyalty members (0..1)
 * @param couponShare   share of sale lines bought with the 15% coupon (0..1)
 * @param seed          makes the reference data and the sales repeatable
 */
public record SimulatorOptions(double ratePerSecond, Duration duration, long maxTransactions, int stores, int products,
                               int customers, double memberShare, double couponShare, long seed) {

    public SimulatorOptions {
        require(ratePerSecond > 0, "rate must be positive");
        require(!duration.isNegative(), "duration must not be negative");
        require(maxTransactions >= 0, "maxTransactions must not be negative");
        require(stores >= 1 && products >= 1 && customers >= 1, "stores, products and customers must be at least 1");
        require(memberShare >= 0 && memberShare <= 1, "memberShare must be between 0 and 1");
        require(couponShare >= 0 && couponShare <= 1, "couponShare must be between 0 and 1");
    }

    public static SimulatorOptions defaults() {
        return new SimulatorOptions(5, Duration.ofMinutes(1), 0, 10, 200, 1000, 0.4, 0.15, 42);
    }

    public SimulatorOptions withRate(double rate) {
        return new SimulatorOptions(rate, duration, maxTransactions, stores, products, customers, memberShare, couponShare, seed);
    }

    public SimulatorOptions withLimit(Duration runFor, long transactions) {
        return new SimulatorOptions(ratePerSecond, runFor, transactions, stores, products, customers, memberShare, couponShare, seed);
    }

    public SimulatorOptions withSeed(long value) {
        return new SimulatorOptions(ratePerSecond, duration, maxTransactions, stores, products, customers, memberShare, couponShare, value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
