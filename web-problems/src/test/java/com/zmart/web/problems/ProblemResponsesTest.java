package com.zmart.web.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Raw requests (no client would send them) against a tiny app that imports the configuration. */
@SpringBootTest(classes = ProblemResponsesTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mvc.problemdetails.enabled=true")
class ProblemResponsesTest {

    @SpringBootApplication
    @Import(ProblemResponsesConfiguration.class)
    @RestController
    static class App {

        @GetMapping("/api/items")
        Map<String, Integer> items(@RequestParam(defaultValue = "1") int limit) {
            return Map.of("limit", limit);
        }

        @PostMapping("/api/items")
        Map<String, Object> add(@RequestBody Map<String, Object> item) {
            return item;
        }
    }

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} [{2}] -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "POST  | /api/items         | multipart/form-data | 400",
            "POST  | /api/items         | */*                 | 415",
            "GET   | /api/items?limit=%C4%18 | -              | 400",
            "GET   | /api/x%2fy         | -                   | 400",
            "GET   | /api/x%5cy         | -                   | 400",
            "GET   | /api/x%00y         | -                   | 400",
            "GET   | /api/%C0%AF        | -                   | 400",
            "TRACE | /api/items         | -                   | 405",
            "DELETE| /api/items         | -                   | 405",
            "GET   | /nowhere           | -                   | 404",
            "GET   | /error             | -                   | 404"})
    void malformedRequestsAreProblemDetails(String method, String path, String contentType, int status)
            throws IOException {
        String response = send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: application/json\r\nConnection: close\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\nContent-Length: 2\r\n\r\n{}")
                + (contentType == null ? "\r\n" : ""));
        assertThat(response).as(response).startsWith("HTTP/1.1 " + status + " ");
        assertThat(response.toLowerCase()).as(response).contains("content-type: application/problem+json");
        assertThat(response).as(response).contains("\"status\":" + status);
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
