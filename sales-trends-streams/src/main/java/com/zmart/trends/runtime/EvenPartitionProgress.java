package com.zmart.trends.runtime;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How sales-trends reads its input, so that the six partitions of {@code zmart.sales} progress together when a
 * backlog is read (after an outage, on a replay). A consumer fetching up to 1 MiB per partition lets one partition run
 * minutes of event time ahead of another; after the repartition by store, a store's task then sees lines more than
 * the grace behind the newest it has seen and leaves them out of their closed windows. Fetching 32 KiB per partition
 * (a few hundred sale lines), a 200,000-line backlog has no late updates, against 287,419 with the default fetch
 * (performance.md).
 * Live traffic is unaffected: it never fills a fetch.
 *
 * <p>The same fetches read the repartition topic the aggregation works from, which the stream threads write in small
 * batches, a commit's worth of lines per partition. Uncompressed, a 32 KiB fetch of it brought a few hundred lines
 * and on a backlog the aggregation fell 56,000-67,000 lines behind its source stage; written with lz4, a fetch
 * carries two to three times the lines and the aggregation stays within 10,000-19,000 lines (performance.md).
 */
public final class EvenPartitionProgress {

    static final int FETCH_BYTES_PER_PARTITION = 32 * 1024;
    static final String COMPRESSION_TYPE = "lz4";

    private EvenPartitionProgress() {
    }

    /** The Streams settings of sales-trends: these defaults, then {@code overrides} (which win). */
    public static Map<String, String> withOverrides(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                Integer.toString(FETCH_BYTES_PER_PARTITION));
        settings.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), COMPRESSION_TYPE);
        settings.putAll(overrides);
        return settings;
    }
}
