package com.zmart.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a stand-in for Connect's REST API on loopback. */
class ConnectClientTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger statusCalls = new AtomicInteger();
    private volatile String taskStateAfterTwoCalls = "RUNNING";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/connectors/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
        String answer;
        int code = 200;
        if (exchange.getRequestURI().getPath().endsWith("/status")) {
            String task = statusCalls.incrementAndGet() > 2 ? taskStateAfterTwoCalls : "UNASSIGNED";
            answer = "{\"connector\":{\"state\":\"RUNNING\"},\"tasks\":[{\"id\":0,\"state\":\"" + task + "\""
                    + ("FAILED".equals(task) ? ",\"trace\":\"org.postgresql.util.PSQLException: boom\\n\\tat x\"" : "") + "}]}";
        } else {
            code = 201;
            answer = "{}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void putsTheConfigurationAndWaitsUntilEveryTaskRuns() {
        ConnectClient client = new ConnectClient(url());

        client.put(new ConnectorFiles.Connector("zmart-pos-sales", Map.of("tasks.max", "1")));
        client.awaitRunning("zmart-pos-sales", Duration.ofSeconds(10), Duration.ofMillis(10));

        assertThat(requests.get(0)).isEqualTo("PUT /connectors/zmart-pos-sales/config {\"tasks.max\":\"1\"}");
        assertThat(statusCalls.get()).isEqualTo(3);
    }

    @Test
    void aFailedTaskEndsTheWaitWithItsError() {
        taskStateAfterTwoCalls = "FAILED";
        ConnectClient client = new ConnectClient(url());

        assertThatThrownBy(() -> client.awaitRunning("zmart-pos-sales", Duration.ofSeconds(10), Duration.ofMillis(10)))
                .isInstanceOf(ConnectClient.ConnectorFailedException.class).hasMessageContaining("PSQLException: boom");
    }

    @Test
    void retryStopsAtAPermanentFailureAndRetriesOthers() {
        AtomicInteger attempts = new AtomicInteger();
        String result = Retry.until("count", Duration.ofSeconds(10), Duration.ofMillis(1), e -> false, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");

        AtomicInteger permanent = new AtomicInteger();
        assertThatThrownBy(() -> Retry.until("refuse", Duration.ofSeconds(10), Duration.ofMillis(1),
                e -> e instanceof IllegalArgumentException, () -> {
                    permanent.incrementAndGet();
                    throw new IllegalArgumentException("never");
                })).hasMessageContaining("Could not refuse (attempt 1): never");
        assertThat(permanent.get()).isEqualTo(1);
    }
}
