package com.zmart.platform.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waits until a server answers 200 on a URL, the way the platform decides a component is up. */
public final class HttpReadiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpReadiness() {
    }

    /** A check run between attempts that throws when waiting longer is pointless (e.g. the process died). */
    @FunctionalInterface
    public interface StillStarting {
        void check();
    }

    public static void await(String url, String component, Duration timeout, StillStarting stillStarting) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            stillStarting.check();
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformStartupException("Interrupted while waiting for " + component, e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformStartupException("Interrupted while waiting for " + component, e);
            }
        }
        throw new PlatformStartupException(component + " did not answer on " + url + " within " + timeout.toSeconds() + " s");
    }
}
