package dev.vigil.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.plugin.NotificationDeliveryException;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ntfy sink (health.md §7.4) against a real HTTP server on 127.0.0.1. */
class NtfyNotificationSinkTest {

    private LoopbackHttpServer server;
    private final List<NotificationSink> opened = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = LoopbackHttpServer.start();
    }

    @AfterEach
    void stopAll() {
        opened.forEach(NotificationSink::close);
        server.close();
    }

    private NotificationSink ntfy(Settings settings, String... params) {
        NotificationSink sink = new NtfySinkProvider()
                .create(TestSinks.params(params), TestSinks.context(TestSinks.guardOff(), settings, Map.of()));
        opened.add(sink);
        sink.start();
        return sink;
    }

    private NotificationSink ntfy(String... params) {
        return ntfy(Settings.defaults(), params);
    }

    @ParameterizedTest
    @CsvSource({"INFO, default", "WARNING, high", "ERROR, urgent", "CRITICAL, max"})
    void postsToTheTopicWithSpecHeaders(NotificationSeverity severity, String priority) throws Exception {
        server.answer("/vigil-alerts", 200, "{}");
        try (LogCapture logs = LogCapture.attach()) {
            ntfy("server_url", server.url("/"), "topic", "vigil-alerts", "token", "tk_secret")
                    .send(TestSinks.notification(severity, "Tab\there\u007f ünïcode ⚠", "the body"));
            var delivered = logs.only("vigil.notification.ntfy_delivered");
            assertEquals(200, LogCapture.value(delivered, "status_code").orElseThrow());
        }
        LoopbackHttpServer.Received request = server.take();
        assertEquals("POST", request.method());
        assertEquals("/vigil-alerts", request.path());
        assertEquals("Tabhere ünïcode ⚠", request.headerUtf8("Title"));
        assertEquals(priority, request.header("Priority"));
        assertEquals("health", request.header("Tags"));
        assertEquals("Bearer tk_secret", request.header("Authorization"));
        assertEquals("the body", request.bodyText());
    }

    @Test
    void emptyBodySendsTheTitleAndNoTokenMeansNoAuthorization() throws Exception {
        server.answer("/base/t1", 200, "");
        ntfy("server_url", server.url("/base///"), "topic", "t1")
                .send(TestSinks.notification(NotificationSeverity.INFO, "Only a title", ""));
        LoopbackHttpServer.Received request = server.take();
        assertEquals("/base/t1", request.path());
        assertEquals("Only a title", request.bodyText());
        assertNull(request.header("Authorization"));
    }

    @Test
    void theServerDefaultsToTheSetting() throws Exception {
        server.answer("/topic", 200, "");
        Settings settings = Settings.defaults().with(AssemblySettings.NTFY_DEFAULT_URL, server.url(""));
        ntfy(settings, "topic", "topic").send(TestSinks.notification());
        assertEquals("/topic", server.take().path());
    }

    @ParameterizedTest
    @CsvSource({"429, true", "500, true", "502, true", "408, true", "400, false", "403, false", "302, false"})
    void failuresAreClassified(int status, boolean retryable) {
        server.answer("/t", status, "", Map.of("Location", server.url("/elsewhere")));
        try (LogCapture logs = LogCapture.attach()) {
            NotificationDeliveryException e = assertThrows(
                    NotificationDeliveryException.class,
                    () -> ntfy("server_url", server.url(""), "topic", "t").send(TestSinks.notification()));
            assertEquals(retryable, e.retryable());
            assertEquals("ntfy delivery failed: HTTP " + status, e.getMessage());
            logs.only("vigil.notification.ntfy_failed");
        }
        assertTrue(server.requests("/elsewhere").isEmpty());
    }

    @Test
    void hangingServerTimesOut() {
        server.hang("/t");
        NotificationSink sink = ntfy("server_url", server.url(""), "topic", "t", "timeout_seconds", "0.3");
        NotificationDeliveryException e =
                assertThrows(NotificationDeliveryException.class, () -> sink.send(TestSinks.notification()));
        assertTrue(e.retryable());
    }

    @Test
    void sendBeforeStartThrowsTheSpecMessage() {
        NotificationSink sink = new NtfySinkProvider()
                .create(
                        TestSinks.params("server_url", server.url(""), "topic", "t"),
                        TestSinks.context(TestSinks.guardOff()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.send(TestSinks.notification()));
        assertEquals("NtfyNotificationSink.send called before start()", e.getMessage());
        sink.close();
    }

    @Test
    void topicIsOnePathSegment() throws Exception {
        server.answer("/a%2F..%2Fadmin", 200, "");
        ntfy("server_url", server.url(""), "topic", "a/../admin").send(TestSinks.notification());
        assertEquals("/a%2F..%2Fadmin", server.take().path());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | t | server_url is required (notifications.ntfy.default_url is empty)",
                "https://ntfy.example.com | '' | topic is required",
                "http://169.254.169.254/ | t | url host '169.254.169.254' is in a blocked range",
            })
    void factoryErrors(String server, String topic, String message) {
        var guarded = TestSinks.context(TestSinks.guardAllowingPinnedHost());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NtfySinkProvider()
                .create(TestSinks.params("server_url", server, "topic", topic), guarded));
        assertEquals(message, e.getMessage());
    }

    @Test
    void startFailsClosedWhenTheServerDoesNotResolve() {
        NotificationSink sink = new NtfySinkProvider()
                .create(
                        TestSinks.params("server_url", "https://ntfy.unknown.test", "topic", "t"),
                        TestSinks.context(TestSinks.guardAllowingPinnedHost()));
        assertEquals(
                "host 'ntfy.unknown.test' did not resolve",
                assertThrows(IllegalStateException.class, sink::start).getMessage());
    }
}
