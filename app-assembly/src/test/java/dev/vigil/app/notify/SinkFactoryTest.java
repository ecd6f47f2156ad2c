package dev.vigil.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.app.settings.SinkSpec;
import dev.vigil.health.notify.ConsoleSink;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.NotificationSinkProvider;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The sink factory of health.md §9. */
class SinkFactoryTest {

    private static final List<NotificationSinkProvider> BUILT_INS = SinkFactory.builtInProviders();

    private static SinkSpec spec(String type, String... params) {
        return new SinkSpec(type, TestSinks.params(params));
    }

    /** A third-party provider that records what it was given. */
    private record RecordingProvider(String type, Function<PluginConfig, NotificationSink> behaviour)
            implements NotificationSinkProvider {
        @Override
        public NotificationSink create(PluginConfig params) {
            return behaviour.apply(params);
        }
    }

    private static NotificationSink named(String name) {
        return new NotificationSink() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {}

            @Override
            public void send(Notification notification) {}

            @Override
            public void close() {}
        };
    }

    @Test
    void theDefaultSettingGivesOneConsoleSink() {
        List<NotificationSink> sinks = new SinkFactory()
                .create(Settings.defaults().get(AssemblySettings.NOTIFICATION_SINKS), BUILT_INS, Settings.defaults());
        assertEquals(1, sinks.size());
        assertInstanceOf(ConsoleSink.class, sinks.get(0));
    }

    @Test
    void entriesAreCreatedInOrderAndEachBuiltInTypeIsKnown() {
        List<NotificationSink> sinks = new SinkFactory()
                .create(
                        List.of(
                                spec(
                                        "email",
                                        "host",
                                        "smtp.example.com",
                                        "from_addr",
                                        "a@example.com",
                                        "to_addrs",
                                        "b@example.com"),
                                spec("webhook", "url", "https://hooks.example.com/x"),
                                spec("console"),
                                spec("ntfy", "server_url", "https://ntfy.sh", "topic", "t"),
                                spec("slack", "url", "https://hooks.slack.com/services/T/B/X")),
                        BUILT_INS,
                        Settings.defaults());
        assertEquals(
                List.of("email", "webhook", "console", "ntfy", "slack"),
                sinks.stream().map(NotificationSink::name).toList());
    }

    @Test
    void disabledEntriesAreSkippedWithAnInfo() {
        try (LogCapture logs = LogCapture.attach()) {
            List<NotificationSink> sinks = new SinkFactory()
                    .create(
                            List.of(
                                    spec("webhook", "enabled", " FALSE ", "url", "https://hooks.example.com/x"),
                                    spec("console", "enabled", "true")),
                            BUILT_INS,
                            Settings.defaults());
            assertEquals(
                    List.of("console"),
                    sinks.stream().map(NotificationSink::name).toList());
            var disabled = logs.only("vigil.notification.sink_disabled");
            assertEquals(Level.INFO, disabled.getLevel());
            assertEquals("webhook", LogCapture.value(disabled, "type").orElseThrow());
        }
    }

    @Test
    void unknownTypesAreSkippedNamingTheKnownOnes() {
        try (LogCapture logs = LogCapture.attach()) {
            new SinkFactory().create(List.of(spec("pagerduty"), spec("console")), BUILT_INS, Settings.defaults());
            var unknown = logs.only("vigil.notification.sink_unknown_type");
            assertEquals(Level.WARN, unknown.getLevel());
            assertEquals("pagerduty", LogCapture.value(unknown, "type").orElseThrow());
            assertEquals(
                    List.of("console", "email", "ntfy", "slack", "webhook"),
                    LogCapture.value(unknown, "known").orElseThrow());
        }
    }

    @Test
    void invalidEntriesAreSkippedWithTheReasonAndNothingLeftFallsBackToConsole() {
        try (LogCapture logs = LogCapture.attach()) {
            List<NotificationSink> sinks = new SinkFactory()
                    .create(
                            List.of(
                                    spec("webhook"),
                                    spec("webhook", "url", "http://127.0.0.1:8080/x"),
                                    spec("console", "enabled", "maybe"),
                                    spec("slack", "channel", "C1")),
                            BUILT_INS,
                            Settings.defaults());
            assertEquals(1, sinks.size());
            assertInstanceOf(ConsoleSink.class, sinks.get(0));
            assertEquals(
                    List.of(
                            "webhook: url is required",
                            "webhook: url host '127.0.0.1' is not allowed",
                            "console: enabled must be 'true' or 'false', got 'maybe'",
                            "slack: both 'channel' and 'token' (or 'token_env') are required"),
                    logs.events("vigil.notification.sink_config_invalid").stream()
                            .map(e -> LogCapture.value(e, "type").orElseThrow() + ": "
                                    + LogCapture.value(e, "reason").orElseThrow())
                            .toList());
            var fallback = logs.only("vigil.notification.sink_default_fallback");
            assertEquals(Level.WARN, fallback.getLevel());
        }
    }

    @Test
    void anEmptyListAlsoFallsBackToConsole() {
        List<NotificationSink> sinks = new SinkFactory().create(List.of(), List.of(), Settings.defaults());
        assertInstanceOf(ConsoleSink.class, sinks.get(0));
    }

    @Test
    void thirdPartyProvidersGetTheirParamsWithoutEnabled() {
        AtomicReference<PluginConfig> seen = new AtomicReference<>();
        NotificationSink made = named("teams");
        RecordingProvider teams = new RecordingProvider("teams", params -> {
            seen.set(params);
            return made;
        });
        RecordingProvider shadow = new RecordingProvider("teams", params -> {
            throw new AssertionError("the first provider of a type wins");
        });
        List<NotificationSink> sinks = new SinkFactory()
                .create(
                        List.of(spec("teams", "enabled", "true", "url", "https://teams.example.com/x")),
                        List.of(teams, shadow),
                        Settings.defaults());
        assertSame(made, sinks.get(0));
        assertEquals(Map.of("url", "https://teams.example.com/x"), seen.get().asMap());
    }

    @Test
    void aBrokenThirdPartyProviderIsSkippedWithoutItsMessage() {
        RecordingProvider throwing = new RecordingProvider("broken", params -> {
            throw new IllegalStateException("token=SECRET123 leaked in a message");
        });
        RecordingProvider nothing = new RecordingProvider("empty", params -> null);
        try (LogCapture logs = LogCapture.attach()) {
            List<NotificationSink> sinks = new SinkFactory()
                    .create(List.of(spec("broken"), spec("empty")), List.of(throwing, nothing), Settings.defaults());
            assertInstanceOf(ConsoleSink.class, sinks.get(0));
            List<Object> reasons = logs.events("vigil.notification.sink_config_invalid").stream()
                    .map(e -> LogCapture.value(e, "reason").orElseThrow())
                    .toList();
            assertEquals(
                    List.of("provider failed: java.lang.IllegalStateException", "provider returned no sink"), reasons);
        }
    }

    @Test
    void builtInsReceiveTheResolvedSettings() {
        List<SinkSpec> specs = List.of(spec("webhook", "url", "http://127.0.0.1:9/x"));
        // Guard on (default): loopback is refused at creation.
        assertInstanceOf(
                ConsoleSink.class,
                new SinkFactory().create(specs, BUILT_INS, Settings.defaults()).get(0));
        // Guard off through the settings: accepted.
        Settings off = Settings.defaults().with(AssemblySettings.URL_VALIDATION_ENABLED, false);
        assertInstanceOf(
                WebhookNotificationSink.class,
                new SinkFactory().create(specs, BUILT_INS, off).get(0));
    }

    @Test
    void builtInsCreatedDirectlyUseTheDefaults() {
        // What a ServiceLoader-created provider does on its own: guard on.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WebhookSinkProvider()
                .create(TestSinks.params("url", "http://10.0.0.1/x")));
        assertEquals("url host '10.0.0.1' is in a blocked range", e.getMessage());
    }

    @Test
    void serviceLoaderFindsTheBuiltInProviders() {
        List<String> types = new ArrayList<>();
        ServiceLoader.load(NotificationSinkProvider.class).forEach(p -> types.add(p.type()));
        assertTrue(types.containsAll(List.of("console", "webhook", "slack", "ntfy", "email")), types.toString());
    }

    @Test
    void endToEndThroughTheAllowListAndPinnedDns() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
            server.answer("/hook", 200, "");
            Settings settings = Settings.defaults()
                    .with(AssemblySettings.HOSTNAME_ALLOWLIST, TestSinks.PINNED_HOST)
                    .with(AssemblySettings.WEBHOOK_TIMEOUT_SECONDS, 2.0);
            SinkFactory factory = new SinkFactory(TestSinks.loopbackResolver(), name -> null, Map.of());
            List<NotificationSink> sinks = factory.create(
                    List.of(spec("webhook", "url", "http://" + TestSinks.PINNED_HOST + ":" + server.port() + "/hook")),
                    BUILT_INS,
                    settings);
            NotificationSink sink = sinks.get(0);
            sink.start();
            try {
                sink.send(TestSinks.notification());
            } finally {
                sink.close();
            }
            assertEquals(
                    TestSinks.PINNED_HOST + ":" + server.port(), server.take().header("Host"));
        }
    }
}
