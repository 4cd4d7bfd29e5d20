package com.zmart.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zmart.demo.services.SuiteService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10, item 3. Thousands of malformed requests against every operation of every service, as each service's
 * OpenAPI document lists them: wrong types, huge numbers, bad JSON, oversized and deeply nested bodies, path
 * traversal, unicode and invalid UTF-8, very long paths, wrong methods and content types. No answer may be a 5xx, and
 * every 4xx must be {@code application/problem+json}. The generator is seeded ({@code hardening.fuzz-seed}, printed):
 * a failure names the seed and the request, and the same seed sends the same requests.
 */
@ExtendWith(SuiteExtension.class)
class HttpFuzzIT {

    private static final long SEED = Long.getLong("hardening.fuzz-seed", Long.getLong("hardening.seed", 20261126L));
    private static final int CASES_PER_OPERATION = Integer.getInteger("hardening.fuzz-cases", 120);
    private static final List<SuiteService> SERVICES = List.of(SuiteService.CLICKSTREAM, SuiteService.REWARDS,
            SuiteService.INVENTORY, SuiteService.SALES_TRENDS, SuiteService.DASHBOARD);
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Oversized bodies stay within what Tomcat reads and discards after an early answer (its max-swallow-size, 2 MiB):
     * past it, a service that refused the body by its declared length closes the connection while the body still
     * arrives, and the client may lose the answer to the reset. Clients announce such bodies (Expect: 100-continue),
     * and get the answer instead of a go-ahead: ClickstreamIT proves that.
     */
    private static final int LARGEST_BODY_BYTES = 2 * 1024 * 1024;

    /** Raw path or query values, already percent-encoded where they must be to form a URI. */
    private static final List<String> NASTY = List.of("", "%20", "..", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2f",
            "..%5c..%5cwindows", "%00", "%ff%fe", "%c0%af", "%e2%80%ae", "%F0%9F%98%80", "%E5%95%86%E5%BA%97", "-1", "0",
            "99999999999999999999999999", "-9223372036854775809", "1e309", "NaN", "1.5", "true", "null", "%27%20OR%201%3D1",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%25", "%25%32%65", "a%0d%0aSet-Cookie:%20x", "%7B%7D", "x".repeat(70),
            "store-001", "member-000001", "sku-00001", "tumbling-1m", "hopping-1h-5m", "electronics");

    private record Operation(SuiteService service, String method, String path, JsonNode operation, JsonNode document) {
    }

