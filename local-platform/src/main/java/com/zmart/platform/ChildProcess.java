package com.zmart.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server run as a child process that cannot outlive this JVM.
 *
 * <p>The command runs under a tiny {@code sh} guardian that holds the read end of a pipe from this JVM. When the
 * platform stops, or when this JVM dies in any way (even {@code kill -9}), the pipe closes, the guardian's
 * {@code cat} returns, and the guardian stops the server and waits for it. So no orphan is ever left behind.
 */
public final class ChildProcess implements AutoCloseable {

    private static final String GUARDIAN = """
            "$@" & server=$!
            trap 'kill $server 2>/dev/null' TERM INT HUP
            cat > /dev/null
            kill $server 2>/dev/null
            wait $server
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

    /** Process ids of the guardian and everything it started, for tests that check nothing is left behind. */
    public List<Long> processTree() {
        List<Long> pids = new ArrayList<>();
        pids.add(guardian.pid());
        guardian.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
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
