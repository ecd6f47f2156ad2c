package dev.vigil.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.plugin.NotificationDeliveryException;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.settings.Settings;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The e-mail sink (health.md §7.5): real delivery and authentication against GreenMail, and SMTP 4xx/5xx replies and
 * STARTTLS against a scripted server, all on 127.0.0.1.
 */
class EmailNotificationSinkTest {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path keys;

    /** Server side of STARTTLS: a fresh self-signed certificate for 127.0.0.1. */
    private static SSLContext serverTls;

    /** Client side: trusts exactly that certificate (instead of the default trust store). */
    private static SSLContext clientTls;

    private GreenMail greenMail;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path store = keys.resolve("smtp.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "smtp",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-keystore",
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(30, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, STORE_PASSWORD);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keyStore);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);
    }

    @BeforeEach
    void startGreenMail() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
    }

    @AfterEach
    void stopGreenMail() {
        greenMail.stop();
    }

    private static NotificationSink email(Map<String, Object> mailProperties, String... params) {
        SinkContext context = new SinkContext(Settings.defaults(), TestSinks.guardOff(), name -> null, mailProperties);
        NotificationSink sink = new EmailSinkProvider().create(TestSinks.params(params), context);
        sink.start();
        return sink;
    }

    private static NotificationSink email(String... params) {
        return email(Map.of(), params);
    }

    private String greenMailPort() {
        return Integer.toString(greenMail.getSmtp().getPort());
    }

    @Test
    void deliversTheSpecifiedMessage() throws Exception {
        try (LogCapture logs = LogCapture.attach()) {
            email(
                            "host", "127.0.0.1",
                            "port", greenMailPort(),
                            "use_tls", "FALSE",
                            "from_addr", "vigil@example.com",
                            "to_addrs", " ops@example.com, ,oncall@example.com ,")
                    .send(TestSinks.notification(NotificationSeverity.CRITICAL, "Tab\there\u0001 ünï", "Body text"));
            var delivered = logs.only("vigil.notification.email_delivered");
            assertEquals(2, LogCapture.value(delivered, "recipients").orElseThrow());
            assertEquals("n-1", LogCapture.value(delivered, "notification_id").orElseThrow());
        }
        assertTrue(greenMail.waitForIncomingEmail(5000, 2));
        MimeMessage message = greenMail.getReceivedMessages()[0];
        assertEquals("[Vigil CRITICAL] Tabhere ünï", message.getSubject());
        assertEquals("vigil@example.com", message.getHeader("From", null));
        assertEquals("ops@example.com, oncall@example.com", message.getHeader("To", null));
        assertTrue(message.getContentType().startsWith("text/plain"), message.getContentType());
        assertTrue(message.getContentType().toLowerCase().contains("charset=utf-8"), message.getContentType());
        assertEquals(
                "Tab\there\u0001 ünï\n\nBody text\n\nCategory: health\nSource: vigil.health_monitor\n"
                        + "Timestamp: 2026-03-01T12:34:56.789Z",
                ((String) message.getContent()).replace("\r\n", "\n"));
    }

    @Test
    void logsInWhenBothCredentialsAreSet() throws Exception {
        greenMail.setUser("alice@example.com", "alice", "correct-horse");
        email(
                        "host", "127.0.0.1",
                        "port", greenMailPort(),
                        "use_tls", "false",
                        "username", "alice",
                        "password", "correct-horse",
                        "from_addr", "alice@example.com",
                        "to_addrs", "ops@example.com")
                .send(TestSinks.notification());
        assertTrue(greenMail.waitForIncomingEmail(5000, 1));
    }

    @Test
    void rejectedCredentialsAreNotRetryable() {
        greenMail.setUser("alice@example.com", "alice", "correct-horse");
        try (LogCapture logs = LogCapture.attach()) {
            NotificationDeliveryException e = assertThrows(NotificationDeliveryException.class, () -> email(
                            "host", "127.0.0.1",
                            "port", greenMailPort(),
                            "use_tls", "false",
                            "username", "alice",
                            "password", "wrong-battery",
                            "from_addr", "alice@example.com",
                            "to_addrs", "ops@example.com")
                    .send(TestSinks.notification()));
            assertFalse(e.retryable());
            assertEquals("email delivery failed: smtp_535", e.getMessage());
            assertEquals(
                    "smtp_535",
                    LogCapture.value(logs.only("vigil.notification.email_failed"), "error_type")
                            .orElseThrow());
        }
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void partialCredentialsWarnAndSendWithoutLogin() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(null);
                LogCapture logs = LogCapture.attach()) {
            email(
                            "host", "127.0.0.1",
                            "port", Integer.toString(smtp.port()),
                            "use_tls", "false",
                            "username", "alice",
                            "from_addr", "vigil@example.com",
                            "to_addrs", "ops@example.com")
                    .send(TestSinks.notification());
            logs.only("vigil.notification.email_partial_credentials");
            assertTrue(smtp.commands().stream().noneMatch(c -> c.verb().equals("AUTH")));
            assertEquals(1, smtp.messages().size());
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GREETING | 421 4.3.2 shutting down | true | smtp_421",
                "MAIL | 451 4.3.0 try later | true | smtp_451",
                "RCPT | 452 4.2.2 mailbox full | true | smtp_452",
                "RCPT | 550 5.1.1 no such user | false | smtp_550",
                "MAIL | 553 5.1.8 sender rejected | false | smtp_553",
                "DATA | 554 5.7.1 rejected as spam | false | smtp_554",
                "DATA | 450 4.7.1 greylisted | true | smtp_450"
            })
    void smtpRepliesDecideRetryability(String verb, String reply, boolean retryable, String errorType)
            throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(null)) {
            if (verb.equals("GREETING")) {
                smtp.greeting(reply);
            } else {
                smtp.reply(verb, reply);
            }
            NotificationDeliveryException e = assertThrows(NotificationDeliveryException.class, () -> email(
                            "host", "127.0.0.1",
                            "port", Integer.toString(smtp.port()),
                            "use_tls", "false",
                            "from_addr", "vigil@example.com",
                            "to_addrs", "ops@example.com")
                    .send(TestSinks.notification()));
            assertEquals(retryable, e.retryable(), e.getMessage());
            assertEquals("email delivery failed: " + errorType, e.getMessage());
        }
    }

    @Test
    void startTlsUpgradesBeforeAnythingIsSent() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(serverTls)) {
            email(
                            Map.of("mail.smtp.ssl.socketFactory", clientTls.getSocketFactory()),
                            "host",
                            "127.0.0.1",
                            "port",
                            Integer.toString(smtp.port()),
                            "from_addr",
                            "vigil@example.com",
                            "to_addrs",
                            "ops@example.com")
                    .send(TestSinks.notification());
            List<ScriptedSmtpServer.Command> commands = smtp.commands();
            assertTrue(commands.stream().anyMatch(c -> c.verb().equals("STARTTLS")), commands.toString());
            for (ScriptedSmtpServer.Command command : commands) {
                if (List.of("MAIL", "RCPT", "DATA").contains(command.verb())) {
                    assertTrue(command.overTls(), command + " was sent before STARTTLS");
                }
            }
            assertEquals(1, smtp.messages().size());
        }
    }

    @Test
    void startTlsVerifiesTheCertificateAgainstTheDefaultTrustStore() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(serverTls)) {
            NotificationDeliveryException e = assertThrows(NotificationDeliveryException.class, () -> email(
                            "host", "127.0.0.1",
                            "port", Integer.toString(smtp.port()),
                            "use_tls", "true",
                            "from_addr", "vigil@example.com",
                            "to_addrs", "ops@example.com")
                    .send(TestSinks.notification()));
            assertTrue(e.retryable(), "a TLS failure is an I/O failure");
            assertTrue(smtp.commands().stream().noneMatch(c -> c.verb().equals("MAIL")), "nothing sent in the clear");
            assertTrue(smtp.messages().isEmpty());
        }
    }

    @Test
    void useTlsRefusesAServerWithoutStartTls() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(null)) {
            NotificationDeliveryException e = assertThrows(NotificationDeliveryException.class, () -> email(
                            "host", "127.0.0.1",
                            "port", Integer.toString(smtp.port()),
                            "from_addr", "vigil@example.com",
                            "to_addrs", "ops@example.com")
                    .send(TestSinks.notification()));
            assertFalse(e.retryable(), e.getMessage());
            assertTrue(smtp.commands().stream().noneMatch(c -> c.verb().equals("MAIL")), "nothing sent in the clear");
        }
    }

    @Test
    void aSilentServerTimesOutAsRetryable() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(null).greeting(null)) {
            long started = System.nanoTime();
            NotificationDeliveryException e = assertThrows(NotificationDeliveryException.class, () -> email(
                            "host", "127.0.0.1",
                            "port", Integer.toString(smtp.port()),
                            "use_tls", "false",
                            "smtp_timeout_seconds", "0.3",
                            "from_addr", "vigil@example.com",
                            "to_addrs", "ops@example.com")
                    .send(TestSinks.notification()));
            assertTrue(e.retryable());
            assertTrue((System.nanoTime() - started) / 1e9 < 5.0);
        }
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        NotificationDeliveryException e = assertThrows(NotificationDeliveryException.class, () -> email(
                        "host", "127.0.0.1",
                        "port", Integer.toString(port),
                        "use_tls", "false",
                        "from_addr", "vigil@example.com",
                        "to_addrs", "ops@example.com")
                .send(TestSinks.notification()));
        assertTrue(e.retryable());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "host | '' | host is required",
                "port | 0 | port must be an integer in 1-65535, got '0'",
                "port | 65536 | port must be an integer in 1-65535, got '65536'",
                "port | smtp | port must be an integer in 1-65535, got 'smtp'",
                "from_addr | '' | from_addr is required",
                "to_addrs | ' , ,' | to_addrs must contain at least one address",
                "use_tls | yes | use_tls must be 'true' or 'false', got 'yes'",
                "smtp_timeout_seconds | -1 | smtp_timeout_seconds must be a finite number > 0, got '-1'",
                "smtp_timeout_seconds | Infinity | smtp_timeout_seconds must be a finite number > 0, got 'Infinity'"
            })
    void invalidParamsAreRejectedWithTheSpecMessages(String key, String value, String message) {
        Map<String, String> params = new java.util.LinkedHashMap<>(
                Map.of("host", "smtp.example.com", "from_addr", "vigil@example.com", "to_addrs", "ops@example.com"));
        params.put(key, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EmailSinkProvider()
                .create(dev.vigil.spi.plugin.PluginConfig.of(params), TestSinks.context(TestSinks.guardOff())));
        assertEquals(message, e.getMessage());
    }

    @Test
    void lineBreaksInAddressesAreRejected() {
        var context = TestSinks.context(TestSinks.guardOff());
        assertEquals(
                "from_addr must not contain CR or LF",
                assertThrows(IllegalArgumentException.class, () -> new EmailSinkProvider()
                                .create(
                                        TestSinks.params(
                                                "host", "smtp.example.com",
                                                "from_addr", "a@example.com\r\nBcc: x@evil.example",
                                                "to_addrs", "ops@example.com"),
                                        context))
                        .getMessage());
        assertEquals(
                "to_addrs must not contain CR or LF",
                assertThrows(IllegalArgumentException.class, () -> new EmailSinkProvider()
                                .create(
                                        TestSinks.params(
                                                "host", "smtp.example.com",
                                                "from_addr", "a@example.com",
                                                "to_addrs", "ops@example.com,\nx@evil.example"),
                                        context))
                        .getMessage());
    }

    @Test
    void timeoutDefaultsToTheSettingAndSmtpHostsAreNotGuarded() {
        Settings settings = Settings.defaults().with(AssemblySettings.EMAIL_SMTP_TIMEOUT_SECONDS, 2.5);
        SinkContext context = TestSinks.context(
                new OutboundUrlGuard(true, List.of(), TestSinks.loopbackResolver()), settings, Map.of());
        NotificationSink sink = new EmailSinkProvider()
                .create(
                        TestSinks.params(
                                "host", "10.0.0.25", "from_addr", "a@example.com", "to_addrs", "b@example.com"),
                        context);
        assertTrue(sink.toString().contains("host=10.0.0.25"), sink.toString());
        assertEquals("email", sink.name());
    }
}
