package com.zmart.platform.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zmart.platform.process.Ports;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

class SmtpServerTest {

    @Test
    void aClientResettingItsConnectionMidSessionEndsNoThreadWithAnExceptionAndTheServerGoesOn() throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        try (SmtpServer smtp = SmtpServer.start(0)) {
            // A service killed while it sends: greeted, EHLO answered, then the connection reset (RST, not FIN).
            String connection;
            try (Socket client = new Socket(Ports.LOOPBACK, smtp.port())) {
                BufferedReader replies = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                assertThat(replies.readLine()).startsWith("220 ");
                OutputStream commands = client.getOutputStream();
                commands.write("EHLO killed.example\r\n".getBytes(StandardCharsets.US_ASCII));
                commands.flush();
                assertThat(replies.readLine()).startsWith("250");
                connection = "<-" + client.getLocalSocketAddress();
                client.setSoLinger(true, 0);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(thread -> thread.getName().endsWith(connection)));

            Properties props = new Properties();
            props.put("mail.smtp.host", Ports.LOOPBACK);
            props.put("mail.smtp.port", Integer.toString(smtp.port()));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("rewards@zmart.example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("member@zmart.example"));
            message.setSubject("After a reset");
            message.setText("15% off");
            Transport.send(message);
            await().atMost(Duration.ofSeconds(10)).until(() -> smtp.receivedMessages().size() == 1);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(uncaught).as("exceptions that ended a thread").isEmpty();
    }
}
