package com.zmart.demo.supervision;

import java.util.Map;

/** How a process ended, as a person reads it: {@code exit code 1}, {@code killed by SIGKILL (exit 137)}. */
public record ExitStatus(int code) {

    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT",
            9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

    /** Shells and the JVM report a process ended by signal N as exit code 128 + N. */
    @Override
    public String toString() {
        if (code > 128 && code < 128 + 65) {
            int signal = code - 128;
            return "killed by " + SIGNALS.getOrDefault(signal, "signal " + signal) + " (exit " + code + ")";
        }
        return "exit code " + code;
    }
}
