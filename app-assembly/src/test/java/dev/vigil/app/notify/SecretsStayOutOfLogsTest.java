package dev.vigil.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.app.settings.SinkSpec;
import dev.vigil.health.notify.NotificationDispatcher;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secrets (tokens, passwords, signing secrets, header values, credentials and tokens inside URLs) never reach the logs,
 * exception messages or {@code toString()} (health.md §7): every sink is configured with marked secrets, made to fail
 * in every way it can (HTTP errors, a redirect, a timeout, a refused login, invalid configurations), dispatched through
 * the real dispatcher with retries, and everything captured is scanned.
 */
class SecretsStayOutOfLogsTest {

    private static final List<String> SECRETS = List.of(
            "URLPASS-1a",
            "PATHTOKEN-2b",
            "HEADERSECRET-3c",
            "SIGNSECRET-4d",
            "SLACKTOKEN-5e",
            "NTFYTOKEN-6f",
            "MAILPASS-7g",
            "QUERYTOKEN-8h",
            "ENVTOKEN-9i",
            "BADURLSECRET-0j");

    @Test
    void noSecretIsLoggedThrownOrPrinted() throws Exception {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        greenMail.setUser("alice@example.com", "alice", "the-real-password");
        List<String> seen = new ArrayList<>();
        ch.qos.logback.classic.Logger httpClientLogs =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.hc");
        ch.qos.logback.classic.Logger greenMailLogs =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen");
        // Every logger at DEBUG, except HttpClient's, which log request lines and headers at DEBUG and must stay at
        // WARN in any deployment (the distribution's logback.xml pins it), and the test mail server's own.
        httpClientLogs.setLevel(ch.qos.logback.classic.Level.WARN);
        greenMailLogs.setLevel(ch.qos.logback.classic.Level.WARN);
        try (LoopbackHttpServer server = LoopbackHttpServer.start();
                LogCapture logs = LogCapture.of(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
            server.answer("/fail/PATHTOKEN-2b", 500, "upstream says PATHTOKEN-2b");
            server.answer("/api/chat.postMessage", 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
            server.answer("/redirect", 302, "", Map.of("Location", server.url("/elsewhere?t=QUERYTOKEN-8h")));
            server.answer("/ntfy", 403, "");
            server.hang("/slow");
            String base = "http://" + TestSinks.PINNED_HOST + ":" + server.port();
            String userInfo = "http://alice:URLPASS-1a@" + TestSinks.PINNED_HOST + ":" + server.port();
            List<SinkSpec> specs = List.of(
                    new SinkSpec(
                            "webhook",
                            TestSinks.params(
                                    "url", userInfo + "/fail/PATHTOKEN-2b?token=QUERYTOKEN-8h",
                                    "header.X-Api-Key", "HEADERSECRET-3c",
                                    "signing_secret", "SIGNSECRET-4d")),
                    new SinkSpec(
                            "webhook",
                            TestSinks.params(
                                    "url",
                                    base + "/slow",
                                    "timeout_seconds",
                                    "0.2",
                                    "header.Authorization",
                                    "Bearer HEADERSECRET-3c")),
                    new SinkSpec("slack", TestSinks.params("url", base + "/redirect?PATHTOKEN-2b")),
                    new SinkSpec(
                            "slack",
                            TestSinks.params("channel", "C1", "token", "SLACKTOKEN-5e", "api_base_url", base + "/api")),
                    new SinkSpec(
                            "slack",
                            TestSinks.params(
                                    "channel", "C1", "token_env", "VIGIL_SECRET_ENV", "api_base_url", base + "/api")),
                    new SinkSpec(
                            "ntfy", TestSinks.params("server_url", userInfo, "topic", "ntfy", "token", "NTFYTOKEN-6f")),
                    new SinkSpec(
                            "email",
                            TestSinks.params(
                                    "host",
                                    "127.0.0.1",
                                    "port",
                                    Integer.toString(greenMail.getSmtp().getPort()),
                                    "use_tls",
                                    "false",
                                    "username",
                                    "alice",
                                    "password",
                                    "MAILPASS-7g",
                                    "from_addr",
                                    "alice@example.com",
                                    "to_addrs",
                                    "ops@example.com")),
                    // Invalid configurations whose input holds secrets: the reasons must not echo them.
                    new SinkSpec("webhook", TestSinks.params("url", "ftp://bob:URLPASS-1a@example.com/PATHTOKEN-2b")),
                    new SinkSpec("webhook", TestSinks.params("url", "https://ex ample.com/BADURLSECRET-0j")),
                    new SinkSpec(
                            "webhook",
                            TestSinks.params(
                                    "url", "https://hooks.example.com/x", "header.X-Key", "HEADERSECRET-3c\r\nX: y")),
                    new SinkSpec(
                            "slack",
                            TestSinks.params("channel", "C1", "token", "SLACKTOKEN-5e", "token_env", "ENVTOKEN-9i")),
                    new SinkSpec(
                            "email",
                            TestSinks.params(
                                    "host",
                                    "h",
                                    "password",
                                    "MAILPASS-7g",
                                    "from_addr",
                                    "a@example.com",
                                    "to_addrs",
                                    "b@example.com",
                                    "port",
                                    "0")));
            Settings settings = Settings.defaults().with(AssemblySettings.HOSTNAME_ALLOWLIST, TestSinks.PINNED_HOST);
            List<NotificationSink> sinks = new SinkFactory(
                            TestSinks.loopbackResolver(),
                            name -> name.equals("VIGIL_SECRET_ENV") ? "ENVTOKEN-9i" : null,
                            Map.of())
                    .create(specs, SinkFactory.builtInProviders(), settings);
            assertEquals(7, sinks.size(), "the seven valid sinks survive");
            sinks.forEach(s -> seen.add(s.toString()));
            specs.forEach(s -> seen.add(s.toString()));

            NotificationDispatcher dispatcher =
                    NotificationDispatcher.builder(sinks).build();
            dispatcher.start();
            int accepted = dispatcher.dispatch(TestSinks.notification());
            dispatcher.close();
            assertEquals(0, accepted, "every sink was made to fail");

            // Direct sends too, to see the exception messages the dispatcher would log.
            for (NotificationSink sink : sinks) {
                sink.start();
                try {
                    sink.send(TestSinks.notification());
                } catch (RuntimeException e) {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        seen.add(t.getClass().getName() + ": " + t.getMessage() + " / " + t);
                    }
                } finally {
                    sink.close();
                }
            }
            seen.add(logs.render());
            assertTrue(
                    logs.events().size() > 20,
                    "the scan saw the failure logs: " + logs.events().size());
            assertFalse(server.requests().isEmpty());
            assertTrue(server.requests().stream().anyMatch(r -> "HEADERSECRET-3c".equals(r.header("X-Api-Key"))));
            for (String bearer : List.of("SLACKTOKEN-5e", "ENVTOKEN-9i", "NTFYTOKEN-6f")) {
                assertTrue(
                        server.requests().stream()
                                .anyMatch(r -> ("Bearer " + bearer).equals(r.header("Authorization"))),
                        "the secrets were really in use: " + bearer);
            }
        } finally {
            greenMail.stop();
            httpClientLogs.setLevel(null);
            greenMailLogs.setLevel(null);
        }
        String everything = String.join("\n", seen);
        for (String secret : SECRETS) {
            assertFalse(everything.contains(secret), () -> "secret " + secret + " leaked in:\n" + everything);
        }
    }
}
