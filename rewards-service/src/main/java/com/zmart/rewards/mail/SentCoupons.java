package com.zmart.rewards.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger of coupon emails sent: the compacted topic {@code zmart.coupon-emails}, keyed by coupon code, and this
 * instance's copy of its keys. An email is recorded right after the SMTP server accepted it, and before the
 * notification's offset is committed; a redelivered notification whose coupon is in the ledger is not sent again.
 *
 * <p>The copy catches up with the topic whenever the mailer is assigned partitions, so a notification that moves to
 * another instance is checked against what the previous owner sent.
 */
public class SentCoupons implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SentCoupons.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<String, byte[]> reader;
    private final Producer<String, RewardNotification> writer;
    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    public SentCoupons(Consumer<String, byte[]> reader, Producer<String, RewardNotification> writer) {
        this.reader = reader;
        this.writer = writer;
    }

    /** Reads the ledger up to its current end. */
    public synchronized void catchUp() {
        List<TopicPartition> partitions = reader.partitionsFor(Topics.COUPON_EMAILS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (!reader.assignment().containsAll(partitions)) {
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        int before = sent.size();
        while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
            reader.poll(POLL).forEach(record -> sent.add(record.key()));
        }
        log.info("Coupon email ledger: {} coupons sent ({} new)", sent.size(), sent.size() - before);
    }

    public boolean alreadySent(String couponCode) {
        return sent.contains(couponCode);
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
                sent.add(coupon);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while recording coupon " + coupon, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Cannot record coupon " + coupon + " as sent", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        reader.close();
        writer.close(WRITE_TIMEOUT);
    }
}
