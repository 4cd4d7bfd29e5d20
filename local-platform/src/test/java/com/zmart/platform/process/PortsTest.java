package com.zmart.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PortsTest {

    /**
     * The OS offers a just-closed probe port again: among a few thousand probes of a ~28,000-port ephemeral range,
     * closing each before the next call repeats ports dozens of times (the birthday bound), so this fails without
     * the handed-out set.
     */
    @Test
    void neverHandsOutOnePortTwiceEvenFromManyThreads() throws Exception {
        ConcurrentLinkedQueue<Integer> ports = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = IntStream.range(0, 4).<Future<?>>mapToObj(t -> threads.submit(() -> {
                for (int i = 0; i < 750; i++) {
                    ports.add(Ports.anyFree());
                }
            })).toList();
            for (Future<?> thread : done) {
                thread.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(ports).hasSize(3_000).doesNotHaveDuplicates();
    }

    /**
     * Another JVM's probe ports are free for the OS until its servers bind them. Two sets of 1,500 from one
     * ~28,000-port range share dozens of ports by chance, so this fails without the claims made across JVMs.
     */
    @Test
    void neverHandsOutAPortThatAnotherJvmOfThisMachineHasHandedOut() throws Exception {
        Process other = new ProcessBuilder(ChildJvm.command(HandOutPorts.class, "128m", List.of("1500")))
                .redirectErrorStream(true).start();
        try {
            var lines = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            List<Integer> theirs = new ArrayList<>();
            for (String line = lines.readLine(); line != null && !line.equals("done"); line = lines.readLine()) {
                theirs.add(Integer.valueOf(line));
            }
            assertThat(theirs).hasSize(1_500);

            List<Integer> ours = IntStream.range(0, 1_500).map(i -> Ports.anyFree()).boxed().toList();

            assertThat(ours).doesNotContainAnyElementsOf(theirs);
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    /** Hands out ports, prints them, and holds them until its standard input closes. */
    public static final class HandOutPorts {

        public static void main(String[] args) throws Exception {
            for (int i = 0; i < Integer.parseInt(args[0]); i++) {
                System.out.println(Ports.anyFree());
            }
            System.out.println("done");
            System.out.flush();
            System.in.read();
        }
    }

    @Test
    void aClaimedFixedPortIsNeverOfferedAsAFreeOne() {
        int fixed = Ports.anyFree();
        assertThat(Ports.claim(fixed, "a test", "--port")).isEqualTo(fixed);
        assertThat(IntStream.range(0, 500).map(i -> Ports.anyFree())).doesNotContain(fixed);
    }
}
