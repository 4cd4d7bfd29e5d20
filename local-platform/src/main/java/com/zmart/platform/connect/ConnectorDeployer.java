package com.zmart.platform.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Deploys a connector configuration from {@code connectors/<name>.json} through a Connect worker's REST API
 * ({@code PUT /connectors/<name>/config}), the same call compose's init step makes with curl. The JSON holds
 * {@code ${VARIABLE}} placeholders for what differs between environments (database host, credentials).
 */
public final class ConnectorDeployer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String connectUrl;

    public ConnectorDeployer(String connectUrl) {
        this.connectUrl = connectUrl;
    }

    /**
     * The placeholders of a connector that reaches a database, {@code <prefix>_HOST}, {@code _PORT}, {@code _NAME},
     * {@code _USER} and {@code _PASSWORD}: the names the connector files, compose and the init step share.
     */
    public static Map<String, String> databaseVariables(String prefix, String host, int port, String database,
                                                        String user, String password) {
        return Map.of(prefix + "_HOST", host, prefix + "_PORT", Integer.toString(port), prefix + "_NAME", database,
                prefix + "_USER", user, prefix + "_PASSWORD", password);
    }

    /** The configuration in the repository, placeholders filled from {@code variables}. */
    public static Map<String, String> configuration(String connectorName, Map<String, String> variables) {
        String resource = "/connectors/" + connectorName + ".json";
        try (InputStream in = ConnectorDeployer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No connector configuration " + resource);
            }
            return resolve(connectorName, in, variables);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** The configuration in {@code file} ({@code <connector name>.json}), placeholders filled from {@code variables}. */
    public static Map<String, String> configuration(Path file, Map<String, String> variables) {
        try (InputStream in = Files.newInputStream(file)) {
            return resolve(connectorName(file), in, variables);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Map<String, String> resolve(String connectorName, InputStream json, Map<String, String> variables)
            throws IOException {
        Map<String, String> raw = JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        Map<String, String> resolved = new LinkedHashMap<>();
        raw.forEach((key, value) -> resolved.put(key, substitute(connectorName, key, value, variables)));
        return resolved;
    }

    /** The connector a file configures: its name without {@code .json}. */
    public static String connectorName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /** Creates or updates the connector that {@code file} configures, then waits until it runs. */
    public void deploy(Path file, Map<String, String> variables, Duration timeout) {
        put(connectorName(file), configuration(file, variables), timeout);
    }

    public static String substitute(String connector, String key, String value, Map<String, String> variables) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = variables.get(matcher.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException("Connector " + connector + ": no value for ${" + matcher.group(1)
                        + "} in '" + key + "'");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(out).toString();
    }

    /** Creates or updates the connector, then waits until it and its tasks are RUNNING. */
    public void deploy(String connectorName, Map<String, String> variables, Duration timeout) {
        put(connectorName, configuration(connectorName, variables), timeout);
    }

    private void put(String connectorName, Map<String, String> configuration, Duration timeout) {
        try {
            String body = JSON.writeValueAsString(configuration);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(connectUrl + "/connectors/" + connectorName + "/config"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Connect refused " + connectorName + " (" + response.statusCode() + "): " + response.body());
            }
            awaitRunning(connectorName, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Kafka Connect at " + connectUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deploying " + connectorName, e);
        }
    }

    /** What the worker says of a connector: its state and its tasks' states (empty while it does not know it). */
    public record Status(String connector, List<String> tasks, String firstError) {

        public boolean running() {
            return connector.equals("RUNNING") && !tasks.isEmpty() && tasks.stream().allMatch("RUNNING"::equals);
        }

        public boolean failed() {
            return connector.equals("FAILED") || tasks.contains("FAILED");
        }
    }

    public Status status(String connectorName) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(connectUrl + "/connectors/" + connectorName + "/status")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return new Status("UNKNOWN", List.of(), "");
        }
        JsonNode status = JSON.readTree(response.body());
        List<String> tasks = new ArrayList<>();
        String firstError = status.path("connector").path("trace").asText("");
        for (JsonNode task : status.path("tasks")) {
            tasks.add(task.path("state").asText());
            if (firstError.isEmpty()) {
                firstError = task.path("trace").asText("");
            }
        }
        return new Status(status.path("connector").path("state").asText(), tasks, firstError.lines().findFirst().orElse(""));
    }

    private void awaitRunning(String connectorName, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Status status = null;
        while (Instant.now().isBefore(deadline)) {
            status = status(connectorName);
            if (status.running()) {
                return;
            }
            if (status.failed()) {
                throw new IllegalStateException("Connector " + connectorName + " failed: " + status.firstError());
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Connector " + connectorName + " not running after " + timeout.toSeconds() + " s: " + status);
    }
}
