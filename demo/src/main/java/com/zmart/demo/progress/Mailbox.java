package com.zmart.demo.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.zmart.platform.smtp.SmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a person reads the coupon emails of the demo: every message the platform's SMTP server receives is written
 * to {@code <data>/mailbox/NNNNNN.eml}, which any mail client (or a text editor) opens.
 */
public final class Mailbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

    private final SmtpServer smtp;
    private final Path folder;
    private final Thread thread;
    private volatile boolean running = true;
    private int written;

    private Mailbox(SmtpServer smtp, Path folder) {
        this.smtp = smtp;
        this.folder = folder;
        this.thread = new Thread(this::copyNewMessages, "mailbox");
        this.thread.setDaemon(true);
    }

    public static Mailbox start(SmtpServer smtp, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + folder, e);
        }
        Mailbox mailbox = new Mailbox(smtp, folder);
        mailbox.thread.start();
        return mailbox;
    }

    private void copyNewMessages() {
        while (running) {
            List<MimeMessage> received = smtp.receivedMessages();
            for (MimeMessage message : received.subList(written, received.size())) {
                Path file = folder.resolve("%06d.eml".formatted(++written));
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                } catch (IOException | MessagingException e) {
                    log.warn("Cannot write {}: {}", file, e.getMessage());
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
