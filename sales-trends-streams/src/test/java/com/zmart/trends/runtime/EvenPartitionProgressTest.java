package com.zmart.trends.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EvenPartitionProgressTest {

    private static final String FETCH = "main.consumer.max.partition.fetch.bytes";
    private static final String COMPRESSION = "producer.compression.type";

    @Test
    void theMainConsumerFetchesLittlePerPartitionAndTheStreamThreadsWriteCompressedBatches() {
        assertThat(EvenPartitionProgress.withOverrides(Map.of("num.stream.threads", "2")))
                .containsEntry(FETCH, "32768").containsEntry(COMPRESSION, "lz4")
                .containsEntry("num.stream.threads", "2");
    }

    @Test
    void anOperatorsSettingWins() {
        assertThat(EvenPartitionProgress.withOverrides(Map.of(FETCH, "1048576", COMPRESSION, "zstd")))
                .containsEntry(FETCH, "1048576").containsEntry(COMPRESSION, "zstd");
    }
}
