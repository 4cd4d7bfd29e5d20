package com.zmart.streams.runtime;

import java.net.http.HttpClient;
import java.time.Duration;

import com.zmart.streams.error.DeadLetterPublisher;
import com.zmart.streams.interactivequeries.InteractiveQueries;
import com.zmart.streams.interactivequeries.InteractiveQueryProblems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Import it next to a {@link StreamsService} bean: runs the service's streams with the suite's settings, reports
 * their health, and answers interactive queries wherever a key lives.
 */
@Configuration(proxyBeanMethods = false)
@Import(InteractiveQueryProblems.class)
public class StreamsServiceConfiguration {

    /** A forwarded query that takes longer than this is answered by a standby, or 503. */
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    InstanceEndpoint instanceEndpoint(StreamsService service) {
        return new InstanceEndpoint(service.advertisedHost());
    }

    @Bean(destroyMethod = "close")
    DeadLetterPublisher deadLetterPublisher(StreamsService service) {
        return service.settings().deadLetterPublisher();
    }

    @Bean
    ManagedKafkaStreams managedKafkaStreams(StreamsService service, InstanceEndpoint endpoint,
                                            DeadLetterPublisher deadLetters, ApplicationEventPublisher events) {
        return new ManagedKafkaStreams(service.name(), service.topology(),
                () -> service.settings().streamsProperties(endpoint.hostInfo(), deadLetters),
                new StreamThreadProducers(deadLetters), events);
    }

    @Bean
    KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(ManagedKafkaStreams streams) {
        return new KafkaStreamsHealthIndicator(streams);
    }

    @Bean
    InteractiveQueries interactiveQueries(ManagedKafkaStreams streams, InstanceEndpoint endpoint) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(FORWARD_TIMEOUT);
        return new InteractiveQueries(streams::streams, endpoint::hostInfo,
                RestClient.builder().requestFactory(requests).build());
    }
}
