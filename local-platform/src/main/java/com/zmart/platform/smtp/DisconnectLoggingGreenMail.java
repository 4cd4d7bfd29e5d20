package com.zmart.platform.smtp;

import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GreenMail serving SMTP only, where a client that goes away in the middle of a session (a service killed while it
 * sends a coupon) ends its connection with one log line. GreenMail itself lets the connection thread die of the
 * {@code Connection reset}, and the JVM prints that stack trace on the standard error: the demo's console.
 */
final class DisconnectLoggingGreenMail extends GreenMail {

    private static final Logger log = LoggerFactory.getLogger(SmtpServer.class);

    DisconnectLoggingGreenMail(ServerSetup smtp) {
        super(smtp);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = new HashMap<>();
        for (ServerSetup setup : config) {
            if (!ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
                throw new IllegalArgumentException("An SMTP server only, not " + setup.getProtocol());
            }
            services.put(setup.getProtocol(), new Smtp(setup, managers));
        }
        return services;
    }

    private static final class Smtp extends com.icegreen.greenmail.smtp.SmtpServer {

        Smtp(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket client) {
            ProtocolHandler session = super.createProtocolHandler(client);
            return new ProtocolHandler() {
                @Override
                public void run() {
                    try {
                        session.run();
                    } catch (IllegalStateException e) {
                        // The session closes its socket on the way out; only the client's side is gone.
                        if (!(e.getCause() instanceof SocketException gone)) {
                            throw e;
                        }
                        log.info("SMTP client {} went away mid-session: {}", client.getRemoteSocketAddress(),
                                gone.getMessage());
                    }
                }

                @Override
                public void close() {
                    session.close();
                }
            };
        }
    }
}
