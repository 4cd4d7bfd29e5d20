package com.zmart.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in an email link names the customer the email was sent to, signed (HMAC-SHA256, truncated to 128
 * bits) together with the campaign, so that nobody can forge clicks for another customer or another campaign:
 * {@code base64url(customerId) + "." + base64url(mac(campaignId + "/" + customerId))}.
 */
public final class EmailLinkTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;

    public EmailLinkTokens(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String tokenFor(String campaignId, String customerId) {
        return ENCODER.encodeToString(customerId.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(campaignId, customerId));
    }

    /** The customer id, when the token is well formed and signed for this campaign. */
    public Optional<String> customerOf(String campaignId, String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1 || token.length() > 512) {
            return Optional.empty();
        }
        try {
            String customerId = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(given, mac(campaignId, customerId)) ? Optional.of(customerId) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(String campaignId, String customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal((campaignId + "/" + customerId).getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(full, MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
