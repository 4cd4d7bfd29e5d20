package com.zmart.platform.smtp;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zmart.platform.PlatformStartupException;
import com.zmart.platform.Ports;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) that accepts every message and keeps it, so coupon emails can be read back. */
public final class SmtpServer implements AutoCloseable {

    private final GreenMail greenMail;

    private SmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static SmtpServer start(int requestedPort) {
        int port = Ports.claim(requestedPort, "the SMTP server", "--smtp-port");
        GreenMail greenMail = new GreenMail(new ServerSetup(port, Ports.LOOPBACK, ServerSetup.PROTOCOL_SMTP));
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            throw new PlatformStartupException("The SMTP server did not start on port " + port + ": " + e.getMessage(), e);
        }
        return new SmtpServer(greenMail);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received since the server started. */
    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
