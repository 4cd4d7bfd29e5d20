package com.zmart.platform.process;

import java.util.Set;
import java.util.stream.Collectors;

/** This JVM's child processes, for tests that check a failure or a stop leaves nothing running. */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    public static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /**
     * Our descendants that are neither in {@code before} nor spawned by one of them. Platforms other tests left
     * running in this JVM keep spawning short-lived children (a watchdog's {@code sleep}); those are not leaks.
     */
    public static Set<Long> startedOutside(Set<Long> before) {
        return ProcessHandle.current().descendants()
                .filter(p -> !before.contains(p.pid()) && !hasAncestorIn(p, before))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static boolean hasAncestorIn(ProcessHandle process, Set<Long> pids) {
        for (var parent = process.parent(); parent.isPresent(); parent = parent.get().parent()) {
            if (pids.contains(parent.get().pid())) {
                return true;
            }
        }
        return false;
    }
}
