package com.zmart.simulator.scenario;

import java.util.SplittableRandom;

/**
 * Customer ids shared by the simulators: the register simulator's customer {@code i} and the campaign simulator's
 * customer {@code i} are the same person, so that purchases can be attributed to campaign clicks.
 *
 * <p>Both simulators draw their customers the same way ({@link #draw}): a store's regulars, the first twentieth of the
 * customers, make half of its receipts and read half of its campaign emails. With uniform draws over 1,000 customers
 * at the demo's rates, a purchase meets an earlier coupon click about a minute after the first clicks on average;
 * with the regulars, in about half that time, so the attributions and the campaign funnel fill in while someone
 * watches the demo's first minutes.
 */
public final class DemoCustomers {

    /** One customer in this many is a regular. */
    static final int REGULARS_ONE_IN = 20;
    /** Share of the draws that go to a regular. */
    static final double REGULARS_SHARE = 0.5;

    private DemoCustomers() {
    }

    /** Id of the {@code index}-th customer (1-based). */
    public static String id(int index) {
        if (index < 1) {
            throw new IllegalArgumentException("customer index starts at 1, not " + index);
        }
        return "cust-%06d".formatted(index);
    }

    /** The (1-based) index of the next customer out of {@code customers}: a regular for half of the draws. */
    public static int draw(SplittableRandom random, int customers) {
        if (customers < 1) {
            throw new IllegalArgumentException("at least one customer, not " + customers);
        }
        int regulars = Math.max(1, customers / REGULARS_ONE_IN);
        return 1 + random.nextInt(random.nextDouble() < REGULARS_SHARE ? regulars : customers);
    }
}
