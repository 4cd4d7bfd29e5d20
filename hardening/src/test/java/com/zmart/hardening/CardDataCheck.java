package com.zmart.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.zmart.contracts.carddata.CardDataScan;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.sales.simulator.StoreCatalog.Customer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Card data must never reach a topic or a log (issue 10, item 4), checked with the suite's {@link CardDataScan}.
 * Topics: Luhn-valid 13-19 digit runs in keys, values and headers (dead letters carry exception messages in
 * headers). Logs: the catalog's own card numbers, however separated (log lines are full of timestamps and offsets,
 * which a Luhn scan would flag at random).
 */
final class CardDataCheck {

    private CardDataCheck() {
    }

    static void assertNoCardData(Suite suite, String after) {
        long started = System.nanoTime();
        long records = 0;
        List<String> found = new ArrayList<>();
        for (TopicSpec<?, ?> topic : Topics.ALL) {
            for (ConsumerRecord<byte[], byte[]> record : suite.readAll(topic)) {
                records++;
                List<byte[]> parts = new ArrayList<>();
                parts.add(record.key());
                parts.add(record.value());
                for (Header header : record.headers()) {
                    parts.add(header.value());
                }
                for (byte[] bytes : parts) {
                    if (bytes != null) {
                        CardDataScan.luhnValidRuns(bytes).forEach(run -> found.add(topic.name() + "@" + record.partition() + "-"
                                + record.offset() + ": " + run));
                    }
                }
            }
        }
        List<String> cards = suite.catalog().customers().stream().map(Customer::cardNumber).toList();
        int logs = 0;
        try (Stream<Path> files = Files.list(suite.logs())) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                logs++;
                CardDataScan.knownNumbers(Files.readString(log, StandardCharsets.ISO_8859_1), cards)
                        .forEach(number -> found.add(log.getFileName() + ": a catalog card number ending "
                                + number.substring(number.length() - 4)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("[hardening] card-data scan after %s: %d records of %d topics, %d logs, %d s%n", after,
                records, Topics.ALL.size(), logs, (System.nanoTime() - started) / 1_000_000_000L);
        assertThat(logs).as("service logs scanned").isGreaterThanOrEqualTo(5);
        assertThat(found).as("card data after %s", after).isEmpty();
    }
}
