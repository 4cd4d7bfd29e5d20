package com.zmart.trends.trends;

import org.apache.kafka.streams.state.WindowStore;

/**
 * The transactions and customers already counted in each window of a group: the answer to "is this line's
 * transaction (customer) new to this window?" in one lookup, whatever the window's traffic.
 */
final class WindowMembers {

    private final WindowStore<String, Boolean> store;

    WindowMembers(WindowStore<String, Boolean> store) {
        this.store = store;
    }

    /** Records the transaction in the window; true if it was not counted there yet. */
    boolean addTransaction(String group, String transactionId, long windowStart) {
        return add("t" + TrendKeys.SEPARATOR + group + TrendKeys.SEPARATOR + transactionId, windowStart);
    }

    /** Records the customer in the window; true if they were not counted there yet. */
    boolean addCustomer(String group, String customerId, long windowStart) {
        return add("c" + TrendKeys.SEPARATOR + group + TrendKeys.SEPARATOR + customerId, windowStart);
    }

    private boolean add(String member, long windowStart) {
        if (store.fetch(member, windowStart) != null) {
            return false;
        }
        store.put(member, Boolean.TRUE, windowStart);
        return true;
    }
}
