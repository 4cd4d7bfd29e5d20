package com.zmart.rewards.runtime;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Runs the rewards {@link KafkaStreams}: created and started once the application is ready (not during context
 * refresh, so a context that fails to start never touches Kafka), closed when the context shuts down.
 */
public class RewardsStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RewardsStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Topology topology;
    private final Properties config;
    private volatile KafkaStreams streams;

    public RewardsStreams(Topology topology, Properties config) {
        this.topology = topology;
        this.config = config;
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
        KafkaStreams created = new KafkaStreams(topology, config);
        created.setStateListener((now, before) -> log.info("Rewards streams: {} -> {}", before, now));
        created.setUncaughtExceptionHandler(exception -> {
            log.error("Rewards stream thread failed; shutting this instance's streams down", exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        created.start();
        streams = created;
    }

    @Override
    public synchronized void stop() {
        if (streams != null) {
            streams.close(CLOSE_TIMEOUT);
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

    /** The running instance, for interactive queries (a later change); null before start and after stop. */
    public KafkaStreams streams() {
        return streams;
    }
}
