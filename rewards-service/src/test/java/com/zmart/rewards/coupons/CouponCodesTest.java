package com.zmart.rewards.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CouponCodesTest {

    @Test
    void theSameMemberAndThresholdAlwaysGetTheSameCode() {
        assertThat(CouponCodes.codeFor("member-1", 100)).isEqualTo(CouponCodes.codeFor("member-1", 100));
    }

    @Test
    void anotherMemberOrThresholdGetsAnotherCode() {
        String code = CouponCodes.codeFor("member-1", 100);

        assertThat(CouponCodes.codeFor("member-2", 100)).isNotEqualTo(code);
        assertThat(CouponCodes.codeFor("member-1", 250)).isNotEqualTo(code);
        // The separator keeps "member-1" + 0 and "member-10" + ... apart.
        assertThat(CouponCodes.codeFor("member-1", 0)).isNotEqualTo(CouponCodes.codeFor("member-10", 0));
    }

    @Test
    void codesArePrefixedBase32OfEightyBits() {
        assertThat(CouponCodes.codeFor("member-1", 100)).matches("ZM-[A-Z2-7]{16}");
    }

    @Test
    void base32FollowsRfc4648() {
        assertThat(CouponCodes.base32("fooba".getBytes(StandardCharsets.US_ASCII), 5)).isEqualTo("MZXW6YTB");
        assertThat(CouponCodes.base32(new byte[] {-1, -1, -1, -1, -1}, 5)).isEqualTo("77777777");
    }
}
