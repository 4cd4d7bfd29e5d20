package com.zmart.rewards.mail;

import java.nio.charset.StandardCharsets;

import com.zmart.events.RewardNotification;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/**
 * The coupon email of a notification: plain text and HTML alternatives with the coupon code, the discount and the
 * member's points. It is built from the notification alone, which carries no card data.
 */
final class CouponEmail {

    private CouponEmail() {
    }

    static void fill(MimeMessage message, RewardNotification notification, String from) throws MessagingException {
        MimeMessageHelper mail = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        mail.setFrom(from);
        mail.setTo(notification.getEmail());
        mail.setSubject("Your ZMart reward: %d%% off with coupon %s".formatted(notification.getDiscountPercent(),
                notification.getCouponCode()));
        mail.setText(text(notification), html(notification));
        // One Message-ID per coupon: should a crash ever resend it, mail clients show it once.
        message.setHeader("X-ZMart-Coupon", notification.getCouponCode());
    }

    static String messageId(RewardNotification notification) {
        return "<" + notification.getCouponCode() + "@rewards.zmart.example>";
    }

    static String text(RewardNotification n) {
        return """
                Thank you for shopping at ZMart!

                You now have %d loyalty points (%s tier) and passed the %d-point mark.
                Your reward: %d%% off your next purchase.

                Coupon code: %s

                Show this code at the register or enter it online.
                """.formatted(n.getTotalPoints(), n.getTier(), n.getThresholdPoints(), n.getDiscountPercent(),
                n.getCouponCode());
    }

    static String html(RewardNotification n) {
        return """
                <html><body style="font-family:sans-serif">
                <h1>Thank you for shopping at ZMart!</h1>
                <p>You now have <strong>%d</strong> loyalty points (%s tier) and passed the %d-point mark.</p>
                <p>Your reward: <strong>%d%% off</strong> your next purchase.</p>
                <p style="font-size:1.5em">Coupon code: <code>%s</code></p>
                <p>Show this code at the register or enter it online.</p>
                </body></html>
                """.formatted(n.getTotalPoints(), HtmlUtils.htmlEscape(n.getTier().name()), n.getThresholdPoints(),
                n.getDiscountPercent(), HtmlUtils.htmlEscape(n.getCouponCode()));
    }
}
