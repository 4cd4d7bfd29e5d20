package com.zmart.contracts.demo;

/**
 * The coupon shared by the simulators: the campaign simulator's customers activate and print it, the register
 * simulator's customers redeem it at the registers, so that coupon sales can be attributed to campaign clicks.
 */
public final class DemoCoupons {

    /** Code of the 15% coupon of the demo campaigns (the register simulator's {@code StoreCatalog.COUPON_CODE}). */
    public static final String COUPON_CODE = "ZMART15";

    private DemoCoupons() {
    }
}
