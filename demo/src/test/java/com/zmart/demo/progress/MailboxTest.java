package com.zmart.demo.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import com.zmart.platform.process.Ports;
import com.zmart.platform.smtp.SmtpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxTest {

    @TempDir
    Path folder;

    private SmtpServer smtp;
    private Session session;

    @BeforeEach
    void startSmtp() {
        smtp = SmtpServer.start(0);
        Properties props = new Properties();
        props.put("mail.smtp.host", Ports.LOOPBACK);
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        session = Session.getInstance(props);
    }

    @AfterEach
    void stopSmtp() {
        smtp.close();
    }

    /**
     * The server lists a's messages before b's: once a1 and b1 are written, a2 lands between them in that list, so
     * reading the list from the last written position would write b1 again and never a2.
     */
    @Test
    void everyMessageIsWrittenOnceThoughTheServerGroupsThemByRecipient() throws Exception {
        try (Mailbox mailbox = Mailbox.start(smtp, folder)) {
            sendAndAwaitFiles(new MimeMessage(session), "a@example.com", "a1", 1);
            sendAndAwaitFiles(new MimeMessage(session), "b@example.com", "b1", 2);
            sendAndAwaitFiles(new MimeMessage(session), "a@example.com", "a2", 3);
            sendAndAwaitFiles(new MimeMessage(session), "b@example.com", "b2", 4);
            Thread.sleep(1_000); // two more polls: nothing is written twice
        }
        assertThat(subjects()).containsExactlyInAnyOrder("a1", "b1", "a2", "b2");
    }

    @Test
    void messagesWithoutAMessageIdAreEachWrittenOnce() throws Exception {
        try (Mailbox mailbox = Mailbox.start(smtp, folder)) {
            sendAndAwaitFiles(withoutMessageId(), "a@example.com", "a1", 1);
            sendAndAwaitFiles(withoutMessageId(), "b@example.com", "b1", 2);
            sendAndAwaitFiles(withoutMessageId(), "a@example.com", "a2", 3);
            Thread.sleep(1_000);
        }
        assertThat(smtp.receivedMessages()).allSatisfy(m -> assertThat(m.getMessageID()).isNull());
        assertThat(subjects()).containsExactlyInAnyOrder("a1", "b1", "a2");
    }

    private void sendAndAwaitFiles(MimeMessage message, String to, String subject, int files) throws Exception {
        message.setFrom(new InternetAddress("rewards@zmart.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Your coupon");
        Transport.send(message);
        await().atMost(Duration.ofSeconds(5)).until(() -> files().size() >= files);
    }

    /** Transport.send gives every message a Message-ID unless the message declines to. */
    private MimeMessage withoutMessageId() {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() {
            }
        };
    }

    private List<String> subjects() throws IOException {
        return files().stream().map(this::subject).toList();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private String subject(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(session, in).getSubject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
