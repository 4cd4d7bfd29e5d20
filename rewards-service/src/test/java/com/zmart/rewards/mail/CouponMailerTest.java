package com.zmart.rewards.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.RewardNotification;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mailer's handling of one poll, against a real SMTP server (GreenMail) and Kafka's in-memory producer as the
 * ledger's writer: which emails go out, which are recorded, and which record a failure names. The error handler's part
 * (commit before, retry or dead-letter, hand back the rest) runs in RewardsIT and the hardening suite.
 */
class CouponMailerTest {

    private static final CouponMailProperties PROPERTIES =
            new CouponMailProperties("rewards@zmart.example", "mailer", 10, Duration.ofSeconds(2), 1, 100);

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final MockProducer<String, RewardNotification> ledgerWrites =
            new MockProducer<>(true, null, new StringSerializer(), (topic, notification) -> new byte[0]);
    @TempDir
    Path ledgerCopy;
    private SentCoupons ledger;
    private final List<RewardNotification> topic = new ArrayList<>();
    private final Deserializer<RewardNotification> byOffset = (t, bytes) -> topic.get(bytes[0]);
    private CouponMailer mailer;

    @BeforeEach
    void startSmtp() {
        ledger = new SentCoupons(new MockConsumer<>("earliest"), ledgerWrites, ledgerCopy);
        smtp.start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        mailer = new CouponMailer(byOffset, sender, ledger, PROPERTIES, new SimpleMeterRegistry());
    }

    @AfterEach
    void stopSmtp() {
        ledger.close();
        smtp.stop();
    }

    @Test
    void everyEmailOfAPollIsSentAndRecorded() {
        mailer.onNotifications(poll(notification("a"), notification("b"), notification("c")));

        assertThat(recipients()).containsExactly("a@example.com", "b@example.com", "c@example.com");
        assertThat(recorded()).containsExactly(coupon("a"), coupon("b"), coupon("c"));
        assertThat(smtp.getReceivedMessages()).extracting(m -> m.getHeader("Message-ID")[0])
                .containsExactly("<" + coupon("a") + "@rewards.zmart.example>", "<" + coupon("b")
                        + "@rewards.zmart.example>", "<" + coupon("c") + "@rewards.zmart.example>");
    }

    @Test
    void theEmailsBeforeARecordThatCannotBeMailedAreSentAndItIsNamed() {
        var records = poll(notification("a"), notification("b").setEmail(null), notification("c"));

        assertThatThrownBy(() -> mailer.onNotifications(records)).isInstanceOfSatisfying(
                BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(MissingEmailAddressException.class);
                });
        assertThat(recipients()).containsExactly("a@example.com");
        assertThat(recorded()).containsExactly(coupon("a"));

        // What the error handler hands back after dead-lettering the record without an address.
        mailer.onNotifications(records.subList(2, 3));
        assertThat(recipients()).containsExactly("a@example.com", "c@example.com");
    }

    @Test
    void anAddressTheMailApiRejectsIsAPreparationFailure() {
        var records = poll(notification("a").setEmail("not an address <"));

        assertThatThrownBy(() -> mailer.onNotifications(records)).isInstanceOfSatisfying(
                BatchListenerFailedException.class,
                e -> assertThat(e.getCause()).isInstanceOf(MailPreparationException.class));
        assertThat(recorded()).isEmpty();
    }

    @Test
    void aCouponAlreadySentOrTwiceInAPollIsEmailedOnce() {
        ledger.record(List.of(notification("a").build()));

        mailer.onNotifications(poll(notification("a"), notification("c"), notification("c")));

        assertThat(recipients()).containsExactly("c@example.com");
        assertThat(recorded()).containsExactly(coupon("a"), coupon("c"));
    }

    @Test
    void whileTheSmtpServerIsDownThePollFailsAtItsFirstEmailAndNothingIsRecorded() {
        ledger.record(List.of(notification("a").build()));
        smtp.stop();

        assertThatThrownBy(() -> mailer.onNotifications(poll(notification("a"), notification("b"),
                notification("c")))).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(MailException.class);
                });
        assertThat(recorded()).containsExactly(coupon("a"));
    }

    @Test
    void anUnreadableNotificationIsNamedAsASerializationFailure() {
        for (RuntimeException failure : new RuntimeException[] {
                new IllegalStateException("artifact reference cannot be null"),
                new RuntimeException("io.apicurio.registry.rest.client.models.ProblemDetails")}) {
            Deserializer<RewardNotification> unreadable = (t, data) -> {
                throw failure;
            };
            // Reading fails first: the mail sender and the ledger are never reached.
            CouponMailer reader = new CouponMailer(unreadable, null, null, PROPERTIES, new SimpleMeterRegistry());
            assertThatThrownBy(() -> reader.onNotifications(List.of(record(0)))).isInstanceOfSatisfying(
                    BatchListenerFailedException.class, e -> {
                        assertThat(e.getIndex()).isZero();
                        // SerializationException is not retried: the error handler dead-letters the record at once.
                        assertThat(e.getCause()).isInstanceOf(SerializationException.class).hasCause(failure);
                    });
        }
    }

    @Test
    void aRecordOfAnotherContractIsASerializationFailureToo() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Deserializer<RewardNotification> anotherContract = (Deserializer) (t, data) -> "a Sale, say";
        CouponMailer reader = new CouponMailer(anotherContract, null, null, PROPERTIES, new SimpleMeterRegistry());
        assertThatThrownBy(() -> reader.onNotifications(List.of(record(0)))).isInstanceOfSatisfying(
                BatchListenerFailedException.class,
                e -> assertThat(e.getCause()).isInstanceOf(SerializationException.class));
    }

    /** The records of the notifications, each value the offset the test deserializer reads back. */
    private List<ConsumerRecord<String, byte[]>> poll(RewardNotification.Builder... notifications) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (RewardNotification.Builder notification : notifications) {
            topic.add(notification.build());
            records.add(record(topic.size() - 1));
        }
        return records;
    }

    private static ConsumerRecord<String, byte[]> record(int offset) {
        return new ConsumerRecord<>(Topics.REWARD_NOTIFICATIONS.name(), 0, offset, "member", new byte[] {(byte) offset});
    }

    private static RewardNotification.Builder notification(String member) {
        return ContractFixtures.notification().setMemberId(member).setEmail(member + "@example.com")
                .setCouponCode(coupon(member)).setIssuedAt(Instant.EPOCH);
    }

    private static String coupon(String member) {
        return "ZM-" + member.toUpperCase() + "-100";
    }

    private List<String> recipients() {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                to.add(message.getAllRecipients()[0].toString());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return to;
    }

    private List<String> recorded() {
        return ledgerWrites.history().stream().map(ProducerRecord::key).toList();
    }
}
