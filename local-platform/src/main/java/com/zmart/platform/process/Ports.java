package com.zmart.platform.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loopback port helpers: every component of the platform listens on 127.0.0.1 only. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";
    private static final int ATTEMPTS = 1_000;

    /**
     * Every port this JVM has handed out. A probe socket is closed before its port is used, so the OS can offer the
     * same port to the next probe; a KRaft node, for one, is configured with two ports before it binds either.
     * Remembering them means no two components of this JVM (nor two platforms of one test run) ever get one port.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    /**
     * The same across the JVMs of this machine (a parallel build runs two modules' platforms at once): each handed-out
     * port is a one-byte lock at its own offset in one shared file. The channel is never closed, so the locks hold
     * until this JVM exits. Null where the file cannot be opened; ports are then only this JVM's to keep apart.
     */
    private static final FileChannel MACHINE_CLAIMS = openMachineClaims();

    private Ports() {
    }

    /** A port free right now and never handed out before by this JVM, for components configured with port 0. */
    public static int anyFree() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new PlatformStartupException("Cannot find a free port on " + LOOPBACK + ": " + e.getMessage(), e);
            }
            if (HANDED_OUT.add(port) && claimOnThisMachine(port)) {
                return port;
            }
        }
        throw new PlatformStartupException("Cannot find a free port on " + LOOPBACK + " that this process has not "
                + "handed out already (" + HANDED_OUT.size() + " handed out)");
    }

    /** False if another JVM of this machine holds the port (its platform may not have bound it yet). */
    private static boolean claimOnThisMachine(int port) {
        if (MACHINE_CLAIMS == null) {
            return true;
        }
        try {
            return MACHINE_CLAIMS.tryLock(port, 1, false) != null;
        } catch (IOException e) {
            // Locks unavailable on this file system: as without the file.
            return true;
        }
    }

    private static FileChannel openMachineClaims() {
        try {
            return FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), "zmart-ports.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Resolves 0 to a free port and fails with a clear message when a fixed port is taken. */
    public static int claim(int port, String component, String option) {
        if (port == 0) {
            return anyFree();
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
        } catch (IOException e) {
            throw new PlatformStartupException("Port " + port + " for " + component + " is already in use on "
                    + LOOPBACK + ": stop the process that holds it, or choose another port with " + option + ".");
        }
        // A fixed port is the caller's; anyFree must not offer it to another component before it is bound.
        HANDED_OUT.add(port);
        return port;
    }
}
