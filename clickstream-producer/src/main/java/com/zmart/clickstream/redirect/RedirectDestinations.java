package com.zmart.clickstream.redirect;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides where an email tracking link may send the browser: only to an absolute http(s) URL on one of the
 * configured hosts, so the service cannot be used as an open redirect.
 *
 * <p>Browsers parse URLs more leniently than {@link URI} (they read {@code \} as {@code /}, drop tabs and newlines,
 * decode percent-encoded and Unicode host names), so anything on which the two could disagree is refused before
 * parsing: only printable ASCII without backslashes is accepted, and the host must be a plain host name without
 * percent escapes. An internationalised host is therefore matched only in its {@code xn--} form, which is how it must
 * be configured.
 */
final class RedirectDestinations {

    /** The API's limit for a click's URL; a longer destination could not be recorded as a click anyway. */
    static final int MAX_LENGTH = 2048;

    private final Set<String> allowedHosts;

    /** Host names compare case-insensitively, so the configured ones are lowercased once here. */
    RedirectDestinations(Collection<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The destination as a URI when the link may redirect to it; empty otherwise. */
    Optional<URI> allowed(String destination) {
        if (destination == null || destination.isEmpty() || destination.length() > MAX_LENGTH
                || !destination.chars().allMatch(RedirectDestinations::unambiguous)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(destination);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        // getHost() is null for an authority with percent escapes or non-hostname characters: those are refused.
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = (scheme.equals("https") || scheme.equals("http"))
                && !uri.isOpaque()
                && uri.getUserInfo() == null
                && defaultPort(scheme, uri.getPort())
                && allowedHosts.contains(host);
        return allowed ? Optional.of(uri) : Optional.empty();
    }

    /** Printable ASCII other than the backslash: read the same way by {@link URI} and by browsers. */
    private static boolean unambiguous(int c) {
        return c > 0x20 && c < 0x7f && c != '\\';
    }

    /** No port, or the scheme's own: another port of an allowed host may be another service than its web pages. */
    private static boolean defaultPort(String scheme, int port) {
        return port == -1 || port == (scheme.equals("https") ? 443 : 80);
    }
}
