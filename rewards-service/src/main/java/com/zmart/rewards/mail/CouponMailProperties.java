package com.zmart.rewards.mail;

import java.time.Duration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the coupon mailer ({@code zmart.rewards.mail.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from          sender address of the coupon emails
 * @param consumerGroup consumer group of the mailer (independent of the streams' application id)
 * @param sendAttempts  attempts per email while the SMTP server fails, before the notification is dead-lettered
 * @param retryBackoff  pause between those attempts
 * @param concurrency   consumers in this instance (up to the notification topic's partitions)
 * @param batchSize     most notifications polled at once, whose emails share one SMTP connection; a poll must be done
 *                      within {@code max.poll.interval.ms} even when each email takes the SMTP timeout
 */
@Validated
@ConfigurationProperties("zmart.rewards.mail")
public record CouponMailProperties(@NotBlank @Email String from, @NotBlank String consumerGroup,
                                   @Min(1) int sendAttempts, @NotNull Duration retryBackoff,
                                   @Min(1) int concurrency, @Min(1) int batchSize) {
}
