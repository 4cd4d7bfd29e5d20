package com.zmart.platform.connect;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A Kafka Connect worker in a JVM of its own, as {@code connect-distributed.sh} runs it: the platform starts one as a
 * child process when its worker must be killable ({@code PlatformOptions.ownProcesses}). Arguments: bootstrap servers,
 * the registry's v2 URL, the REST port, the replication factor of Connect's topics, then the plugin folders.
 * SIGTERM stops it (offsets committed); SIGKILL crashes it.
 */
public final class ConnectWorkerMain {

    private ConnectWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<Path> plugins = Arrays.stream(args).skip(4).map(Path::of).toList();
        ConnectWorker worker = ConnectWorker.start(args[0], args[1], Integer.parseInt(args[2]),
                Short.parseShort(args[3]), plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }, "connect-worker-main-stop"));
        stopped.await();
    }
}
