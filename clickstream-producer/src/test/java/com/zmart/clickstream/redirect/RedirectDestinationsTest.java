package com.zmart.clickstream.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The open-redirect check on its own: what a tracking link may redirect to. */
class RedirectDestinationsTest {

    // Configured as ALLOWED_REDIRECT_HOSTS might be written: mixed case, stray spaces.
    private final RedirectDestinations destinations =
            new RedirectDestinations(List.of("coupons.zmart.example", " WWW.Zmart.Example ", "xn--zmrt-moa.example"));

    @ParameterizedTest
    @ValueSource(strings = {
            "https://coupons.zmart.example/spring-sale",
            "https://coupons.zmart.example",
            "http://coupons.zmart.example/spring-sale",
            "HTTPS://COUPONS.ZMART.EXAMPLE/path",
            "https://coupons.zmart.example/spring-sale?utm_source=email&x=evil.example#top",
            "https://coupons.zmart.example/spring%20sale",
            "https://coupons.zmart.example:443/ok",
            "http://coupons.zmart.example:80/ok",
            "https://xn--zmrt-moa.example/", // zmärt.example, configured in the form browsers send
    })
    void acceptsAbsoluteHttpUrlsOnAnAllowedHost(String destination) {
        assertThat(destinations.allowed(destination)).contains(URI.create(destination));
    }

    @Test
    void configuredHostsMatchWhateverTheirCase() {
        assertThat(destinations.allowed("https://www.zmart.example/")).isPresent();
        assertThat(destinations.allowed("https://WWW.ZMART.EXAMPLE/")).isPresent();
        assertThat(new RedirectDestinations(Set.of("COUPONS.ZMART.EXAMPLE")).allowed("https://coupons.zmart.example/x")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Other hosts, however they mention an allowed one.
            "https://evil.example/phish",
            "https://coupons.zmart.example.evil.example/",
            "https://evil.example/?x=coupons.zmart.example",
            "https://evil.example/coupons.zmart.example",
            "https://evilcoupons.zmart.example/",
            "https://zmart.example/",
            "https://coupons.zmart.example./",
            // User info: browsers go to the host after the @.
            "https://coupons.zmart.example@evil.example/",
            "https://coupons.zmart.example:443@evil.example/",
            "https://user@coupons.zmart.example/",
            // Backslashes: browsers read them as slashes.
            "https://evil.example\\@coupons.zmart.example",
            "https:\\\\evil.example",
            "https:/\\evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            // Relative, scheme-relative or without an authority.
            "//evil.example/x",
            "//coupons.zmart.example/x",
            "/path",
            "spring-sale",
            "https:/coupons.zmart.example/x",
            "https:coupons.zmart.example",
            "https:///coupons.zmart.example",
            // Other schemes.
            "javascript:alert(1)",
            "JavaScript://coupons.zmart.example/%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "ftp://coupons.zmart.example/",
            "file:///etc/passwd",
            // Another port of an allowed host may be another service.
            "https://coupons.zmart.example:8443/",
            "http://coupons.zmart.example:443/",
            // Percent-encoded host tricks.
            "https://%65vil.example/",
            "https://coupons.zmart.example%2eevil.example/",
            "https://coupons.zmart.example%40evil.example/",
            "https://coupons.zmart.example%2f@evil.example/",
            "https://coupons%2Ezmart%2Eexample/",
            // Unicode: a Cyrillic look-alike, an ideographic full stop, a host not in its xn-- form, a raw path.
            "https://coupons.zmart.ex\u0430mple/",
            "https://coupons.zmart.example\u3002evil.example/",
            "https://zm\u00e4rt.example/",
            "https://coupons.zmart.example/\u00fcn\u00efcode",
            // Whitespace and control characters, which browsers strip or stop at.
            "",
            " ",
            " https://coupons.zmart.example/",
            "https://coupons.zmart.example/ ",
            "https://evil.example\t/",
            "https://coupons.zmart.example\n.evil.example/",
            "https://coupons.zmart.example/\r\nSet-Cookie: a=b",
            "https://coupons.zmart.example\u0000.evil.example/",
            "java\tscript:alert(1)",
            // IP literals.
            "https://127.0.0.1/",
            "https://[::1]/",
    })
    void refusesEverythingElse(String destination) {
        assertThat(destinations.allowed(destination)).as(destination).isEmpty();
    }

    @Test
    void refusesNothingAndOverlongDestinations() {
        assertThat(destinations.allowed(null)).isEmpty();
        String page = "https://coupons.zmart.example/";
        assertThat(destinations.allowed(page + "x".repeat(RedirectDestinations.MAX_LENGTH - page.length()))).isPresent();
        assertThat(destinations.allowed(page + "x".repeat(RedirectDestinations.MAX_LENGTH - page.length() + 1))).isEmpty();
    }

    @Test
    void blankConfiguredHostsMatchNothing() {
        RedirectDestinations blank = new RedirectDestinations(List.of(" ", ""));
        assertThat(blank.allowed("https:///x")).isEmpty();
        assertThat(blank.allowed("https://coupons.zmart.example/")).isEmpty();
    }
}
