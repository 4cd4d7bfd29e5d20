package com.zmart.trends.trends;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.avro.SchemaNormalization;

/**
 * The transactions or customers of a pane as 64-bit fingerprints packed in a byte buffer: a pane is written at every
 * line and read at every emission, and a packed buffer encodes, decodes and scans with no per-member object.
 *
 * <p>The fingerprint is Avro's CRC-64-AVRO (Rabin). Two ids of the same length that differ in at most 64 consecutive
 * bits (the ids of ZMart's registers: {@code cust-000123}, transaction numbers) never share one; any other pair shares
 * one with probability 2<sup>-64</sup> unless crafted to, so a window of a million members miscounts with probability
 * below 10<sup>-7</sup>.
 */
final class MemberFingerprints {

    static final ByteBuffer NONE = ByteBuffer.allocate(0);
    private static final int SIZE = Long.BYTES;

    private MemberFingerprints() {
    }

    static long of(String id) {
        long fingerprint = SchemaNormalization.fingerprint64(id.getBytes(StandardCharsets.UTF_8));
        // 0 marks an empty slot in FingerprintCounts.
        return fingerprint == 0 ? 1 : fingerprint;
    }

    static int count(ByteBuffer members) {
        return members.remaining() / SIZE;
    }

    static long get(ByteBuffer members, int index) {
        return members.getLong(members.position() + index * SIZE);
    }

    /** {@code members} with {@code fingerprint} added, or {@code members} itself when it already holds it. */
    static ByteBuffer with(ByteBuffer members, long fingerprint) {
        int count = count(members);
        for (int i = 0; i < count; i++) {
            if (get(members, i) == fingerprint) {
                return members;
            }
        }
        ByteBuffer grown = ByteBuffer.allocate((count + 1) * SIZE);
        grown.put(members.duplicate()).putLong(fingerprint).flip();
        return grown;
    }
}
