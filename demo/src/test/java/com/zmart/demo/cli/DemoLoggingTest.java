package com.zmart.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The demo's logging configuration, loaded as bin/zmart-demo loads it: known third-party noise reaches the log file
 * only, while a warning nobody named reaches the console as well as the file.
 */
class DemoLoggingTest {

    @Test
    void knownNoiseGoesToTheFileAndAnythingElseToTheConsoleToo(@TempDir Path logs) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            context.putProperty("zmart.demo.logs", logs.toString());
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            URL configuration = getClass().getClassLoader().getResource("zmart-demo-logback.xml");
            assertThat(configuration).as("zmart-demo-logback.xml on the demo's class path").isNotNull();
            configurator.doConfigure(configuration);

            Logger broker = context.getLogger("kafka.server.ReplicaManager");
            broker.error("[ReplicaManager broker=0] Error processing append operation on partition p-0",
                    new IllegalStateException("OutOfOrderSequenceException stand-in"));
            context.getLogger("org.apache.kafka.clients.producer.internals.Sender").warn("retrying CONCURRENT_TRANSACTIONS");
            context.getLogger("org.example.Unknown").warn("a warning nobody named");
            context.getLogger("com.zmart.demo.ZmartDemo").info("ZMart is ready");
        } finally {
            context.stop();
            System.setOut(stdout);
        }

        String file = Files.readString(logs.resolve("zmart-demo.log"));
        String shown = console.toString(StandardCharsets.UTF_8);
        assertThat(file).contains("Error processing append operation", "OutOfOrderSequenceException stand-in",
                "retrying CONCURRENT_TRANSACTIONS", "a warning nobody named", "ZMart is ready");
        assertThat(shown).contains("a warning nobody named", "ZMart is ready")
                .doesNotContain("Error processing append operation", "OutOfOrderSequenceException",
                        "retrying CONCURRENT_TRANSACTIONS");
    }
}
