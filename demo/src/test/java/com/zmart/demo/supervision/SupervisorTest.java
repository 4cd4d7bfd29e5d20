package com.zmart.demo.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.zmart.demo.simulators.SimulatorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes, ended the ways a user's machine ends them. */
class SupervisorTest {

    @TempDir
    Path folder;

    @Test
    void aProcessKilledFromOutsideIsReportedAndStartedAgain() throws Exception {
        try (SimulatorProcess sleeper = SimulatorProcess.start("sleeper", List.of("sleep", "600"), folder,
                folder.resolve("sleeper.log"));
             Supervisor supervisor = Supervisor.start(List.of(sleeper.supervised()))) {
            long first = server(sleeper);
            new ProcessBuilder("kill", "-KILL", Long.toString(first)).start().waitFor();

            await().atMost(Duration.ofSeconds(2)).until(() -> supervisor.states().get("sleeper") == Supervisor.State.RESTARTING);
            assertThat(supervisor.statusLine()).isEqualTo("restarting: sleeper");
            await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.states().get("sleeper") == Supervisor.State.UP);
            assertThat(server(sleeper)).isNotEqualTo(first);
            assertThat(ProcessHandle.of(server(sleeper)).map(ProcessHandle::isAlive)).contains(true);
        }
    }

    @Test
    void aSimulatorThatRanItsCourseIsDoneNotRestarted() throws Exception {
        Path runs = folder.resolve("runs");
        try (SimulatorProcess once = SimulatorProcess.start("once", List.of("sh", "-c", "echo run >> " + runs), folder,
                folder.resolve("once.log"));
             Supervisor supervisor = Supervisor.start(List.of(once.supervised()))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> supervisor.states().get("once") == Supervisor.State.DONE);
            Thread.sleep(1_500);
            assertThat(lines(runs)).containsExactly("run");
            assertThat(supervisor.statusLine()).isEqualTo("done: once");
        }
    }

    @Test
    void aStopTheCallerAskedForIsNoFailure() throws Exception {
        SimulatorProcess sleeper = SimulatorProcess.start("sleeper", List.of("sleep", "600"), folder, folder.resolve("s.log"));
        try (Supervisor supervisor = Supervisor.start(List.of(sleeper.supervised()))) {
            sleeper.close();
            Thread.sleep(1_500);
            assertThat(supervisor.states()).containsEntry("sleeper", Supervisor.State.UP);
            assertThat(sleeper.processTree().stream().map(ProcessHandle::of)).allMatch(p -> p.isEmpty() || !p.get().isAlive());
        }
    }

    @Test
    void pausesDoubleUpToHalfAMinute() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 20).stream().map(Supervisor::pause).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void exitStatusesReadAsAPersonReadsThem() {
        assertThat(new ExitStatus(137)).hasToString("killed by SIGKILL (exit 137)");
        assertThat(new ExitStatus(143)).hasToString("killed by SIGTERM (exit 143)");
        assertThat(new ExitStatus(1)).hasToString("exit code 1");
    }

    /** The {@code sleep} under its guardian shell, once the guardian has started it. */
    private static long server(SimulatorProcess process) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> process.processTree().stream().map(ProcessHandle::of)
                .flatMap(Optional::stream).filter(p -> p.info().command().orElse("").endsWith("/sleep"))
                .map(ProcessHandle::pid).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
