package com.zmart.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zmart.platform.connect.ConnectorDeployer;
import com.zmart.platform.connect.ConnectorDeployer.Status;

/** {@code PUT /connectors/<name>/config}, then waits for RUNNING with the platform's own status reading. */
final class ConnectClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String connectUrl;
    private final ConnectorDeployer statusReader;

    ConnectClient(String connectUrl) {
        this.connectUrl = connectUrl;
        this.statusReader = new ConnectorDeployer(connectUrl);
    }

    void put(ConnectorFiles.Connector connector) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(connectUrl + "/connectors/" + connector.name() + "/config"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(connector.config())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Connect refused " + connector.name() + " (" + response.statusCode() + "): "
                        + response.body());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + connector.name() + " as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Kafka Connect at " + connectUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deploying " + connector.name(), e);
        }
    }

    /** Waits until the connector and its tasks run; a FAILED connector or task ends the wait at once. */
    void awaitRunning(String name, Duration timeout, Duration pollInterval) {
        Instant deadline = Instant.now().plus(timeout);
        Status status = null;
        try {
            while (Instant.now().isBefore(deadline)) {
                status = statusReader.status(name);
                if (status.running()) {
                    return;
                }
                if (status.failed()) {
                    throw new ConnectorFailedException("Connector " + name + " failed: " + status.firstError());
                }
                Thread.sleep(pollInterval.toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Kafka Connect at " + connectUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
        throw new IllegalStateException("Connector " + name + " not running after " + timeout.toSeconds() + " s: " + status);
    }

    /** The worker runs the connector and reports it FAILED: retrying the same configuration does not help. */
    static final class ConnectorFailedException extends RuntimeException {
        ConnectorFailedException(String message) {
            super(message);
        }
    }
}
