package com.zmart.platform.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zmart.platform.process.PlatformStartupException;
import com.zmart.platform.process.Ports;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) that accepts every message and keeps it, so coupon emails can be read back. Every
 * message lands in one catch-all mailbox, in arrival order; its recipients stay in its headers.
 */
public final class SmtpServer implements AutoCloseable {

    private static final String CATCH_ALL = "zmart-platform-mailbox@localhost";

    private final GreenMail greenMail;

    private SmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static SmtpServer start(int requestedPort) {
        // GreenMail parses every message it receives, and Jakarta Mail 2.1 looks its StreamProvider up with a
        // ServiceLoader scan of the whole class path for every multipart and encoded header (jakartaee/mail-api#861):
        // about 10 ms of CPU per message beside a broker and a Connect worker. Naming the provider skips the scan.
        System.setProperty("jakarta.mail.util.StreamProvider",
                System.getProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider"));
        int port = Ports.claim(requestedPort, "the SMTP server", "--smtp-port");
        GreenMail greenMail = new DisconnectLoggingGreenMail(
                new ServerSetup(port, Ports.LOOPBACK, ServerSetup.PROTOCOL_SMTP));
        try {
            greenMail.start();
            // GreenMail otherwise creates a mailbox per recipient and finds it by scanning every mailbox's name: with
            // thousands of members, a scan of thousands of names per delivery, more CPU than the mailer sending it.
            GreenMailUser catchAll = greenMail.setUser(CATCH_ALL, CATCH_ALL, CATCH_ALL);
            greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> catchAll);
        } catch (RuntimeException e) {
            throw new PlatformStartupException("The SMTP server did not start on port " + port + ": " + e.getMessage(), e);
        }
        return new SmtpServer(greenMail);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received since the server started, in arrival order. */
    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /**
     * The messages received that {@code seen} does not hold yet, each now added to it. A message is known by its
     * Message-ID (the coupon mailer sets one per coupon, so a coupon resent after a crash is the same message), and
     * without one by the message object, which the server keeps for its lifetime.
     */
    public List<MimeMessage> newMessages(Set<Object> seen) {
        List<MimeMessage> fresh = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (seen.add(keyOf(message))) {
                fresh.add(message);
            }
        }
        return fresh;
    }

    /** The first recipient of a message, as its address text. */
    public static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException("A received message without a readable recipient", e);
        }
    }

    private static Object keyOf(MimeMessage message) {
        try {
            String messageId = message.getMessageID();
            return messageId != null ? messageId : message;
        } catch (MessagingException e) {
            return message;
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
