package com.zmart.streams.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Runs one {@link KafkaStreams}: created and started once the application is ready (after the web server, so
 * {@code application.server} is known, and never from a context that failed to start), closed with the context.
 * The instance is ready for traffic only while its streams are RUNNING: during a rebalance readiness says
 * REFUSING_TRAFFIC and interactive queries answer 503. A stream thread that dies is replaced
 * ({@link StreamThreadFailures}).
 */
public class ManagedKafkaStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ManagedKafkaStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_THREAD_REPLACEMENTS = 3;
    private static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

    private final String name;
    private final Topology topology;
    private final Supplier<Properties> config;
    private final KafkaClientSupplier clients;
    private final ApplicationEventPublisher events;
    private final StreamThreadFailures threadFailures =
            new StreamThreadFailures(MAX_THREAD_REPLACEMENTS, REPLACEMENT_WINDOW, Clock.systemUTC());
    private volatile KafkaStreams streams;

    public ManagedKafkaStreams(String name, Topology topology, Supplier<Properties> config,
                               KafkaClientSupplier clients, ApplicationEventPublisher events) {
        this.name = name;
        this.topology = topology;
        this.config = config;
        this.clients = clients;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onApplicationReady() {
        start();
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        KafkaStreams created = new KafkaStreams(topology, config.get(), clients);
        created.setStateListener((now, before) -> {
            log.info("{} streams: {} -> {}", name, before, now);
            AvailabilityChangeEvent.publish(events, this,
                    now == State.RUNNING ? ReadinessState.ACCEPTING_TRAFFIC : ReadinessState.REFUSING_TRAFFIC);
        });
        created.setUncaughtExceptionHandler(exception -> {
            StreamThreadExceptionResponse response = threadFailures.onFailure();
            if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
                log.error("{} stream thread failed; replacing it", name, exception);
            } else {
                log.error("{} stream threads failed more than {} times in {}; shutting this instance's streams down"
                        + " and reporting it broken", name, MAX_THREAD_REPLACEMENTS, REPLACEMENT_WINDOW, exception);
                AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
            }
            return response;
        });
        streams = created;
        created.start();
    }

    @Override
    public synchronized void stop() {
        KafkaStreams running = streams;
        if (running != null) {
            log.info("Closing {} streams", name);
            running.close(CLOSE_TIMEOUT);
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** Started by {@link #onApplicationReady()}, not while the context refreshes. */
    @Override
    public boolean isAutoStartup() {
        return false;
    }

    /** Stops before the web server (phase {@code Integer.MAX_VALUE - 2048}) so in-flight queries still get answers. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024;
    }

    /** The running instance; null before start and after stop. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The current state, or NOT_RUNNING when there is no instance. */
    public State state() {
        KafkaStreams current = streams;
        return current == null ? State.NOT_RUNNING : current.state();
    }
}
