package com.zmart.demo.simulators;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.zmart.demo.supervision.ExitStatus;
import com.zmart.demo.supervision.Supervised;
import com.zmart.platform.process.ChildProcess;

/**
 * A simulator run as a child process (the campaign simulator, from the clickstream jar): exit code 0 means it ran
 * its duration; any other end is a failure to report and start again from.
 */
public final class SimulatorProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path workingDirectory;
    private final Path log;
    private volatile ChildProcess process;
    private volatile boolean stopRequested;

    private SimulatorProcess(String name, List<String> command, Path workingDirectory, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.workingDirectory = workingDirectory;
        this.log = log;
    }

    public static SimulatorProcess start(String name, List<String> command, Path workingDirectory, Path log) {
        SimulatorProcess simulator = new SimulatorProcess(name, command, workingDirectory, log);
        simulator.startProcess();
        return simulator;
    }

    private void startProcess() {
        process = ChildProcess.start(name, command, workingDirectory, log);
    }

    public Supervised supervised() {
        return new Supervised(name, this::failure, this::finished, () -> log, this::startProcess);
    }

    private Optional<String> failure() {
        OptionalInt code = process.exitCode();
        if (stopRequested || code.isEmpty() || code.getAsInt() == 0) {
            return Optional.empty();
        }
        return Optional.of(new ExitStatus(code.getAsInt()).toString());
    }

    private boolean finished() {
        return !stopRequested && process.exitCode().equals(OptionalInt.of(0));
    }

    public List<Long> processTree() {
        return process.processTree();
    }

    @Override
    public void close() {
        stopRequested = true;
        process.close();
    }

    @Override
    public String toString() {
        return process.toString();
    }
}
