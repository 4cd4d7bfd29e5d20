package com.zmart.simulator.scenario;

/**
 * The coupon shared by the simulators: the campaign simulator's customers activate and print it, the register
 * simulator's customers redeem it at the registers, so that coupon sales can be attributed to campaign clicks.
 */
public final class DemoCoupons {

    /** Code of the coupon of the demo campaigns. */
    public static final String COUPON_CODE = "ZMART15";

    /** Its discount, as in the seed scenario: 15% off. */
    public static final int DISCOUNT_PERCENT = 15;

    private DemoCoupons() {
    }
}
