package com.zmart.clickstream.config;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the clickstream service ({@code zmart.clickstream.*}).
 *
 * @param registryUrl          the Schema Registry's Apicurio API ({@code .../apis/registry/v3})
 * @param maxBatchSize         most clicks in one batch request; more is a 413
 * @param maxBodyBytes         largest request body accepted; more is a 413
 * @param maxClockSkew         how far in the future a click's time may be (client clocks drift a little)
 * @param maxAge               how old a click may be (older cannot be attributed anyway)
 * @param retryAfter           what a 503 tells clients to wait before retrying
 * @param allowedRedirectHosts hosts the email tracking links may redirect to (no open redirect)
 * @param linkSecret           key that signs the customer tokens of email links
 */
@Validated
@ConfigurationProperties("zmart.clickstream")
public record ClickstreamProperties(@NotBlank String registryUrl,
                                    @Min(1) int maxBatchSize,
                                    @Min(256) int maxBodyBytes,
                                    @NotNull Duration maxClockSkew,
                                    @NotNull Duration maxAge,
                                    @NotNull Duration retryAfter,
                                    @NotEmpty Set<String> allowedRedirectHosts,
                                    @NotBlank String linkSecret) {
}
