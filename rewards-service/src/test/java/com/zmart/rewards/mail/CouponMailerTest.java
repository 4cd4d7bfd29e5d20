package com.zmart.rewards.mail;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.RewardNotification;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/**
 * A notification the mailer cannot read fails with a SerializationException, which its error handler sends to the
 * dead-letter topic at once; any other exception would be retried like an SMTP failure (10 attempts, 2 s apart).
 */
class CouponMailerTest {

    @Test
    void anUnreadableNotificationIsNotRetried() {
        for (RuntimeException failure : new RuntimeException[] {
                new IllegalStateException("artifact reference cannot be null"),
                new RuntimeException("io.apicurio.registry.rest.client.models.ProblemDetails")}) {
            Deserializer<RewardNotification> unreadable = (topic, data) -> {
                throw failure;
            };
            // Reading fails first: the mail sender and the ledger are never reached.
            CouponMailer mailer = new CouponMailer(unreadable, null, null,
                    new CouponMailProperties("rewards@zmart.example", "mailer", 10, Duration.ofSeconds(2), 1),
                    new SimpleMeterRegistry());
            ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.REWARD_NOTIFICATIONS.name(), 0, 0,
                    "member-000001", new byte[] {0, 0, 15, 66, 64});
            assertThatThrownBy(() -> mailer.onNotification(record)).isInstanceOf(SerializationException.class)
                    .hasCause(failure);
        }
    }

    @Test
    void aRecordOfAnotherContractIsNotRetriedEither() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Deserializer<RewardNotification> anotherContract = (Deserializer) (topic, data) -> "a Sale, say";
        CouponMailer mailer = new CouponMailer(anotherContract, null, null,
                new CouponMailProperties("rewards@zmart.example", "mailer", 10, Duration.ofSeconds(2), 1),
                new SimpleMeterRegistry());
        assertThatThrownBy(() -> mailer.onNotification(new ConsumerRecord<>(Topics.REWARD_NOTIFICATIONS.name(), 0, 0,
                "member-000001", new byte[] {0}))).isInstanceOf(SerializationException.class);
    }
}
