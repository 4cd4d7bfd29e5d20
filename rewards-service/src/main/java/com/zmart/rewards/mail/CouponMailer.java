package com.zmart.rewards.mail;

import com.zmart.events.RewardNotification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the coupon email of each reward notification, once per coupon: a notification whose coupon is in the
 * {@link SentCoupons} ledger is skipped. Only a crash between the SMTP server's acceptance and the ledger write
 * (milliseconds) can send a coupon twice; both copies carry the same Message-ID.
 */
@Component
public class CouponMailer {

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
     * Takes the record's bytes and reads them here, so that whatever fails (unreadable bytes, no address, SMTP down
     * after the retries) reaches the dead-letter topic with exactly the bytes that arrived.
     */
    @KafkaListener(id = "coupon-mailer", topics = "#{T(com.zmart.contracts.topic.Topics).REWARD_NOTIFICATIONS.name()}",
            groupId = "${zmart.rewards.mail.consumer-group}", containerFactory = "couponMailerContainerFactory")
    public void onNotification(ConsumerRecord<String, byte[]> record) {
        RewardNotification notification;
        try {
            notification = notifications.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            // Not the wire format, a schema id the registry does not know, another contract: retrying cannot help,
            // and retrying like an SMTP failure held each such record ~20 s. SerializationException is not retried.
            throw new SerializationException("Unreadable reward notification", e);
        }
        if (sentCoupons.alreadySent(notification.getCouponCode())) {
            skipped.increment();
            log.info("Coupon {} of member {} was already emailed; skipping the redelivered notification",
                    notification.getCouponCode(), notification.getMemberId());
            return;
        }
        if (notification.getEmail() == null) {
            throw new MissingEmailAddressException(notification.getMemberId());
        }
        mailSender.send(mimeMessage -> {
            CouponEmail.fill(mimeMessage, notification, properties.from());
            // JavaMailSender keeps an explicit Message-ID.
            mimeMessage.setHeader("Message-ID", CouponEmail.messageId(notification));
        });
        sentCoupons.record(notification);
        sent.increment();
        log.info("Emailed coupon {} to member {}", notification.getCouponCode(), notification.getMemberId());
    }
}
