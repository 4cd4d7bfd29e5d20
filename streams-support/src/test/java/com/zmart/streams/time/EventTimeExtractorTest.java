package com.zmart.streams.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventTimeExtractorTest {

    private static final Instant PURCHASED = Instant.parse("2025-03-01T10:00:00Z");
    private final EventTimeExtractor extractor = new EventTimeExtractor();

    @Test
    void aSaleLineHappensWhenItWasPurchasedAndAClickWhenItOccurred() {
        Sale sale = ContractFixtures.sale().setPurchasedAt(PURCHASED).build();
        ClickEvent click = ContractFixtures.click().setOccurredAt(PURCHASED.plusSeconds(1)).build();

        assertThat(extractor.extract(record(sale, 5), 0)).isEqualTo(PURCHASED.toEpochMilli());
        assertThat(extractor.extract(record(click, 5), 0)).isEqualTo(PURCHASED.plusSeconds(1).toEpochMilli());
    }

    @Test
    void otherRecordsKeepTheirTimestampOrTheirPartitionsTime() {
        assertThat(extractor.extract(record("other", 5), 7)).isEqualTo(5);
        assertThat(extractor.extract(record("other", -1), 7)).isEqualTo(7);
    }

    private static ConsumerRecord<Object, Object> record(Object value, long timestamp) {
        return new ConsumerRecord<>("t", 0, 0, timestamp, TimestampType.CREATE_TIME, 0, 0, "k", value,
                new RecordHeaders(), Optional.empty());
    }
}
