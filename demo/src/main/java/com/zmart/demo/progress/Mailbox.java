package com.zmart.demo.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import com.zmart.platform.smtp.SmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a person reads the coupon emails of the demo: every message the platform's SMTP server receives is written
 * to {@code <data>/mailbox/NNNNNN.eml}, which any mail client (or a text editor) opens.
 *
 * <p>A coupon resent after a crash keeps its Message-ID and is written once ({@link SmtpServer#newMessages}).
 */
public final class Mailbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

    private final SmtpServer smtp;
    private final Path folder;
    private final Thread thread;
    /**
     * The messages written (SmtpServer#newMessages). Not bounded: a demo run gets a few thousand emails at most (four coupons a
     * member), and the SMTP server keeps every one of them anyway.
     */
    private final Set<Object> written = new HashSet<>();
    private int files;
    private volatile boolean running = true;

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
            for (MimeMessage message : smtp.newMessages(written)) {
                write(message, folder.resolve("%06d.eml".formatted(++files)));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }


    private static void write(MimeMessage message, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        } catch (IOException | MessagingException e) {
            log.warn("Cannot write {}: {}", file, e.getMessage());
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