    private record Case(SuiteService service, String method, String url, String contentType, byte[] body, String kind) {

        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1);
            return kind + ": " + method + " " + (url.length() > 300 ? url.substring(0, 300) + "...(" + url.length()
                    + " chars)" : url) + (contentType == null ? "" : " [" + contentType + "]")
                    + (body == null ? "" : " body(" + body.length + " bytes)=" + shown);
        }
    }

    private final SplittableRandom random = new SplittableRandom(SEED);

    @Test
    void malformedRequestsGetProblemDetailsAndNeverA5xx(Suite suite) throws Exception {
        System.out.printf("[hardening] HTTP fuzz seed %d (-Dhardening.fuzz-seed=%d reproduces it)%n", SEED, SEED);
        List<Operation> operations = new ArrayList<>();
        for (SuiteService service : SERVICES) {
            JsonNode document = suite.getJsonOr404(service, "/v3/api-docs");
            assertThat(document).as("OpenAPI document of %s", service.name()).isNotNull();
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    operations.add(new Operation(service, method.getKey().toUpperCase(), path.getKey(), method.getValue(),
                            document));
                }
            }
        }
        System.out.printf("[hardening] %d operations: %s%n", operations.size(),
                operations.stream().map(o -> o.service().name() + " " + o.method() + " " + o.path()).toList());
        assertThat(operations.stream().map(Operation::service).distinct()).as("services with operations")
                .hasSize(SERVICES.size());

        List<Case> cases = new ArrayList<>();
        for (Operation operation : operations) {
            for (int i = 0; i < CASES_PER_OPERATION; i++) {
                cases.add(fuzz(suite, operation));
            }
        }
        for (SuiteService service : SERVICES) {
            for (int i = 0; i < 40; i++) {
                cases.add(strayPath(suite, service));
            }
        }

        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (Case fuzzCase : cases) {
            HttpResponse<String> response;
            try {
                response = suite.send(request(suite, fuzzCase));
            } catch (RuntimeException e) {
                failures.add("no answer (" + e.getMessage() + ") to " + fuzzCase.describe());
                continue;
            }
            int status = response.statusCode();
            statuses.merge(fuzzCase.service().name() + " " + status, 1, Integer::sum);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                failures.add(status + " to " + fuzzCase.describe() + " -> " + abbreviate(response.body()));
            } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
                failures.add(status + " as '" + contentType + "' to " + fuzzCase.describe() + " -> "
                        + abbreviate(response.body()));
            }
        }
        System.out.printf("[hardening] %d requests in %d s; answers: %s%n", cases.size(),
                (System.nanoTime() - started) / 1_000_000_000L, statuses);
        failures.stream().limit(40).forEach(f -> System.out.println("[hardening] FUZZ FAILURE " + f));
        assertThat(cases.size()).as("requests sent").isGreaterThanOrEqualTo(2_000);
        assertThat(failures).as("seed %d: %d failing requests (first 20)", SEED, failures.size())
                .isEmpty();
        assertThat(suite.allReady()).as("every service ready after the fuzzing").isTrue();
    }

    // --- generating requests ---

    private Case fuzz(Suite suite, Operation operation) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode parameter : operation.operation().path("parameters")) {
            String name = parameter.get("name").asText();
            if (parameter.path("in").asText().equals("path")) {
                pathValues.put(name, plausible(name));
            } else if (parameter.path("in").asText().equals("query")) {
                query.put(name, plausibleQuery(parameter));
            }
        }
        JsonNode bodySchema = bodySchema(operation);
        String contentType = bodySchema == null ? null : "application/json";
        byte[] body = bodySchema == null ? null : bytes(example(operation.document(), bodySchema, 0));
        String method = operation.method();
        String suffix = "";
        String kind;
        int choice = random.nextInt(bodySchema == null ? 6 : 10);
        switch (choice) {
            case 0, 1 -> {
                kind = "path parameter";
                if (pathValues.isEmpty()) {
                    suffix = "/" + nasty();
                } else {
                    String name = pickKey(pathValues);
                    pathValues.put(name, nasty());
                }
            }
            case 2, 3 -> {
                kind = "query parameter";
                String name = query.isEmpty() || random.nextInt(4) == 0 ? "x" + random.nextInt(3) : pickKey(query);
                query.put(name, nasty());
                if (random.nextInt(5) == 0) {
                    query.put(name + "=" + nasty() + "&" + name, nasty());
                }
            }
            case 4 -> {
                kind = "wrong method";
                method = otherMethod(method);
                if (!method.equals("GET") && !method.equals("DELETE") && random.nextBoolean()) {
                    contentType = "application/json";
                    body = bytes(randomJson(0));
                }
            }
            case 5 -> {
                kind = "long or traversing path";
                suffix = switch (random.nextInt(4)) {
                    case 0 -> "/" + "a".repeat(2_000 + random.nextInt(5_000));
                    case 1 -> "/..%2f..%2f..%2factuator%2fenv";
                    case 2 -> "/%2e%2e/%2e%2e/actuator/env";
                    default -> "/" + "%E2%98%83".repeat(300);
                };
            }
            case 6, 7 -> {
                kind = "body";
                body = badBody(operation.document(), bodySchema);
            }
            case 8 -> {
                kind = "content type";
                contentType = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data", "application/json; charset=EBCDIC", "application/json;;;", "*/*",
                        "application/octet-stream", "x"));
                if (contentType.equals("x")) {
                    contentType = null;
                }
            }
            default -> {
                kind = "field type";
                body = bytes(wrongTypes(operation.document(), bodySchema));
            }
        }
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        StringBuilder url = new StringBuilder(suite.service(operation.service()).url(path + suffix));
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = '&';
        }
        return new Case(operation.service(), method, url.toString(), contentType, body, kind);
    }

    /** Paths no operation has: traversal, unicode, encoded separators, very long, under /api and elsewhere. */
    private Case strayPath(Suite suite, SuiteService service) {
        String path = pick(List.of("/api/", "/api/x/", "/", "/v3/", "/actuator/", "/api/stock/", "/api/trends/"))
                + pick(List.of(nasty(), "..%2f..%2fetc%2fpasswd", "%2e%2e%2f" + nasty(), "a".repeat(3_000),
                "%F0%9F%98%80/%E2%80%AE", ";jsessionid=x", "x;y=z/..;/actuator", "%5c..%5c"));
        return new Case(service, pick(METHODS), suite.service(service).url(path), null, null, "stray path");
    }

    private static HttpRequest request(Suite suite, Case fuzzCase) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(fuzzCase.url())).timeout(Duration.ofSeconds(30))
                .header(Suite.API_KEY_HEADER, com.zmart.demo.services.SuiteService.LOCAL_API_KEY)
                .header("Accept", "application/json, application/problem+json");
        if (fuzzCase.contentType() != null) {
            builder.header("Content-Type", fuzzCase.contentType());
        }
        HttpRequest.BodyPublisher body = fuzzCase.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(fuzzCase.body());
        return builder.method(fuzzCase.method(), body).build();
    }

    private String plausible(String name) {
        return switch (name) {
            case "storeId" -> "store-00" + (1 + random.nextInt(9));
            case "sku" -> "sku-0000" + (1 + random.nextInt(9));
            case "memberId" -> "member-00000" + (1 + random.nextInt(9));
            case "department" -> pick(List.of("electronics", "grocery", "toys"));
            case "campaign", "campaignId" -> "spring-sale";
            default -> "x" + random.nextInt(100);
        };
    }

    private String plausibleQuery(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> Integer.toString(1 + random.nextInt(60));
            case "boolean" -> "true";
            default -> schema.has("default") ? schema.get("default").asText()
                    : schema.path("format").asText().equals("date-time") ? "2026-11-26T00:00:00Z" : "x";
        };
    }

    private String nasty() {
        if (random.nextInt(5) == 0) {
            // Random bytes, percent-encoded: invalid UTF-8 and control characters included.
            byte[] bytes = new byte[1 + random.nextInt(40)];
            random.nextBytes(bytes);
            StringBuilder encoded = new StringBuilder();
            for (byte b : bytes) {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
            return encoded.toString();
        }
        return pick(NASTY);
    }

    private static JsonNode bodySchema(Operation operation) {
        JsonNode content = operation.operation().path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        return content.elements().next().path("schema");
    }

    /** A value of the schema (refs followed), so that one mutation at a time is what makes the request bad. */
    private JsonNode example(JsonNode document, JsonNode schema, int depth) {
        JsonNode resolved = resolve(document, schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (resolved.has("example")) {
            return resolved.get("example");
        }
        switch (resolved.path("type").asText("object")) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                resolved.path("properties").fields().forEachRemaining(p ->
                        object.set(p.getKey(), example(document, p.getValue(), depth + 1)));
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(example(document, resolved.path("items"), depth + 1));
                return array;
            }
            case "integer", "number" -> {
                return NODES.numberNode(1 + random.nextInt(10));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                if (resolved.has("enum")) {
                    return resolved.get("enum").get(0);
                }
                return NODES.textNode(resolved.path("format").asText().equals("date-time") ? "2026-11-26T00:00:00Z"
                        : "fuzz-" + random.nextInt(1000));
            }
        }
    }

    /** The example with some fields of the wrong type, out of range, or missing. */
    private JsonNode wrongTypes(JsonNode document, JsonNode schema) {
        JsonNode example = example(document, schema, 0);
        ObjectNode object = example.isArray() && !example.isEmpty() && example.get(0).isObject()
                ? (ObjectNode) example.get(0) : example.isObject() ? (ObjectNode) example : null;
        if (object == null || object.isEmpty()) {
            return randomJson(0);
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (int i = 0, n = 1 + random.nextInt(Math.min(3, names.size())); i < n; i++) {
            String name = pick(names);
            if (random.nextInt(6) == 0) {
                object.remove(name);
            } else {
                object.set(name, pick(List.of(NODES.textNode("not a number"), NODES.numberNode(Long.MAX_VALUE),
                        NODES.numberNode(new java.math.BigInteger("9".repeat(40))), NODES.numberNode(-1),
                        NODES.numberNode(1e308), NODES.numberNode(0.5), NODES.booleanNode(false), NODES.nullNode(),
                        NODES.arrayNode().add(1), NODES.objectNode().put("a", 1), NODES.textNode(""),
                        NODES.textNode("x".repeat(100_000)), NODES.textNode("\u202e\ud83d\ude00\u0000\uFFFF"),
                        NODES.textNode("2026-13-45T99:99:99Z"), NODES.textNode("../../etc/passwd"))));
            }
        }
        if (random.nextInt(4) == 0) {
            object.put("unexpected", "field");
        }
        return example;
    }

    private byte[] badBody(JsonNode document, JsonNode schema) {
        return switch (random.nextInt(12)) {
            case 0 -> new byte[0];
            case 1 -> "{".getBytes(StandardCharsets.UTF_8);
            case 2 -> "{\"a\":}".getBytes(StandardCharsets.UTF_8);
            case 3 -> "null".getBytes(StandardCharsets.UTF_8);
            case 4 -> "\"just a string\"".getBytes(StandardCharsets.UTF_8);
            case 5 -> "[".repeat(5_000 + random.nextInt(50_000)).getBytes(StandardCharsets.UTF_8);
            case 6 -> {
                byte[] bytes = new byte[1 + random.nextInt(2_000)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 7 -> {
                // An oversized body: a valid document padded with whitespace up to 2 MiB.
                byte[] valid = bytes(example(document, schema, 0));
                int padding = 256 * 1024 + random.nextInt(LARGEST_BODY_BYTES - 256 * 1024 - valid.length);
                byte[] big = new byte[valid.length + padding];
                java.util.Arrays.fill(big, (byte) ' ');
                System.arraycopy(valid, 0, big, 0, valid.length);
                yield big;
            }
            case 8 -> ("{\"campaignId\":\"\u00ff\",\"x\":\"" + "\ud800" + "\"}").getBytes(StandardCharsets.ISO_8859_1);
            case 9 -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
            case 10 -> ("{\"a\":" + "1".repeat(20_000) + "}").getBytes(StandardCharsets.UTF_8);
            default -> bytes(randomJson(0));
        };
    }

    private JsonNode randomJson(int depth) {
        return switch (depth > 3 ? random.nextInt(4) : random.nextInt(6)) {
            case 0 -> NODES.textNode(URLEncoder.encode(nasty(), StandardCharsets.UTF_8));
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set("f" + random.nextInt(5), randomJson(depth + 1));
                }
                yield object;
            }
        };
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return Suite.JSON.writeValueAsBytes(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String otherMethod(String method) {
        List<String> others = new ArrayList<>(METHODS);
        others.remove(method);
        others.add("TRACE");
        return pick(others);
    }

    private String pickKey(Map<String, String> map) {
        return pick(new ArrayList<>(map.keySet()));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
