package com.zmart.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

class ApiKeyAuthenticationProviderTest {

    private final ApiKeyAuthenticationProvider provider = new ApiKeyAuthenticationProvider(
            new ApiSecurityProperties(List.of("old-key-0123456789", "new-key-0123456789")));

    @Test
    void aConfiguredKeyIsAcceptedAndNamedByItsPositionNeverByItself() {
        Authentication accepted = provider.authenticate(ApiKeyAuthentication.presented("new-key-0123456789"));

        assertThat(accepted.isAuthenticated()).isTrue();
        assertThat(accepted.getName()).isEqualTo("api-key-2");
        assertThat(accepted.getCredentials()).isNull();
        assertThat(accepted.getAuthorities()).extracting(Object::toString).containsExactly(ApiKeyAuthentication.AUTHORITY);
        assertThat(accepted.toString()).doesNotContain("new-key");
        assertThat(provider.authenticate(ApiKeyAuthentication.presented("old-key-0123456789")).getName())
                .isEqualTo("api-key-1");
    }

    @Test
    void anythingElseIsRefusedWithoutSayingWhatWasSent() {
        for (String wrong : List.of("new-key-012345678", "new-key-01234567890", "NEW-KEY-0123456789", "", "x")) {
            assertThatThrownBy(() -> provider.authenticate(ApiKeyAuthentication.presented(wrong)))
                    .isInstanceOf(BadCredentialsException.class).hasMessage("Invalid API key");
        }
    }

    @Test
    void withoutConfiguredKeysNothingIsAccepted() {
        ApiKeyAuthenticationProvider none = new ApiKeyAuthenticationProvider(new ApiSecurityProperties(null));

        assertThatThrownBy(() -> none.authenticate(ApiKeyAuthentication.presented("")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> none.authenticate(ApiKeyAuthentication.presented("null")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void onlyApiKeysAreItsBusiness() {
        assertThat(provider.supports(ApiKeyAuthentication.class)).isTrue();
        assertThat(provider.supports(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.class))
                .isFalse();
    }
}
