package com.zmart.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aClaimedFixedPortIsNeverOfferedAsAFreeOne() {
        int fixed = Ports.anyFree();
        assertThat(Ports.claim(fixed, "a test", "--port")).isEqualTo(fixed);
        assertThat(IntStream.range(0, 500).map(i -> Ports.anyFree())).doesNotContain(fixed);
    }
}
