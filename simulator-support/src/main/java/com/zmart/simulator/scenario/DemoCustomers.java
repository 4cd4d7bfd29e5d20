package com.zmart.simulator.scenario;

/**
 * Customer ids shared by the simulators: the register simulator's customer {@code i} and the campaign simulator's
 * customer {@code i} are the same person, so that purchases can be attributed to campaign clicks.
 */
public final class DemoCustomers {

    private DemoCustomers() {
    }

    /** Id of the {@code index}-th customer (1-based). */
    public static String id(int index) {
        if (index < 1) {
            throw new IllegalArgumentException("customer index starts at 1, not " + index);
        }
        return "cust-%06d".formatted(index);
    }
}
