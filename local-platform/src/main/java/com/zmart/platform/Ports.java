package com.zmart.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers: every component of the platform listens on 127.0.0.1 only. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /** A port that is free right now, for components configured with port 0 ("any"). */
    public static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PlatformStartupException("Cannot find a free port on " + LOOPBACK + ": " + e.getMessage(), e);
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
            return port;
        } catch (IOException e) {
            throw new PlatformStartupException("Port " + port + " for " + component + " is already in use on "
                    + LOOPBACK + ": stop the process that holds it, or choose another port with " + option + ".");
        }
    }
}
