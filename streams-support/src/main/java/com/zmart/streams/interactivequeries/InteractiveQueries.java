package com.zmart.streams.interactivequeries;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Answers a query for one key wherever its state lives: from this instance's store when it owns the key, else by
 * forwarding the same request to the owner ({@code application.server}); when the owner cannot answer, from a
 * standby replica (here or there). While the streams rebalance, or nobody can answer, a
 * {@link StateUnavailableException} (503 + Retry-After) tells the client to come back.
 *
 * <p>A forwarded request carries {@link #FORWARDED_HEADER} and is only ever answered locally, so two instances
 * with different views of the assignment cannot bounce a request between them.
 *
 * <p>It also carries the caller's {@link #API_KEY_HEADER} (taken from the request being answered): the owner checks
 * the caller's key exactly as this instance did, so instances need no trust of their own in each other, and a
 * request that reaches an owner without a valid key is refused there too (ADR 0011).
 */
public class InteractiveQueries {

    public static final String FORWARDED_HEADER = "X-ZMart-Forwarded";
    /**
     * The API key header of the suite ({@code com.zmart.security.ApiKeyAuthenticationConverter.HEADER} in
     * api-security): named here rather than imported, so that services without security do not get Spring Security
     * through this module.
     */
    public static final String API_KEY_HEADER = "X-API-Key";
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(InteractiveQueries.class);

    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;
    private final RestClient http;
    /** One warning a minute: a half-done key rotation would otherwise log every forwarded lookup. */
    private final LogLimiter refusalsReported = new LogLimiter(Duration.ofMinutes(1));

    public InteractiveQueries(Supplier<KafkaStreams> streams, Supplier<HostInfo> self, RestClient http) {
        this.streams = streams;
        this.self = self;
        this.http = http;
    }

    /**
     * @param query      what to look up and how to answer it locally
     * @param forwarded  true when this request was forwarded by another instance
     */
    public <K, T> T query(KeyQuery<K, T> query, boolean forwarded) {
        KafkaStreams current = runningStreams();
        KeyQueryMetadata metadata = current.queryMetadataForKey(query.storeName(), query.key(), query.keySerializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw unavailable("the owner of this key is not known yet");
        }
        List<HostInfo> candidates = new ArrayList<>();
        candidates.add(metadata.activeHost());
        candidates.addAll(metadata.standbyHosts());
        HostInfo me = self.get();
        for (HostInfo host : candidates) {
            boolean active = host.equals(metadata.activeHost());
            try {
                if (host.equals(me)) {
                    return query.answer().apply(new StoreAccess(current, query.storeName(), metadata.partition(),
                            !active));
                }
                if (!forwarded) {
                    return forward(host, query);
                }
            } catch (InvalidStateStoreException | CandidateUnavailable e) {
                log.debug("{} cannot answer for {} ({}); trying the next replica", host, query.storeName(),
                        e.getMessage());
            }
        }
        throw unavailable("no replica of " + query.storeName() + " can answer right now");
    }

    /** Package-private for tests. */
    <K, T> T forward(HostInfo host, KeyQuery<K, T> query) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + query.path());
        String apiKey = callersApiKey();
        try {
            return http.get().uri(uri).header(FORWARDED_HEADER, "true")
                    .headers(headers -> {
                        if (apiKey != null) {
                            headers.set(API_KEY_HEADER, apiKey);
                        }
                    })
                    .retrieve().body(query.responseType());
        } catch (HttpClientErrorException.NotFound e) {
            throw new KeyNotFoundException(query.notFoundMessage());
        } catch (HttpClientErrorException.Unauthorized | HttpClientErrorException.Forbidden e) {
            // This instance accepted the caller, the owner did not: their keys differ (ZMART_API_KEYS changed on some
            // instances only, as in the middle of a rotation). A replica may still answer, else 503 until they agree.
            if (refusalsReported.tryAcquire()) {
                log.warn("{} refused a forwarded lookup ({}): do all instances have the same ZMART_API_KEYS?", host,
                        e.getStatusCode().value());
            }
            throw new CandidateUnavailable(host + " refused the caller's credentials");
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().is5xxServerError() || e.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                throw new CandidateUnavailable(host + " answered " + e.getStatusCode().value());
            }
            throw e;
        } catch (RestClientException e) {
            // Connection refused, timeout: the owner is gone or unreachable; a standby may answer.
            throw new CandidateUnavailable(host + " is unreachable: " + e.getMessage());
        }
    }

    /** The API key of the request this thread is answering, if any (none outside a request, or not sent). */
    private static String callersApiKey() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getHeader(API_KEY_HEADER) : null;
    }

    private KafkaStreams runningStreams() {
        KafkaStreams current = streams.get();
        if (current == null || current.state() != KafkaStreams.State.RUNNING) {
            throw unavailable("the state is being rebalanced or restored");
        }
        return current;
    }

    private static StateUnavailableException unavailable(String why) {
        return new StateUnavailableException("Cannot answer now: " + why + "; retry shortly", RETRY_AFTER);
    }

    /**
     * One key lookup.
     *
     * @param storeName       the store that holds the key
     * @param key             the key
     * @param keySerializer   how the key is serialized for partitioning (as on the store's input topic)
     * @param answer          the local answer; throws {@link KeyNotFoundException} for an unknown key
     * @param path            the request's path and query, forwarded as is to the owner
     * @param responseType    what the owner's JSON answer maps to
     * @param notFoundMessage the 404 detail when the owner does not know the key
     */
    public record KeyQuery<K, T>(String storeName, K key, Serializer<K> keySerializer, Function<StoreAccess, T> answer,
                                 String path, Class<T> responseType, String notFoundMessage) {
    }

    /** Lets one log line through per interval. */
    static final class LogLimiter {

        private final long intervalNanos;
        private final AtomicLong next = new AtomicLong(System.nanoTime());

        LogLimiter(Duration interval) {
            this.intervalNanos = interval.toNanos();
        }

        boolean tryAcquire() {
            long now = System.nanoTime();
            long due = next.get();
            return now - due >= 0 && next.compareAndSet(due, now + intervalNanos);
        }
    }

    /** Internal signal: this candidate cannot answer, try the next one. Package-private for tests. */
    static final class CandidateUnavailable extends RuntimeException {
        CandidateUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
