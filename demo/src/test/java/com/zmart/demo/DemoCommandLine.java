package com.zmart.demo;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zmart.demo.cli.ZmartDemoCli;
import com.zmart.demo.services.SuiteService;
import com.zmart.platform.process.Directories;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The demo as a user runs it: {@code bin/zmart-demo}'s command line in a JVM of its own, from the same classes and
 * classpath file the script uses, with its logging configuration, on free ports, its console in a file. One start
 * for the module's integration tests ({@link ZmartStoryIT} then {@link DemoRunIT}, which stops it): each start of
 * the platform, the connectors and the five services took about 45 s of CI. A test that finds it stopped starts it
 * again, so any order and any single test still run.
 *
 * <p>As a JUnit extension, it gives {@code @BeforeAll} methods the running demo ({@link Running}).
 */
public final class DemoCommandLine implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DemoCommandLine.class);

    /** The promise: every part of the story within five minutes of the start. */
    static final Duration STORY_DEADLINE = Duration.ofMinutes(5);
    static final Pattern PROGRESS = Pattern.compile("clicks ([\\d,]+) · sale lines ([\\d,]+) · coupons emailed ([\\d,]+)"
            + " · trends ([\\d,]+) · attributions ([\\d,]+) · reorders ([\\d,]+) · restocks ([\\d,]+) · dead-lettered ([\\d,]+)");

    static final Path data = Path.of("target", "demo-run").toAbsolutePath();
    static final Path console = Path.of("target", "demo-run-console.txt").toAbsolutePath();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Running running = store.get(Running.class, Running.class);
        if (running == null || !running.process().isAlive()) {
            if (running != null) {
                running.close();
            }
            running = Running.start();
            // The root store closes AutoCloseable values after the last test class of the JVM.
            store.put(Running.class, running);
        }
        return running;
    }

    /** A service of the running demo. */
    record Endpoint(String baseUrl) {
        String url(String path) {
            return baseUrl + path;
        }
    }

    /** The command line's JVM and when it was started. */
    public record Running(Process process, Instant started, AtomicReference<Instant> everyPartSeen) implements AutoCloseable {

        static Running start() {
            try {
                Directories.deleteTree(data);
                Path classes = Path.of("target", "classes").toAbsolutePath();
                String classpath = classes + ":" + Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
                List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dlogback.configurationFile=zmart-demo-logback.xml", "-cp", classpath, ZmartDemoCli.class.getName(),
                        "--data-dir", data.toString(), "--free-ports", "--progress-every", "PT2S");
                Instant started = Instant.now();
                Process demo = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
                return new Running(demo, started, new AtomicReference<>());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }

        /**
         * Waits, at most until {@link #STORY_DEADLINE} after the start, until the progress line shows every part of
         * the simulators' story (reorders and restocks included), and returns when that was first seen (the counts
         * only grow: a later test of the same demo gets the same instant at once).
         */
        Instant awaitEveryPartOfTheStory() {
            if (everyPartSeen.get() == null) {
                Duration left = Duration.between(Instant.now(), started.plus(STORY_DEADLINE));
                if (left.isNegative()) {
                    throw new AssertionError("Not every part of the story within " + STORY_DEADLINE + " of the start");
                }
                await().atMost(left).pollInterval(Duration.ofSeconds(1))
                        .until(() -> lastProgress().map(Running::everyPartHappened).orElse(false));
                everyPartSeen.compareAndSet(null, Instant.now());
            }
            return everyPartSeen.get();
        }

        static boolean everyPartHappened(Matcher progress) {
            for (int group = 1; group <= 7; group++) {
                if (progress.group(group).equals("0")) {
                    return false;
                }
            }
            return true;
        }

        List<String> consoleLines() {
            try {
                return Files.readAllLines(console, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Optional<Matcher> lastProgress() {
            List<String> lines = consoleLines();
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher matcher = PROGRESS.matcher(lines.get(i));
                if (matcher.find()) {
                    return Optional.of(matcher);
                }
            }
            return Optional.empty();
        }

        /** A service's base URL, from the console's list ({@code Dashboard}, {@code <service> API (OpenAPI UI)}). */
        Endpoint service(SuiteService service) {
            String base = service.equals(SuiteService.DASHBOARD) ? url("Dashboard") : url(service.name() + " API (OpenAPI UI)");
            return new Endpoint(base.replaceFirst("/$", ""));
        }

        String bootstrapServers() {
            return url("Kafka");
        }

        /** The Schema Registry's v3 API, beside the Confluent-compatible one the console names. */
        String registryApiUrl() {
            return url("Schema Registry").replaceFirst("/apis/ccompat/v7/subjects$", "/apis/registry/v3");
        }

        /** A database of the demo's PostgreSQL ({@code pos}, {@code dashboard}); its port from {@code postmaster.pid}. */
        String jdbcUrl(String database) {
            try {
                String port = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).strip();
                return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Path mailbox() {
            return data.resolve("mailbox");
        }

        Path logs() {
            return data.resolve("logs");
        }

        /** What the demo printed at start for {@code name} ({@code Kafka}, {@code rewards API (OpenAPI UI)}, ...), without the docs page. */
        String url(String name) {
            String label = "  %-32s ".formatted(name);
            return consoleLines().stream().filter(line -> line.startsWith(label)).findFirst()
                    .map(line -> line.substring(2 + 32).strip().replaceFirst("/swagger-ui\\.html$", ""))
                    .orElseThrow(() -> new AssertionError("No " + name + " in the console"));
        }
    }
}
