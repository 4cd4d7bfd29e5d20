package com.zmart.rewards.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

import com.zmart.events.RewardNotification;
import com.zmart.events.RewardTier;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

class CouponEmailTest {

    private final RewardNotification notification = RewardNotification.newBuilder().setMemberId("member-000007")
            .setEmail("ada@example.com").setThresholdPoints(250).setTotalPoints(263).setTier(RewardTier.SILVER)
            .setCouponCode("ZM-ABCDEFGHIJKLMNOP").setDiscountPercent(10).setIssuedAt(Instant.EPOCH).build();

    @Test
    void theEmailHasTextAndHtmlWithTheCouponAndThePoints() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));

        CouponEmail.fill(message, notification, "rewards@zmart.example");
        message.saveChanges();

        assertThat(message.getSubject()).contains("ZM-ABCDEFGHIJKLMNOP").contains("10%");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        String raw = raw(message);
        assertThat(raw).contains("text/plain").contains("text/html");
        assertThat(CouponEmail.text(notification)).contains("ZM-ABCDEFGHIJKLMNOP").contains("263").contains("SILVER")
                .contains("250-point");
        assertThat(CouponEmail.html(notification)).contains("<code>ZM-ABCDEFGHIJKLMNOP</code>").contains("<strong>263</strong>");
        assertThat(((MimeMultipart) message.getContent()).getCount()).isPositive();
    }

    @Test
    void nothingThatLooksLikeACardNumberIsInTheEmail() {
        // The email is built from the notification alone, which has no card field; no long digit run appears.
        String body = CouponEmail.text(notification) + CouponEmail.html(notification);
        assertThat(body.replaceAll("[ -]", "")).doesNotContainPattern("\\d{13,19}");
        assertThat(RewardNotification.getClassSchema().getFields()).noneMatch(f -> f.name().toLowerCase().contains("card"));
    }

    @Test
    void everyEmailOfOneCouponHasTheSameMessageId() {
        assertThat(CouponEmail.messageId(notification)).isEqualTo("<ZM-ABCDEFGHIJKLMNOP@rewards.zmart.example>");
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
