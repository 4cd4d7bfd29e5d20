package com.zmart.web.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every way a request's input can be wrong (a body field, an element of a list body, a path or query parameter, the
 * body as a whole, a service's own check) is the same 400: one type, one title, {@code errors[{field, problem}]}.
 */
@SpringBootTest(classes = InvalidRequestTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvalidRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Item(@Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String sku, @Min(1) int quantity) {
    }

    @SpringBootApplication
    @Import(ProblemResponsesConfiguration.class)
    @RestController
    static class App {

        @PostMapping("/api/items")
        Item add(@Valid @RequestBody Item item) {
            return item;
        }

        @PostMapping("/api/items/batch")
        List<Item> addAll(@RequestBody @NotEmpty List<@Valid Item> items) {
            return items;
        }

        @GetMapping("/api/stores/{storeId}")
        Map<String, Object> store(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String storeId,
                                  @RequestParam(name = "max", defaultValue = "1") @Min(1) @Max(10) int limit) {
            return Map.of("storeId", storeId, "limit", limit);
        }

        @GetMapping("/api/members/{memberId}")
        Map<String, String> member(@PathVariable String memberId, @RequestParam("to") String destination) {
            return Map.of("memberId", Ids.require("memberId", memberId), "to", destination);
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "POST | /api/items              | {\"sku\": \"-rf\", \"quantity\": 1}       | sku",
            "POST | /api/items              | {\"sku\": \"sku-1\", \"quantity\": 0}     | quantity",
            "POST | /api/items              | {\"sku\": \"sku-1\", \"quantity\": \"x\"} | quantity",
            "POST | /api/items              | {\"sku\":                               | body",
            "POST | /api/items/batch        | [{\"sku\": \"a\", \"quantity\": 1}, {\"sku\": \"b\", \"quantity\": -1}] | [1].quantity",
            "POST | /api/items/batch        | []                                      | body",
            "GET  | /api/stores/.hidden     | -                                       | storeId",
            "GET  | /api/stores/s-1?max=11  | -                                       | max",
            "GET  | /api/stores/s-1?max=ten | -                                       | max",
            "GET  | /api/members/-x?to=y    | -                                       | memberId",
            "GET  | /api/members/m-1        | -                                       | to"})
    void badInputIsOneShapeOf400(String method, String path, String body, String field) throws Exception {
        HttpResponse<String> response = send(method, path, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo(InvalidRequest.TYPE.toString());
        assertThat(problem.get("title").asText()).isEqualTo(InvalidRequest.TITLE);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        JsonNode errors = problem.get(InvalidRequest.ERRORS);
        assertThat(errors).as(response.body()).hasSize(1);
        assertThat(errors.get(0).size()).as("only field and problem").isEqualTo(2);
        assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
        assertThat(errors.get(0).get("problem").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).startsWith(field + ": ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a", "0", "store-001", "sku_1.v2", "A-", "x.y-z_", "member-000042", "M1", "a.b_c-d"})
    void idsStartWithALetterOrDigit(String id) {
        assertThat(Ids.isValid(id)).isTrue();
        assertThat(Ids.require("id", id)).isEqualTo(id);
    }

    /** A leading '-' is an option to a command line, a leading '.' a path segment URL parsers remove. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(nullValues = "null", value = {"null", "''", "-rf", "--help", ".", "..", "_x", "a b", "a/b", "a%2Fb",
            "a:b", "a?b", "é", "../etc/passwd", "<script>", "member 42", "ünïcode"})
    void otherIdsAreRefusedNamingTheField(String id) {
        assertThat(Ids.isValid(id)).isFalse();
        assertThatThrownBy(() -> Ids.require("storeId", id)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.errors()).containsExactly(new FieldProblem("storeId", Ids.RULE));
            assertThat(e.getBody().getType()).isEqualTo(InvalidRequest.TYPE);
            assertThat(e.getStatusCode().value()).isEqualTo(400);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'" + "a" + "123456789012345678901234567890123456789012345678901234567890123" + "', true",
            "'" + "a" + "1234567890123456789012345678901234567890123456789012345678901234" + "', false"})
    void idsHoldAtMost64Characters(String id, boolean valid) {
        assertThat(Ids.isValid(id)).isEqualTo(valid);
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
