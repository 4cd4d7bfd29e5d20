package com.zmart.streams.interactivequeries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Properties;

import com.zmart.streams.interactivequeries.InteractiveQueries.KeyQuery;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.client.match.MockRestRequestMatchers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class InteractiveQueriesTest {

    private static final HostInfo OWNER = new HostInfo("127.0.0.1", 18091);
    private static final KeyQuery<String, String> LOOKUP = new KeyQuery<>("store", "k", Serdes.String().serializer(),
            access -> "local answer", "/x/k", String.class, "no k");

    private final RestClient.Builder http = RestClient.builder();
    private final MockRestServiceServer owner = MockRestServiceServer.bindTo(http).build();
    private final InteractiveQueries queries = new InteractiveQueries(() -> null, () -> new HostInfo("127.0.0.1", 1),
            http.build());

    @AfterEach
    void noRequestLeftBehind() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aForwardedLookupCarriesTheCallersApiKeySoTheOwnerChecksTheCallerToo() {
        answering(new MockHttpServletRequest("GET", "/x/k") {{
            addHeader(InteractiveQueries.API_KEY_HEADER, "the-callers-key");
        }});
        owner.expect(requestTo("http://127.0.0.1:18091/x/k"))
                .andExpect(MockRestRequestMatchers.header(InteractiveQueries.FORWARDED_HEADER, "true"))
                .andExpect(MockRestRequestMatchers.header(InteractiveQueries.API_KEY_HEADER, "the-callers-key"))
                .andRespond(withSuccess("owner's answer", MediaType.TEXT_PLAIN));

        assertThat(queries.forward(OWNER, LOOKUP)).isEqualTo("owner's answer");
        owner.verify();
    }

    @Test
    void aCallerWithoutAKeyIsForwardedWithoutOne() {
        answering(new MockHttpServletRequest("GET", "/x/k"));
        owner.expect(requestTo("http://127.0.0.1:18091/x/k"))
                .andExpect(MockRestRequestMatchers.header(InteractiveQueries.FORWARDED_HEADER, "true"))
                .andExpect(headerDoesNotExist(InteractiveQueries.API_KEY_HEADER))
                .andRespond(withSuccess("open answer", MediaType.TEXT_PLAIN));

        assertThat(queries.forward(OWNER, LOOKUP)).isEqualTo("open answer");
        owner.verify();
    }

    @Test
    void anOwnerThatRefusesTheCallersKeyIsNotAServerErrorButAReplicaToSkip() {
        answering(new MockHttpServletRequest("GET", "/x/k"));
        owner.expect(requestTo("http://127.0.0.1:18091/x/k")).andRespond(withStatus(HttpStatus.UNAUTHORIZED));

        assertThatThrownBy(() -> queries.forward(OWNER, LOOKUP))
                .isInstanceOf(InteractiveQueries.CandidateUnavailable.class);
    }

    @Test
    void refusalsAreReportedOncePerInterval() {
        InteractiveQueries.LogLimiter limiter = new InteractiveQueries.LogLimiter(java.time.Duration.ofHours(1));

        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        assertThat(new InteractiveQueries.LogLimiter(java.time.Duration.ZERO)).satisfies(every -> {
            assertThat(every.tryAcquire()).isTrue();
            assertThat(every.tryAcquire()).isTrue();
        });
    }

    private static void answering(MockHttpServletRequest request) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void streamsThatAreNotRunningYetAnswerRetryLaterNotAWrongMiss() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("input", org.apache.kafka.streams.kstream.Materialized.as("store"));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "iq-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        config.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/iq-test-" + System.nanoTime());
        // Created, never started: the state a query meets before the first assignment, as during a rebalance.
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            InteractiveQueries queries = new InteractiveQueries(() -> streams, () -> new HostInfo("127.0.0.1", 1),
                    RestClient.create());

            assertThatThrownBy(() -> queries.query(new KeyQuery<>("store", "k", Serdes.String().serializer(),
                    access -> "answer", "/x/k", String.class, "no k"), false))
                    .isInstanceOf(StateUnavailableException.class)
                    .satisfies(e -> assertThat(((StateUnavailableException) e).retryAfter()).isPositive());
        }
    }

    @Test
    void noStreamsAtAllIsAlsoRetryLater() {
        InteractiveQueries queries = new InteractiveQueries(() -> null, () -> new HostInfo("127.0.0.1", 1),
                RestClient.create());

        assertThatThrownBy(() -> queries.query(new KeyQuery<>("store", "k", Serdes.String().serializer(),
                access -> "answer", "/x/k", String.class, "no k"), false))
                .isInstanceOf(StateUnavailableException.class);
    }

    @Test
    void problemsAre503WithRetryAfterAnd404AsProblemJson() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new InteractiveQueryProblems())
                .build();

        mvc.perform(get("/unavailable")).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(content().contentType("application/problem+json"));
        mvc.perform(get("/missing/k1")).andExpect(status().isNotFound())
                .andExpect(content().contentType("application/problem+json"));
    }

    @RestController
    static class Failing {

        @GetMapping("/unavailable")
        String unavailable() {
            throw new StateUnavailableException("rebalancing", InteractiveQueries.RETRY_AFTER);
        }

        @GetMapping("/missing/{key}")
        String missing(@PathVariable String key) {
            throw new KeyNotFoundException("No " + key);
        }
    }
}
