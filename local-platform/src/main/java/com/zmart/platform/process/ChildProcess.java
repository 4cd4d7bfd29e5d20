package com.zmart.platform.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server run as a child process that cannot outlive this JVM.
 *
 * <p>The command runs under a tiny {@code sh} guardian that holds the read end of a pipe from this JVM. When the
 * platform stops, or when this JVM dies in any way (even {@code kill -9}), the pipe closes and the guardian stops
 * the server and waits for it: no orphan is left behind. When the server dies on its own, the guardian ends too,
 * so {@link #isAlive()} tells the truth about the server.
 */
public final class ChildProcess implements AutoCloseable {

    /*
     * fd 3 keeps the pipe from the JVM (background jobs get /dev/null as stdin). A watcher waits for that pipe to
     * close and then stops the server; the guardian itself waits for the server, so it also ends, with the
     * server's exit status, when the server dies on its own. Ctrl-C in a terminal signals the whole process group:
     * the guardian and the server ignore SIGINT (an ignored signal stays ignored across exec, and a JVM then installs
     * no handler for it), so that the JVM that started them stops them, in its own order.
     */
    private static final String GUARDIAN = """
            exec 3<&0
            trap '' INT
            "$@" & server=$!
            (
              cat <&3 >/dev/null & reader=$!
              trap 'kill $reader 2>/dev/null; exit 0' TERM
              wait $reader
              kill $server 2>/dev/null
            ) &
            watcher=$!
            trap 'kill $server 2>/dev/null' TERM HUP
            wait $server
            status=$?
            # A trapped signal interrupts wait: wait again until the server has really exited.
            while kill -0 $server 2>/dev/null; do wait $server; status=$?; done
            kill $watcher 2>/dev/null
            wait $watcher 2>/dev/null
            exit $status
            """;

    private final String name;
    private final Process guardian;

    private ChildProcess(String name, Process guardian) {
        this.name = name;
        this.guardian = guardian;
    }

    public static ChildProcess start(String name, List<String> command, Path workingDirectory, Path logFile) {
        List<String> guarded = new ArrayList<>(List.of("sh", "-c", GUARDIAN, name));
        guarded.addAll(command);
        try {
            Process process = new ProcessBuilder(guarded)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new ChildProcess(name, process);
        } catch (IOException e) {
            throw new PlatformStartupException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public boolean isAlive() {
        return guardian.isAlive();
    }

    /**
     * How the server ended, once it has: its exit code, which for a server ended by a signal is 128 + the signal's
     * number (the guardian's shell reports it so; so does this JVM when the guardian itself is killed). Empty while
     * it runs.
     */
    public OptionalInt exitCode() {
        return guardian.isAlive() ? OptionalInt.empty() : OptionalInt.of(guardian.exitValue());
    }

    /** Process ids of the guardian and everything it started, for tests that check nothing is left behind. */
    public List<Long> processTree() {
        List<Long> pids = new ArrayList<>();
        pids.add(guardian.pid());
        guardian.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /**
     * SIGKILL to the server and the guardian, as a crash would end them: no shutdown hook runs. Returns once every one
     * of them has exited, so that its ports are free for a successor.
     */
    public void kill() {
        List<ProcessHandle> tree = new ArrayList<>(guardian.descendants().toList());
        tree.add(guardian.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(name + ": process " + process.pid() + " still alive 10 s after SIGKILL", e);
            }
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(guardian.descendants().toList());
        try {
            guardian.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed: the guardian is stopping the server anyway.
        }
        try {
            if (!guardian.waitFor(30, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                guardian.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
            guardian.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + guardian.pid() + ")";
    }
}
