package com.zmart.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Accepts a presented key when it equals one of the configured keys. The comparison takes the same time whatever the
 * key, so response times tell an attacker nothing about how close a guess was: both sides are hashed to 32 bytes
 * (no length to leak), compared with {@link MessageDigest#isEqual} (constant time), and every configured key is
 * compared, with no early exit (which one matched is not revealed by timing either).
 */
public final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final List<byte[]> keyDigests;

    public ApiKeyAuthenticationProvider(ApiSecurityProperties properties) {
        this.keyDigests = properties.apiKeys().stream().map(ApiKeyAuthenticationProvider::sha256).toList();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        byte[] presented = sha256(String.valueOf(authentication.getCredentials()));
        int match = 0;
        for (int i = 0; i < keyDigests.size(); i++) {
            boolean equal = MessageDigest.isEqual(keyDigests.get(i), presented);
            match = equal && match == 0 ? i + 1 : match;
        }
        if (match == 0) {
            // Never the key in the message: Spring Security logs it at debug level.
            throw new BadCredentialsException("Invalid API key");
        }
        return ApiKeyAuthentication.accepted(match);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
