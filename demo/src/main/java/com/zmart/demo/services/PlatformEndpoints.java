package com.zmart.demo.services;

import java.nio.file.Path;

import com.zmart.platform.LocalPlatform;
import com.zmart.platform.postgres.PostgresServer;

/** Where the running platform's servers are, as the services are told through their environment. */
public record PlatformEndpoints(String bootstrapServers, String registryApiUrl, int postgresPort, int smtpPort,
                                Path dataDirectory, short replicationFactor) {

    public static PlatformEndpoints of(LocalPlatform platform) {
        PostgresServer postgres = platform.postgres().orElseThrow();
        return new PlatformEndpoints(platform.bootstrapServers(), platform.registry().apiV3Url(), postgres.port(),
                platform.smtp().orElseThrow().port(), platform.options().dataDirectory(),
                platform.options().replicationFactor());
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }
}
