package com.zmart.platform.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that runs a main class of this class path in a JVM of its own: the same Java and class path as this
 * JVM, C1 only and the serial collector (a platform component on a developer's machine or a CI runner of 2 cores
 * should not spend a core compiling), and the heap given.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static List<String> command(Class<?> main, String maxHeap, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        return command;
    }
}
