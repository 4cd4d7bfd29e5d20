package com.zmart.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.zmart.contracts.carddata.CardDataScan;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.sales.simulator.StoreCatalog.Customer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Card data must never reach a topic or a log (issue 10, item 4), checked with the suite's {@link CardDataScan}.
 * Topics: Luhn-valid 13-19 digit runs in keys, values and headers (dead letters carry exception messages in
 * headers). Logs: the catalog's own card numbers, however separated (log lines are full of timestamps and offsets,
 * which a Luhn scan would flag at random).
 *
 * <p>One instance per suite: each check scans what was written since the one before (committed records from the
 * offsets it reached, logs from the line it reached), so every record and log line of the suite is scanned once,
 * after the test class that wrote it, however many classes run.
 */
final class CardDataCheck {

    private final Map<TopicPartition, Long> topicsScannedTo = new HashMap<>();
    private final Map<Path, Long> logsScannedTo = new HashMap<>();

    void assertNoCardDataSinceLastCheck(Suite suite, String after) {
        long started = System.nanoTime();
        List<String> found = new ArrayList<>();
        long records = scanTopics(suite, found);
        List<String> cards = suite.catalog().customers().stream().map(Customer::cardNumber).toList();
        int logs = 0;
        try (Stream<Path> files = Files.list(suite.logs())) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                logs++;
                CardDataScan.knownNumbers(unscannedLines(log), cards)
                        .forEach(number -> found.add(log.getFileName() + ": a catalog card number ending "
                                + number.substring(number.length() - 4)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("[hardening] card-data scan after %s: %d new records of %d topics, %d logs, %d s%n", after,
                records, Topics.ALL.size(), logs, (System.nanoTime() - started) / 1_000_000_000L);
        assertThat(logs).as("service logs scanned").isGreaterThanOrEqualTo(5);
        assertThat(found).as("card data after %s", after).isEmpty();
    }

    /** Scans every committed record written since the last check; answers how many there were. */
    private long scanTopics(Suite suite, List<String> found) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000, ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 50 * 1024 * 1024);
        long records = 0;
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicSpec<?, ?> topic : Topics.ALL) {
                consumer.partitionsFor(topic.name())
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                Long from = topicsScannedTo.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from);
                }
            }
            // Under read_committed, the end is the last stable offset: an open transaction's records wait for the
            // next check.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    scan(record, found);
                }
            }
            partitions.forEach(partition -> topicsScannedTo.put(partition, consumer.position(partition)));
        }
        return records;
    }

    private static void scan(ConsumerRecord<byte[], byte[]> record, List<String> found) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(record.key());
        parts.add(record.value());
        for (Header header : record.headers()) {
            parts.add(header.value());
        }
        for (byte[] bytes : parts) {
            if (bytes != null) {
                CardDataScan.luhnValidRuns(bytes).forEach(run -> found.add(record.topic() + "@" + record.partition()
                        + "-" + record.offset() + ": " + run));
            }
        }
    }

    /**
     * The log from the line the last check reached to its end. A line still being written is scanned now and again
     * next time, whole; a log shorter than that line's position was replaced and is read from its start.
     */
    private String unscannedLines(Path log) throws IOException {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            long size = channel.size();
            long from = logsScannedTo.getOrDefault(log, 0L);
            if (from > size) {
                from = 0;
            }
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(size - from));
            while (bytes.hasRemaining() && channel.read(bytes, from + bytes.position()) >= 0) {
                // reads until the buffer is full
            }
            String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.ISO_8859_1);
            logsScannedTo.put(log, from + text.lastIndexOf('\n') + 1);
            return text;
        }
    }
}
