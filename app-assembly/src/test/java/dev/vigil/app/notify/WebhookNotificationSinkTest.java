package dev.vigil.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.plugin.NotificationDeliveryException;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.settings.Settings;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The webhook sink (health.md §7.2) against a real HTTP server on 127.0.0.1. */
class WebhookNotificationSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    private NotificationSink webhook(OutboundUrlGuard guard, String... params) {
        NotificationSink sink = new WebhookSinkProvider().create(TestSinks.params(params), TestSinks.context(guard));
        opened.add(sink);
        sink.start();
        return sink;
    }

    private NotificationSink webhook(String... params) {
        return webhook(TestSinks.guardOff(), params);
    }

    @Test
    void postsTheNotificationAsJsonWithKeysInSpecOrder() throws Exception {
        server.answer("/hook", 200, "ok");
        try (LogCapture logs = LogCapture.attach()) {
            webhook("url", server.url("/hook")).send(TestSinks.notification());

            LoopbackHttpServer.Received request = server.take();
            assertEquals("POST", request.method());
            assertEquals("application/json; charset=utf-8", request.header("Content-Type"));
            JsonNode body = JSON.readTree(request.body());
            List<String> keys = new ArrayList<>();
            body.fieldNames().forEachRemaining(keys::add);
            assertEquals(
                    List.of("id", "category", "severity", "title", "body", "source", "timestamp", "metadata"), keys);
            assertEquals("n-1", body.get("id").asText());
            assertEquals("health", body.get("category").asText());
            assertEquals("error", body.get("severity").asText());
            assertEquals("Agent stalled", body.get("title").asText());
            assertEquals("Run r-1 made no progress for 300 s", body.get("body").asText());
            assertEquals("vigil.health_monitor", body.get("source").asText());
            assertEquals("2026-03-01T12:34:56.789Z", body.get("timestamp").asText());
            assertEquals(
                    JSON.readTree("{\"run_id\":\"r-1\",\"stall_seconds\":300.5,\"tags\":[\"a\",\"b\"],\"none\":null}"),
                    body.get("metadata"));
            assertNull(request.header(WebhookNotificationSink.SIGNATURE_HEADER));

            var delivered = logs.only("vigil.notification.webhook_delivered");
            assertEquals("n-1", LogCapture.value(delivered, "notification_id").orElseThrow());
            assertEquals(200, LogCapture.value(delivered, "status_code").orElseThrow());
        }
    }

    @Test
    void extraHeadersAreSentAndUserInfoBecomesBasicCredentials() throws Exception {
        server.answer("/hook", 204, "");
        webhook("url", server.url("/hook"), "header.X-Team", "observability", "header.Authorization", "Token abc")
                .send(TestSinks.notification());
        LoopbackHttpServer.Received request = server.take();
        assertEquals("observability", request.header("X-Team"));
        assertEquals("Token abc", request.header("Authorization"), "an explicit header wins");

        String withUser = server.url("/hook").replace("http://", "http://alice:pa%3Ass@");
        webhook("url", withUser).send(TestSinks.notification());
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:pa:ss".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, server.take().header("Authorization"));
    }

    @Test
    void signsTheExactBodyWithHmacSha256() throws Exception {
        server.answer("/hook", 200, "");
        String secret = "whsec-test-Ω";
        webhook("url", server.url("/hook"), "signing_secret", secret).send(TestSinks.notification());
        LoopbackHttpServer.Received request = server.take();

        // What a receiver does: HMAC-SHA256 over the raw body, keyed with the secret's UTF-8 bytes.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
        String header = request.header("X-Vigil-Signature");
        assertEquals(expected, header);
        assertTrue(header.matches("sha256=[0-9a-f]{64}"), header);
    }

    @ParameterizedTest
    @CsvSource({
        "408, true",
        "429, true",
        "500, true",
        "503, true",
        "599, true",
        "400, false",
        "401, false",
        "404, false",
        "302, false",
        "301, false",
        "304, false"
    })
    void nonSuccessStatusesFailWithTheSpecRetryability(int status, boolean retryable) throws Exception {
        server.answer("/hook", status, "", Map.of("Location", server.url("/elsewhere")));
        server.answer("/elsewhere", 200, "");
        try (LogCapture logs = LogCapture.attach()) {
            NotificationDeliveryException e =
                    assertThrows(NotificationDeliveryException.class, () -> webhook("url", server.url("/hook"))
                            .send(TestSinks.notification()));
            assertEquals(retryable, e.retryable());
            assertEquals("webhook delivery failed: HTTP " + status, e.getMessage());
            var failed = logs.only("vigil.notification.webhook_failed");
            assertEquals(status, LogCapture.value(failed, "status_code").orElseThrow());
            assertEquals("n-1", LogCapture.value(failed, "notification_id").orElseThrow());
        }
        assertEquals(1, server.requests("/hook").size(), "sent once: the dispatcher, not the client, retries");
        assertTrue(server.requests("/elsewhere").isEmpty(), "redirects are never followed");
    }

    @Test
    void aHangingServerTimesOutAsRetryable() {
        server.hang("/slow");
        NotificationSink sink = webhook("url", server.url("/slow"), "timeout_seconds", "0.3");
        long started = System.nanoTime();
        NotificationDeliveryException e =
                assertThrows(NotificationDeliveryException.class, () -> sink.send(TestSinks.notification()));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(e.retryable());
        assertTrue(e.getMessage().startsWith("webhook delivery failed: "), e.getMessage());
        assertTrue(seconds >= 0.25 && seconds < 3.0, "took " + seconds + " s");
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        NotificationSink sink = webhook("url", "http://127.0.0.1:" + port + "/hook", "timeout_seconds", "2");
        NotificationDeliveryException e =
                assertThrows(NotificationDeliveryException.class, () -> sink.send(TestSinks.notification()));
        assertTrue(e.retryable());
    }

    @Test
    void theTimeoutDefaultsToTheSetting() throws Exception {
        server.hang("/slow");
        Settings settings = Settings.defaults().with(AssemblySettings.WEBHOOK_TIMEOUT_SECONDS, 0.3);
        NotificationSink sink = new WebhookSinkProvider()
                .create(
                        TestSinks.params("url", server.url("/slow")),
                        TestSinks.context(TestSinks.guardOff(), settings, Map.of()));
        opened.add(sink);
        sink.start();
        long started = System.nanoTime();
        assertThrows(NotificationDeliveryException.class, () -> sink.send(TestSinks.notification()));
        assertTrue((System.nanoTime() - started) / 1e9 < 3.0);
    }

    @Test
    void sendBeforeStartIsAnIllegalStateAndCloseIsIdempotent() {
        NotificationSink sink = new WebhookSinkProvider()
                .create(TestSinks.params("url", server.url("/hook")), TestSinks.context(TestSinks.guardOff()));
        sink.close(); // safe before start
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.send(TestSinks.notification()));
        assertEquals("WebhookNotificationSink.send called before start()", e.getMessage());
        server.answer("/hook", 200, "");
        sink.start();
        sink.start();
        sink.send(TestSinks.notification());
        sink.close();
        sink.close();
        assertThrows(IllegalStateException.class, () -> sink.send(TestSinks.notification()));
        sink.start(); // a dispatcher may restart after close
        sink.send(TestSinks.notification());
        sink.close();
        assertEquals(2, server.requests("/hook").size());
    }

    @Test
    void connectsToThePinnedAddressWithTheHostNameInTheHostHeader() throws Exception {
        // hooks.vigil.test exists only in the test resolver (-> 127.0.0.1), and is allow-listed: the request can only
        // arrive here if the client used the guard's pinned answer instead of the system resolver.
        AtomicInteger lookups = new AtomicInteger();
        HostResolver counting = host -> {
            lookups.incrementAndGet();
            return TestSinks.loopbackResolver().resolve(host);
        };
        OutboundUrlGuard guard = new OutboundUrlGuard(true, List.of(TestSinks.PINNED_HOST), counting);
        server.answer("/hook", 200, "");
        NotificationSink sink =
                webhook(guard, "url", "http://" + TestSinks.PINNED_HOST + ":" + server.port() + "/hook");
        sink.send(TestSinks.notification());
        sink.send(TestSinks.notification());
        assertEquals(TestSinks.PINNED_HOST + ":" + server.port(), server.take().header("Host"));
        assertEquals(1, lookups.get(), "resolved once, at start; later sends reuse the pinned address");
    }

    @Test
    void startFailsWhenTheHostResolvesToABlockedAddress() {
        OutboundUrlGuard guard = new OutboundUrlGuard(true, List.of(), TestSinks.loopbackResolver());
        NotificationSink sink = new WebhookSinkProvider()
                .create(
                        TestSinks.params("url", "http://" + TestSinks.PINNED_HOST + ":" + server.port() + "/hook"),
                        TestSinks.context(guard));
        IllegalStateException e = assertThrows(IllegalStateException.class, sink::start);
        assertEquals("host 'hooks.vigil.test' resolves to blocked address 127.0.0.1", e.getMessage());
        assertTrue(server.requests().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "timeout_seconds | 0 | timeout_seconds must be a finite number > 0, got '0'",
                "timeout_seconds | NaN | timeout_seconds must be a finite number > 0, got 'NaN'",
                "timeout_seconds | soon | timeout_seconds must be a finite number > 0, got 'soon'",
                "header.Bad Name | x | header.<Name> must be an HTTP header name, got 'Bad Name'",
                "header.Content-Type | text/plain | header.Content-Type is set by the sink and cannot be configured",
                "header.X-Vigil-Signature | forged | header.X-Vigil-Signature is set by the sink and cannot be configured"
            })
    void invalidParamsAreRejectedAtCreation(String key, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WebhookSinkProvider()
                .create(
                        TestSinks.params("url", "https://hooks.example.com/x", key, value),
                        TestSinks.context(TestSinks.guardOff())));
        assertEquals(message, e.getMessage());
    }

    @Test
    void urlIsRequiredAndGuarded() {
        var context = TestSinks.context(new OutboundUrlGuard(true, List.of(), TestSinks.loopbackResolver()));
        assertEquals(
                "url is required",
                assertThrows(IllegalArgumentException.class, () -> new WebhookSinkProvider()
                                .create(TestSinks.params("url", "  "), context))
                        .getMessage());
        assertEquals(
                "url host '10.0.0.1' is in a blocked range",
                assertThrows(IllegalArgumentException.class, () -> new WebhookSinkProvider()
                                .create(TestSinks.params("url", "http://10.0.0.1/x"), context))
                        .getMessage());
        IllegalArgumentException crlf = assertThrows(IllegalArgumentException.class, () -> new WebhookSinkProvider()
                .create(TestSinks.params("url", "https://a.example.com/", "header.X-Key", "v1\r\nX-Evil: 1"), context));
        assertEquals("header.X-Key must not contain CR, LF or NUL", crlf.getMessage());
    }

    @Test
    void unicodeTitleAndMetadataSurviveTheRoundTrip() throws Exception {
        server.answer("/hook", 200, "");
        Notification n = TestSinks.notification(
                dev.vigil.spi.model.NotificationSeverity.CRITICAL, "Büdget ⚠ <exceeded> & \"quoted\"", "");
        webhook("url", server.url("/hook")).send(n);
        JsonNode body = JSON.readTree(server.take().bodyText());
        assertEquals("Büdget ⚠ <exceeded> & \"quoted\"", body.get("title").asText());
        assertEquals("critical", body.get("severity").asText());
        assertEquals("", body.get("body").asText());
        assertFalse(body.get("metadata").isMissingNode());
    }
}
