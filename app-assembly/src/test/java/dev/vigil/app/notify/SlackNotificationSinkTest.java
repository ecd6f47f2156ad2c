package dev.vigil.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.plugin.NotificationDeliveryException;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Slack sink (health.md §7.3), incoming webhook and Web API, against a real HTTP server on 127.0.0.1. */
class SlackNotificationSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoopbackHttpServer server;
    private final List<NotificationSink> opened = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void startServer() throws Exception {
        server = LoopbackHttpServer.start();
    }

    @AfterEach
    void stopAll() {
        opened.forEach(NotificationSink::close);
        server.close();
    }

    private NotificationSink slack(String... params) {
        return slack(Settings.defaults(), params);
    }

    private NotificationSink slack(Settings settings, String... params) {
        NotificationSink sink = new SlackSinkProvider()
                .create(TestSinks.params(params), TestSinks.context(TestSinks.guardOff(), settings, environment));
        opened.add(sink);
        sink.start();
        return sink;
    }

    private static Notification tricky(String body) {
        return TestSinks.notification(NotificationSeverity.WARNING, "Loop <in> tool & \"search\" >", body);
    }

    @Test
    void incomingWebhookPayloadIsExactlyAsSpecified() throws Exception {
        server.answer("/services/T0/B0/x", 200, "ok");
        try (LogCapture logs = LogCapture.attach()) {
            slack("url", server.url("/services/T0/B0/x")).send(tricky("a < b && c > d"));
            logs.only("vigil.notification.slack_delivered");
        }
        LoopbackHttpServer.Received request = server.take();
        assertEquals("application/json; charset=utf-8", request.header("Content-Type"));
        String header = "*[WARNING]* Loop &lt;in&gt; tool &amp; \"search\" &gt;";
        JsonNode expected = JSON.createObjectNode()
                .put("text", header)
                .set(
                        "blocks",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode()
                                        .put("type", "section")
                                        .set(
                                                "text",
                                                JSON.createObjectNode()
                                                        .put("type", "mrkdwn")
                                                        .put("text", header + "\na &lt; b &amp;&amp; c &gt; d")))
                                .add(
                                        JSON.createObjectNode()
                                                .put("type", "context")
                                                .set(
                                                        "elements",
                                                        JSON.createArrayNode()
                                                                .add(
                                                                        JSON.createObjectNode()
                                                                                .put("type", "mrkdwn")
                                                                                .put(
                                                                                        "text",
                                                                                        "Category: health | Source: vigil.health_monitor")))));
        assertEquals(expected, JSON.readTree(request.body()));
    }

    @Test
    void incomingWebhookWithEmptyBodyHasOnlyTheHeaderInTheSection() throws Exception {
        server.answer("/hook", 200, "ok");
        slack("url", server.url("/hook")).send(tricky(""));
        JsonNode body = JSON.readTree(server.take().body());
        assertEquals(
                "*[WARNING]* Loop &lt;in&gt; tool &amp; \"search\" &gt;",
                body.at("/blocks/0/text/text").asText());
    }

    @Test
    void webApiPostsChatPostMessageWithBearerToken() throws Exception {
        server.answer("/api/chat.postMessage", 200, "{\"ok\":true,\"ts\":\"1.2\"}");
        slack("channel", "#alerts", "token", "xoxb-test-token", "api_base_url", server.url("/api/"))
                .send(tricky("line1\nline2"));
        LoopbackHttpServer.Received request = server.take();
        assertEquals("/api/chat.postMessage", request.path());
        assertEquals("Bearer xoxb-test-token", request.header("Authorization"));
        JsonNode body = JSON.readTree(request.body());
        assertEquals(
                JSON.createObjectNode()
                        .put("channel", "#alerts")
                        .put(
                                "text",
                                "*[WARNING]* Loop &lt;in&gt; tool &amp; \"search\" &gt;\nline1\nline2\n"
                                        + "Category: health | Source: vigil.health_monitor"),
                body);
    }

    @Test
    void webApiWithEmptyBodySkipsTheBodyLineAndUsesTheSettingsBaseUrl() throws Exception {
        server.answer("/base/chat.postMessage", 200, "{\"ok\":true}");
        Settings settings = Settings.defaults().with(AssemblySettings.SLACK_API_BASE_URL, server.url("/base"));
        slack(settings, "channel", "C123", "token", "xoxb-1").send(tricky(""));
        assertEquals(
                "*[WARNING]* Loop &lt;in&gt; tool &amp; \"search\" &gt;\nCategory: health | Source: vigil.health_monitor",
                JSON.readTree(server.take().body()).get("text").asText());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "200 | {\"ok\":false,\"error\":\"ratelimited\"} | true | slack delivery failed: ratelimited",
                "200 | {\"ok\":false,\"error\":\"invalid_auth\"} | false | slack delivery failed: invalid_auth",
                "200 | {\"ok\":false} | false | slack delivery failed: unknown_error",
                "200 | <html>proxy</html> | false | slack delivery failed: unreadable_response",
                "429 | {\"ok\":false,\"error\":\"ratelimited\"} | true | slack delivery failed: HTTP 429",
                "500 | oops | true | slack delivery failed: HTTP 500",
                "302 | '' | false | slack delivery failed: HTTP 302",
                "404 | '' | false | slack delivery failed: HTTP 404"
            })
    void webApiFailuresAreClassified(int status, String answer, boolean retryable, String message) {
        server.answer("/api/chat.postMessage", status, answer, Map.of("Location", server.url("/elsewhere")));
        try (LogCapture logs = LogCapture.attach()) {
            NotificationDeliveryException e = assertThrows(NotificationDeliveryException.class, () -> slack(
                            "channel", "C1", "token", "xoxb-1", "api_base_url", server.url("/api"))
                    .send(tricky("")));
            assertEquals(retryable, e.retryable());
            assertEquals(message, e.getMessage());
            assertEquals(1, logs.events("vigil.notification.slack_failed").size());
        }
        assertTrue(server.requests("/elsewhere").isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"429, true", "503, true", "408, true", "403, false", "301, false"})
    void incomingWebhookStatusesAreClassified(int status, boolean retryable) {
        server.answer("/hook", status, "", Map.of("Location", server.url("/elsewhere")));
        NotificationDeliveryException e =
                assertThrows(NotificationDeliveryException.class, () -> slack("url", server.url("/hook"))
                        .send(tricky("")));
        assertEquals(retryable, e.retryable());
        assertTrue(server.requests("/elsewhere").isEmpty());
    }

    @Test
    void tokenEnvIsReadAtSendAndAMissingTokenIsNotRetryable() throws Exception {
        server.answer("/api/chat.postMessage", 200, "{\"ok\":true}");
        NotificationSink sink =
                slack("channel", "C1", "token_env", "VIGIL_TEST_SLACK", "api_base_url", server.url("/api"));
        try (LogCapture logs = LogCapture.attach()) {
            NotificationDeliveryException e =
                    assertThrows(NotificationDeliveryException.class, () -> sink.send(tricky("")));
            assertFalse(e.retryable());
            assertEquals("slack delivery failed: missing_token", e.getMessage());
            var failed = logs.only("vigil.notification.slack_failed");
            assertEquals("missing_token", LogCapture.value(failed, "detail").orElseThrow());
        }
        assertTrue(server.requests().isEmpty(), "nothing is sent without a token");

        environment.put("VIGIL_TEST_SLACK", "  ");
        assertThrows(NotificationDeliveryException.class, () -> sink.send(tricky("")));
        environment.put("VIGIL_TEST_SLACK", "xoxb-from-env");
        sink.send(tricky(""));
        assertEquals("Bearer xoxb-from-env", server.take().header("Authorization"));
    }

    @Test
    void sendBeforeStartIsAnIllegalState() {
        NotificationSink sink = new SlackSinkProvider()
                .create(TestSinks.params("url", server.url("/hook")), TestSinks.context(TestSinks.guardOff()));
        assertEquals(
                "SlackNotificationSink.send called before start()",
                assertThrows(IllegalStateException.class, () -> sink.send(tricky("")))
                        .getMessage());
        sink.close();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | '' | '' | '' | either 'url' (incoming webhook) or 'channel' with 'token' or 'token_env' (Web API) is required",
                "https://hooks.slack.com/x | C1 | t | '' | give either 'url' or 'channel', not both",
                "'' | C1 | '' | '' | both 'channel' and 'token' (or 'token_env') are required",
                "'' | C1 | t | ENV | give either 'token' or 'token_env', not both",
                "'' | '' | t | '' | either 'url' (incoming webhook) or 'channel' with 'token' or 'token_env' (Web API) is required",
                "ftp://hooks.slack.com/x | '' | '' | '' | url scheme must be http or https, got 'ftp'"
            })
    void factoryErrorsUseTheSpecMessages(String url, String channel, String token, String tokenEnv, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SlackSinkProvider()
                .create(
                        TestSinks.params(
                                "url", url, "channel", " " + channel + " ", "token", token, "token_env", tokenEnv),
                        TestSinks.context(TestSinks.guardOff())));
        assertEquals(message, e.getMessage());
    }

    @Test
    void apiBaseUrlIsGuarded() {
        var guarded = TestSinks.context(TestSinks.guardAllowingPinnedHost());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SlackSinkProvider()
                .create(
                        TestSinks.params("channel", "C1", "token", "t", "api_base_url", "http://192.168.1.1/api"),
                        guarded));
        assertEquals("url host '192.168.1.1' is in a blocked range", e.getMessage());
    }

    @Test
    void pinnedAllowListedHostDelivers() throws Exception {
        server.answer("/api/chat.postMessage", 200, "{\"ok\":true}");
        String base = "http://" + TestSinks.PINNED_HOST + ":" + server.port() + "/api";
        NotificationSink sink = new SlackSinkProvider()
                .create(
                        TestSinks.params("channel", "C1", "token", "t", "api_base_url", base),
                        TestSinks.context(TestSinks.guardAllowingPinnedHost()));
        opened.add(sink);
        sink.start();
        sink.send(tricky(""));
        assertEquals(TestSinks.PINNED_HOST + ":" + server.port(), server.take().header("Host"));
    }
}
