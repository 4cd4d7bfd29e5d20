package com.zmart.platform.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zmart.contracts.topic.TopicSpec;

/**
 * Registers the catalog's contracts through the registry's Confluent-compatible API, exactly as the generated
 * classes carry them (so serializers find them by content, see TopicSerdes), and puts each subject under the
 * BACKWARD compatibility rule. Producers never auto-register: this (and the compose init step) is how
 * schemas get into the registry, so an incompatible change is refused here, loudly, and not at produce time.
 */
public final class SchemaProvisioner {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ccompatUrl;

    public SchemaProvisioner(String ccompatUrl) {
        this.ccompatUrl = ccompatUrl;
    }

    /** Registers every Avro topic's value contract; returns subject to schema id (the id written in records). */
    public Map<String, Integer> registerAll(List<TopicSpec<?, ?>> topics) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (TopicSpec<?, ?> topic : topics) {
            if (topic.hasAvroValue()) {
                String subject = topic.valueSubject();
                ids.put(subject, register(subject, topic.valueSchema().toString()));
                setCompatibility(subject, "BACKWARD");
            }
        }
        return ids;
    }

    /** Registers a schema under a subject and returns its id; an incompatible schema is a {@link SchemaRejectedException}. */
    public int register(String subject, String schemaJson) {
        JsonNode body = send("POST", "/subjects/" + encode(subject) + "/versions",
                JSON.createObjectNode().put("schema", schemaJson));
        return body.get("id").asInt();
    }

    public void setCompatibility(String subject, String level) {
        send("PUT", "/config/" + encode(subject), JSON.createObjectNode().put("compatibility", level));
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ccompatUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409) {
                throw new SchemaRejectedException(path + ": " + response.body());
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + ccompatUrl + path + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the registry at " + ccompatUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to the registry", e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    /** The registry refused a schema because it breaks the subject's compatibility rule (HTTP 409). */
    public static final class SchemaRejectedException extends RuntimeException {
        public SchemaRejectedException(String message) {
            super("Schema refused by the registry's compatibility rule: " + message);
        }
    }
}
