package com.zmart.rewards.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.RewardNotification;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger of coupon emails sent: the compacted topic {@code zmart.coupon-emails}, keyed by coupon code, and this
 * instance's copy of its keys. An email is recorded right after the SMTP server accepted it, and before the
 * notification's offset is committed; a redelivered notification whose coupon is in the ledger is not sent again.
 *
 * <p>The copy catches up with the topic whenever the mailer is assigned partitions, so a notification that moves to
 * another instance is checked against what the previous owner sent. It lives on disk (RocksDB, under the service's
 * state directory) with the ledger position it has read up to: the memory it takes does not grow with the members,
 * and a restart reads only what was written since.
 */
public class SentCoupons implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SentCoupons.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** Coupon keys are coupon codes; positions are kept under this prefix, which no code starts with. */
    private static final String POSITION_PREFIX = "\u0000position/";
    private static final byte[] SENT = {1};
    /** Small buffers: the copy holds one short key per coupon. */
    private static final long WRITE_BUFFER_BYTES = 4L * 1024 * 1024;

    static {
        RocksDB.loadLibrary();
    }

    private final Consumer<String, byte[]> reader;
    private final Producer<String, RewardNotification> writer;
    private final Options options;
    private final RocksDB copy;

    public SentCoupons(Consumer<String, byte[]> reader, Producer<String, RewardNotification> writer, Path directory) {
        this.reader = reader;
        this.writer = writer;
        this.options = new Options().setCreateIfMissing(true).setWriteBufferSize(WRITE_BUFFER_BYTES);
        try {
            Files.createDirectories(directory);
            this.copy = RocksDB.open(options, directory.toString());
        } catch (IOException | RocksDBException e) {
            options.close();
            throw new IllegalStateException("Cannot open the coupon ledger copy in " + directory, e);
        }
    }

    /** Reads the ledger from where the copy stopped up to its current end. */
    public synchronized void catchUp() {
        List<TopicPartition> partitions = reader.partitionsFor(Topics.COUPON_EMAILS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        if (!reader.assignment().containsAll(partitions)) {
            reader.assign(partitions);
            for (TopicPartition partition : partitions) {
                long position = storedPosition(partition);
                // A position past the end: the topic was recreated; read it again from its beginning.
                if (position > 0 && position <= end.get(partition)) {
                    reader.seek(partition, position);
                } else {
                    reader.seekToBeginning(List.of(partition));
                }
            }
        }
        long read = 0;
        while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
            try (WriteBatch batch = new WriteBatch(); WriteOptions write = new WriteOptions()) {
                for (var record : reader.poll(POLL)) {
                    batch.put(record.key().getBytes(StandardCharsets.UTF_8), SENT);
                    read++;
                }
                for (TopicPartition partition : partitions) {
                    batch.put(positionKey(partition), Long.toString(reader.position(partition))
                            .getBytes(StandardCharsets.UTF_8));
                }
                copy.write(write, batch);
            } catch (RocksDBException e) {
                throw new IllegalStateException("Cannot update the coupon ledger copy", e);
            }
        }
        log.info("Coupon email ledger: {} new coupons read", read);
    }

    public boolean alreadySent(String couponCode) {
        try {
            return copy.get(couponCode.getBytes(StandardCharsets.UTF_8)) != null;
        } catch (RocksDBException e) {
            throw new IllegalStateException("Cannot read the coupon ledger copy", e);
        }
    }

    /** Records the emails as sent and returns once the broker has them all (acks=all). */
    public void record(List<RewardNotification> notifications) {
        List<Future<RecordMetadata>> writes = notifications.stream().map(notification -> writer.send(
                new ProducerRecord<>(Topics.COUPON_EMAILS.name(), notification.getCouponCode(), notification))).toList();
        long deadline = System.nanoTime() + WRITE_TIMEOUT.toNanos();
        for (int i = 0; i < writes.size(); i++) {
            String coupon = notifications.get(i).getCouponCode();
            try {
                writes.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                copy.put(coupon.getBytes(StandardCharsets.UTF_8), SENT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while recording coupon " + coupon, e);
            } catch (ExecutionException | TimeoutException | RocksDBException e) {
                throw new IllegalStateException("Cannot record coupon " + coupon + " as sent", e);
            }
        }
    }

    private long storedPosition(TopicPartition partition) {
        try {
            byte[] position = copy.get(positionKey(partition));
            return position == null ? 0 : Long.parseLong(new String(position, StandardCharsets.UTF_8));
        } catch (RocksDBException e) {
            throw new IllegalStateException("Cannot read the coupon ledger copy", e);
        }
    }

    private static byte[] positionKey(TopicPartition partition) {
        return (POSITION_PREFIX + partition.partition()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        reader.close();
        writer.close(WRITE_TIMEOUT);
        copy.close();
        options.close();
    }
}
