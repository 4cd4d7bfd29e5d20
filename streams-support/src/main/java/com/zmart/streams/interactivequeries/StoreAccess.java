package com.zmart.streams.interactivequeries;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * Opens a store of this instance for one query: only the active copy, or also a standby copy ({@code stale}) when
 * the active owner could not answer. A standby lags the active by at most its last restored changelog records.
 */
public final class StoreAccess {

    private final KafkaStreams streams;
    private final String storeName;
    private final int partition;
    private final boolean stale;

    StoreAccess(KafkaStreams streams, String storeName, int partition, boolean stale) {
        this.streams = streams;
        this.storeName = storeName;
        this.partition = partition;
        this.stale = stale;
    }

    /** The store for the key's partition; throws {@code InvalidStateStoreException} while it cannot be read. */
    public <S> S store(QueryableStoreType<S> type) {
        StoreQueryParameters<S> parameters = StoreQueryParameters.fromNameAndType(storeName, type)
                .withPartition(partition);
        return streams.store(stale ? parameters.enableStaleStores() : parameters);
    }

    /** True when the answer comes from a standby replica. */
    public boolean stale() {
        return stale;
    }
}
