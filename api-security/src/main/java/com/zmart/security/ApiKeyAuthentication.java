package com.zmart.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request's API key: presented (not yet checked, carrying the key as credentials) or accepted (named after the
 * position of the matching key in {@code ZMART_API_KEYS}, the key itself dropped). The name lets logs and audits say
 * which key a client used, e.g. during a rotation, without ever showing a key.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    /** The one authority an accepted key grants: protected endpoints only ask for an authenticated caller. */
    public static final String AUTHORITY = "API_CLIENT";

    private final String name;
    private String key;

    private ApiKeyAuthentication(String name, String key, boolean accepted) {
        super(accepted ? List.of(new SimpleGrantedAuthority(AUTHORITY)) : List.of());
        this.name = name;
        this.key = key;
        setAuthenticated(accepted);
    }

    /** A key as the client sent it, to be checked. */
    public static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication("api-key", key, false);
    }

    /** The caller presented the {@code position}-th configured key (1-based). */
    public static ApiKeyAuthentication accepted(int position) {
        return new ApiKeyAuthentication("api-key-" + position, null, true);
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        key = null;
    }
}
