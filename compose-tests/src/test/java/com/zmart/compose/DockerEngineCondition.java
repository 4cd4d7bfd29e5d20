package com.zmart.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where a Docker engine answers. Elsewhere (this suite's CI, any machine without Docker) the
 * class is skipped at once, and the reason is printed as a warning in the build output as well as in the test report:
 * never a silent pass. Where no engine socket or {@code DOCKER_HOST} is seen, Testcontainers is not even asked (its
 * discovery would spend seconds trying strategies).
 */
public final class DockerEngineCondition implements ExecutionCondition {

    private static final Logger LOG = LoggerFactory.getLogger(DockerEngineCondition.class);
    static final String HOW_TO_RUN = "run them where Docker runs (docs/runbook.md, \"The Testcontainers tests\"): "
            + "./mvnw -B verify -pl compose-tests -am -Dtest=none -Dit.test='Compose*IT' "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        String test = context.getDisplayName();
        List<String> seen = engineLocations();
        if (seen.isEmpty()) {
            return skipped("No Docker engine found (DOCKER_HOST unset, no docker.sock in " + String.join(", ", SOCKETS)
                    + "): the Testcontainers tests " + test + " were skipped; " + HOW_TO_RUN);
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return skipped("No Docker engine answered at " + String.join(", ", seen) + ": the Testcontainers tests " + test
                    + " were skipped; " + HOW_TO_RUN);
        }
        return ConditionEvaluationResult.enabled("Docker engine at " + String.join(", ", seen));
    }

    private static ConditionEvaluationResult skipped(String message) {
        LOG.warn(message);
        return ConditionEvaluationResult.disabled(message);
    }

    /** Where Docker clients look for the engine: Linux, rootless, Docker Desktop. */
    private static final List<String> SOCKETS = List.of("/var/run/docker.sock", "$XDG_RUNTIME_DIR/docker.sock",
            "~/.docker/run/docker.sock", "~/.docker/desktop/docker.sock");

    private static List<String> engineLocations() {
        List<String> seen = new ArrayList<>();
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            seen.add("DOCKER_HOST=" + dockerHost);
        }
        String home = System.getProperty("user.home", "");
        String runtime = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "");
        for (String socket : SOCKETS) {
            String path = socket.replace("~", home).replace("$XDG_RUNTIME_DIR", runtime);
            if (!path.startsWith("/docker.sock") && Files.exists(Path.of(path))) {
                seen.add(path);
            }
        }
        // Testcontainers' own setting (docker.host in ~/.testcontainers.properties), e.g. for Colima or a remote engine.
        Path properties = Path.of(home, ".testcontainers.properties");
        try {
            if (Files.isRegularFile(properties) && Files.readString(properties).contains("docker.host")) {
                seen.add(properties.toString());
            }
        } catch (java.io.IOException e) {
            LOG.debug("Cannot read {}", properties, e);
        }
        return seen;
    }
}
