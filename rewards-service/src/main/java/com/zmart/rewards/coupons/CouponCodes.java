package com.zmart.rewards.coupons;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Coupon codes, deterministic for (member, threshold): {@code "ZM-"} followed by the RFC 4648 base32 (upper case,
 * no padding) of the first 10 bytes (80 bits, 16 characters) of {@code SHA-256(memberId + ":" + threshold)}.
 *
 * <p>The same crossing always yields the same code, so a reprocessed or retried notification never issues a second,
 * different coupon. The code is not secret: whoever knows a member id can compute it, so the point of sale must
 * accept a code only if it was issued (it is on {@code zmart.reward-notifications}).
 */
public final class CouponCodes {

    static final String PREFIX = "ZM-";
    private static final int DIGEST_BYTES = 10;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private CouponCodes() {
    }

    public static String codeFor(String memberId, long thresholdPoints) {
        byte[] digest = sha256((memberId + ":" + thresholdPoints).getBytes(StandardCharsets.UTF_8));
        return PREFIX + base32(digest, DIGEST_BYTES);
    }

    /** Base32 of the first {@code length} bytes; {@code length} is a multiple of 5, so no padding is needed. */
    static String base32(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(length * 8 / 5);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < length; i++) {
            buffer = (buffer << 8) | (bytes[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 0x1f]);
                bits -= 5;
            }
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
