package com.zmart.streams.runtime;

import org.apache.kafka.streams.Topology;

/**
 * What a Streams service declares about itself; {@link StreamsServiceConfiguration} builds the running parts
 * (lifecycle, health, dead letters, interactive queries) from it.
 *
 * @param name           for logs
 * @param topology       the service's topology
 * @param settings       how its streams run
 * @param advertisedHost the host name other instances use to reach this one ({@code application.server})
 */
public record StreamsService(String name, Topology topology, StreamsRuntimeSettings settings, String advertisedHost) {
}
