package com.zmart.trends.trends;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The transactions and customers a group (store and department) has seen, each recorded once at the event time of
 * its line: "is this line's transaction (customer) new to each of its windows?" is one lookup when the member was
 * already seen at that instant (every further line of a receipt), otherwise one range read over the line's windows,
 * and at most one write per line and member kind, however many windows overlap (twelve for an hour hopping by five
 * minutes). Writing a member into each window instead cost 26 store and changelog writes per line.
 */
final class WindowMembers {

    private final WindowStore<String, Boolean> store;
    private final long windowSizeMs;

    WindowMembers(WindowStore<String, Boolean> store, long windowSizeMs) {
        this.store = store;
        this.windowSizeMs = windowSizeMs;
    }

    /** For each window start, whether the transaction is new to that window; records it at {@code time}. */
    boolean[] addTransaction(String group, String transactionId, long time, long[] windowStarts) {
        return add("t" + TrendKeys.SEPARATOR + group + TrendKeys.SEPARATOR + transactionId, time, windowStarts);
    }

    /** For each window start, whether the customer is new to that window; records them at {@code time}. */
    boolean[] addCustomer(String group, String customerId, long time, long[] windowStarts) {
        return add("c" + TrendKeys.SEPARATOR + group + TrendKeys.SEPARATOR + customerId, time, windowStarts);
    }

    private boolean[] add(String member, long time, long[] windowStarts) {
        boolean[] isNew = new boolean[windowStarts.length];
        if (windowStarts.length == 0 || store.fetch(member, time) != null) {
            // Seen at this very instant: already counted in every window that holds it.
            return isNew;
        }
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (long start : windowStarts) {
            from = Math.min(from, start);
            to = Math.max(to, start + windowSizeMs - 1);
        }
        List<Long> seenAt = new ArrayList<>();
        try (WindowStoreIterator<Boolean> earlier = store.fetch(member, from, to)) {
            earlier.forEachRemaining(entry -> seenAt.add(entry.key));
        }
        for (int i = 0; i < windowStarts.length; i++) {
            isNew[i] = true;
            for (long seen : seenAt) {
                if (seen >= windowStarts[i] && seen < windowStarts[i] + windowSizeMs) {
                    isNew[i] = false;
                    break;
                }
            }
        }
        store.put(member, Boolean.TRUE, time);
        return isNew;
    }
}
