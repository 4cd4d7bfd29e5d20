package com.zmart.clickstream.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.zmart.clickstream.config.ClickstreamProperties;
import com.zmart.clickstream.delivery.DeliveryUnavailableException;
import com.zmart.web.problems.FieldProblem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

/** Problems that the integration test cannot provoke cheaply: a servlet request timeout, and their exact shape. */
class ProblemHandlersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProblemHandlers handlers = new ProblemHandlers(new ClickstreamProperties("http://registry/apis/registry/v3",
            50, 65_536, Duration.ofMinutes(5), Duration.ofDays(30), Duration.ofSeconds(5), Set.of("zmart.example"), "s"),
            meters);

    @Test
    void aRequestTimeoutIsTheSameNotConfirmed503AsAKafkaFailure() throws Exception {
        ResponseEntity<Object> timedOut = handlers.handleException(new AsyncRequestTimeoutException(),
                new ServletWebRequest(new MockHttpServletRequest(), new MockHttpServletResponse()));
        ResponseEntity<ProblemDetail> failed = handlers.unavailable(new DeliveryUnavailableException(new RuntimeException("down")));

        for (ResponseEntity<?> answer : List.of(timedOut, failed)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            ProblemDetail problem = (ProblemDetail) answer.getBody();
            assertThat(problem.getStatus()).isEqualTo(503);
            assertThat(problem.getDetail()).contains("may have been written").contains("same eventIds")
                    .doesNotContain("nothing");
        }
        assertThat(meters.counter("zmart.clicks.rejected", "reason", "timeout").count()).isEqualTo(1);
        assertThat(meters.counter("zmart.clicks.rejected", "reason", "kafka-unavailable").count()).isEqualTo(1);
    }

    @Test
    void tooLargeProblemsNameTheFieldAndTheLimit() {
        ProblemDetail batch = handlers.batchTooLarge(new BatchTooLargeException(51, 50));
        assertThat(batch.getStatus()).isEqualTo(413);
        assertThat(batch.getDetail()).isEqualTo("A batch holds at most 50 clicks, this one has 51");
        assertThat(batch.getProperties()).containsEntry("maxBatchSize", 50L)
                .containsEntry("errors", List.of(new FieldProblem("body", "holds 51 clicks, more than maxBatchSize (50)")));

        ProblemDetail body = handlers.bodyTooLarge(new PayloadTooLargeException(65_536));
        assertThat(body.getStatus()).isEqualTo(413);
        assertThat(body.getProperties()).containsEntry("maxBodyBytes", 65_536L)
                .containsEntry("errors", List.of(new FieldProblem("body", "is larger than maxBodyBytes (65536 bytes)")));
        assertThat(meters.counter("zmart.clicks.rejected", "reason", "too-large").count()).isEqualTo(2);
    }
}
