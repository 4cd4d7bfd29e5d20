package com.zmart.rewards.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.zmart.platform.LocalPlatform;
import com.zmart.rewards.RewardsApplication;
import com.zmart.streams.runtime.ManagedKafkaStreams;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One running instance of the rewards service against the test JVM's platform, on a free port. */
final class RewardsInstance implements AutoCloseable {

    /** The key the test instances accept (zmart.security.api-keys), as ZMART_API_KEYS sets it in a deployment. */
    static final String API_KEY = "rewards-it-key-0123456789";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;

    private RewardsInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Instances with the same {@code applicationId} share the work; each has its own state directory. */
    static RewardsInstance start(LocalPlatform platform, String applicationId, Path stateDir) {
        return start(platform, applicationId, stateDir, "");
    }

    /** As above, a static member of the Streams group under {@code instanceId} (blank: none). */
    static RewardsInstance start(LocalPlatform platform, String applicationId, Path stateDir, String instanceId) {
        return new RewardsInstance(new SpringApplicationBuilder(RewardsApplication.class).run(
                "--server.port=0",
                "--zmart.rewards.instance-id=" + instanceId,
                "--zmart.rewards.bootstrap-servers=" + platform.bootstrapServers(),
                "--zmart.rewards.registry-url=" + platform.registry().apiV3Url(),
                "--zmart.rewards.application-id=" + applicationId,
                "--zmart.rewards.state-dir=" + stateDir,
                "--zmart.rewards.mail.consumer-group=" + applicationId + "-mailer",
                "--zmart.rewards.mail.retry-backoff=200ms",
                "--zmart.rewards.mail.send-attempts=3",
                "--spring.mail.port=" + platform.smtp().orElseThrow().port(),
                "--zmart.security.api-keys=" + API_KEY,
                // Rebalances of several instances in one test settle faster.
                "--zmart.rewards.streams.commit.interval.ms=200"));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    KafkaStreams streams() {
        return context.getBean(ManagedKafkaStreams.class).streams();
    }

    KafkaStreams.State state() {
        return context.getBean(ManagedKafkaStreams.class).state();
    }

    /** A request as a client with the key sends it. */
    HttpResponse<String> get(String path) throws Exception {
        return send(path, "X-API-Key", API_KEY);
    }

    /** A request with exactly these headers (name, value, name, value ...): none for an anonymous caller. */
    HttpResponse<String> send(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}
