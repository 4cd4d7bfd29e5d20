package com.zmart.streams.runtime;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * Where other instances reach this one: the advertised host and the port the web server really listens on (known
 * only once it started, which matters with {@code server.port=0}). Streams start after that, so
 * {@code application.server} is always the real address.
 */
public class InstanceEndpoint {

    private final String advertisedHost;
    private volatile int port = -1;

    public InstanceEndpoint(String advertisedHost) {
        this.advertisedHost = advertisedHost;
    }

    @EventListener
    public void onWebServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    public HostInfo hostInfo() {
        if (port < 0) {
            throw new IllegalStateException("The web server has not started yet");
        }
        return new HostInfo(advertisedHost, port);
    }
}
