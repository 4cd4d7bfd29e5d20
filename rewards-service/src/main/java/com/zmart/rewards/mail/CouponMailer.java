package com.zmart.rewards.mail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.zmart.events.RewardNotification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the coupon email of each reward notification, once per coupon: a notification whose coupon is in the
 * {@link SentCoupons} ledger is skipped. Only a crash between the SMTP server's acceptance and the ledger write
 * (milliseconds) can send a coupon twice; both copies carry the same Message-ID.
 *
 * <p>A poll's emails go out over one SMTP connection and are recorded in the ledger together: with a connection and
 * a broker round trip per email, the mailer fell behind any backlog of coupons (ADR 0010).
 */
@Component
public class CouponMailer {

    /** Its listener container's id in the {@code KafkaListenerEndpointRegistry}. */
    public static final String LISTENER_ID = "coupon-mailer";

    private static final Logger log = LoggerFactory.getLogger(CouponMailer.class);

    private final Deserializer<RewardNotification> notifications;
    private final JavaMailSender mailSender;
    private final SentCoupons sentCoupons;
    private final CouponMailProperties properties;
    private final Counter sent;
    private final Counter skipped;

    public CouponMailer(Deserializer<RewardNotification> notifications, JavaMailSender mailSender,
                        SentCoupons sentCoupons, CouponMailProperties properties, MeterRegistry meters) {
        this.notifications = notifications;
        this.mailSender = mailSender;
        this.sentCoupons = sentCoupons;
        this.properties = properties;
        this.sent = meters.counter("zmart.rewards.coupon.emails", "outcome", "sent");
        this.skipped = meters.counter("zmart.rewards.coupon.emails", "outcome", "already-sent");
    }

    /**
     * Takes the records' bytes and reads them here, so that whatever fails (unreadable bytes, no address, SMTP down
     * after the retries) reaches the dead-letter topic with exactly the bytes that arrived. On the first failure the
     * emails of the records before it are sent and recorded, and the failure names its record: the error handler
     * commits what came before, retries or dead-letters that record, and hands the rest back.
     */
    @KafkaListener(id = LISTENER_ID, topics = "#{T(com.zmart.contracts.topic.Topics).REWARD_NOTIFICATIONS.name()}",
            groupId = "${zmart.rewards.mail.consumer-group}", containerFactory = "couponMailerContainerFactory")
    public void onNotifications(List<ConsumerRecord<String, byte[]>> records) {
        // Insertion order is record order: the first failed email names the earliest record to redeliver.
        Map<MimeMessage, Outgoing> outgoing = new LinkedHashMap<>();
        Set<String> couponsInPoll = new HashSet<>();
        for (int index = 0; index < records.size(); index++) {
            RewardNotification notification;
            try {
                notification = read(records.get(index));
                if (sentCoupons.alreadySent(notification.getCouponCode())
                        || !couponsInPoll.add(notification.getCouponCode())) {
                    skipped.increment();
                    log.info("Coupon {} of member {} was already emailed; skipping the redelivered notification",
                            notification.getCouponCode(), notification.getMemberId());
                    continue;
                }
                outgoing.put(compose(notification), new Outgoing(index, notification));
            } catch (RuntimeException e) {
                send(outgoing);
                throw new BatchListenerFailedException(e.getMessage(), e, index);
            }
        }
        send(outgoing);
    }

    private RewardNotification read(ConsumerRecord<String, byte[]> record) {
        Object value;
        try {
            value = notifications.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            // Not the wire format, a schema id the registry does not know: retrying cannot help, and retrying like an
            // SMTP failure held each such record ~20 s. SerializationException is not retried.
            throw new SerializationException("Unreadable reward notification", e);
        }
        if (!(value instanceof RewardNotification notification)) {
            throw new SerializationException("Not a reward notification: " + value.getClass().getName());
        }
        return notification;
    }

    private MimeMessage compose(RewardNotification notification) {
        if (notification.getEmail() == null) {
            throw new MissingEmailAddressException(notification.getMemberId());
        }
        MimeMessage message = mailSender.createMimeMessage();
        try {
            CouponEmail.fill(message, notification, properties.from());
            // JavaMailSender keeps an explicit Message-ID.
            message.setHeader("Message-ID", CouponEmail.messageId(notification));
        } catch (MessagingException e) {
            // An address the mail API rejects will be rejected on every attempt: not retried either.
            throw new MailPreparationException("Cannot compose the coupon email of member "
                    + notification.getMemberId(), e);
        }
        return message;
    }

    /**
     * Sends the emails over one connection and records the accepted ones in the ledger, including any accepted after
     * a rejected one, so that the redelivery skips them; then fails at the first rejected email's record.
     */
    private void send(Map<MimeMessage, Outgoing> outgoing) {
        if (outgoing.isEmpty()) {
            return;
        }
        MailException failure = null;
        Set<Object> rejected = Set.of();
        try {
            mailSender.send(outgoing.keySet().toArray(MimeMessage[]::new));
        } catch (MailException e) {
            failure = e;
            // A connection failure rejects them all; a send failure lists the messages it concerns.
            rejected = e instanceof MailSendException send && !send.getFailedMessages().isEmpty()
                    ? send.getFailedMessages().keySet() : new HashSet<>(outgoing.keySet());
        }
        List<Outgoing> accepted = new ArrayList<>();
        Outgoing firstRejected = null;
        for (var entry : outgoing.entrySet()) {
            if (!rejected.contains(entry.getKey())) {
                accepted.add(entry.getValue());
            } else if (firstRejected == null) {
                firstRejected = entry.getValue();
            }
        }
        outgoing.clear();
        if (!accepted.isEmpty()) {
            try {
                sentCoupons.record(accepted.stream().map(Outgoing::notification).toList());
            } catch (RuntimeException e) {
                // Retried like an SMTP failure, from the earliest record not done. Were the whole poll failed instead,
                // the fallback handler would dead-letter all of it once the retries ran out.
                int earliest = firstRejected == null ? accepted.get(0).index()
                        : Math.min(accepted.get(0).index(), firstRejected.index());
                throw new BatchListenerFailedException(e.getMessage(), e, earliest);
            }
            sent.increment(accepted.size());
            accepted.forEach(email -> log.info("Emailed coupon {} to member {}", email.notification().getCouponCode(),
                    email.notification().getMemberId()));
        }
        if (firstRejected != null) {
            throw new BatchListenerFailedException("The SMTP server did not accept the coupon email of member "
                    + firstRejected.notification().getMemberId(), failure, firstRejected.index());
        }
    }

    /** A coupon email on its way, with the index of its record in the poll. */
    private record Outgoing(int index, RewardNotification notification) {
    }
}
