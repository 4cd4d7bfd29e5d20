package com.zmart.trends.trends;

/**
 * How many panes of a sliding window hold each member fingerprint: its size is the window's distinct count. Open
 * addressing over primitive arrays, since a window slides over thousands of members at every emission.
 */
final class FingerprintCounts {

    private static final long EMPTY = 0;

    private long[] keys = new long[64];
    private int[] counts = new int[64];
    private int size;

    int size() {
        return size;
    }

    void increment(long fingerprint) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slotOf(fingerprint);
        if (keys[slot] == EMPTY) {
            keys[slot] = fingerprint;
            size++;
        }
        counts[slot]++;
    }

    void decrement(long fingerprint) {
        int slot = slotOf(fingerprint);
        if (keys[slot] == EMPTY) {
            throw new IllegalStateException("fingerprint " + fingerprint + " was never counted");
        }
        if (--counts[slot] == 0) {
            remove(slot);
        }
    }

    /** The slot holding {@code fingerprint}, or the empty slot where it belongs. */
    private int slotOf(long fingerprint) {
        int mask = keys.length - 1;
        int slot = mix(fingerprint) & mask;
        while (keys[slot] != EMPTY && keys[slot] != fingerprint) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Backward-shift deletion: later members of the probe run move up, so lookups need no tombstones. */
    private void remove(int slot) {
        int mask = keys.length - 1;
        int hole = slot;
        int next = (hole + 1) & mask;
        while (keys[next] != EMPTY) {
            int home = mix(keys[next]) & mask;
            // Move keys[next] into the hole unless its home lies cyclically in (hole, next].
            boolean homeBetween = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
            if (!homeBetween) {
                keys[hole] = keys[next];
                counts[hole] = counts[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        keys[hole] = EMPTY;
        counts[hole] = 0;
        size--;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    private static int mix(long fingerprint) {
        long h = fingerprint * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
