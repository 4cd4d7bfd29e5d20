package com.zmart.trends.trends;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions {@code storeId/department} keys by their store only, so every department of a store is aggregated, and
 * queried, on one instance: "trends of store X" is then one interactive query to one owner, not a scatter-gather.
 */
public final class StorePartitioner<V> implements StreamPartitioner<String, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        byte[] store = TrendKeys.storeOf(key).getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(store)) % numPartitions));
    }
}
