package dev.vigil.app.notify;

import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.NotificationCategory;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.settings.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared fixtures: notifications, guards and contexts that keep every connection on loopback. */
final class TestSinks {

    /** A made-up host name the test resolver maps to 127.0.0.1; the system resolver does not know it. */
    static final String PINNED_HOST = "hooks.vigil.test";

    static final Instant WHEN = Instant.parse("2026-03-01T12:34:56.789Z");

    private TestSinks() {}

    static Notification notification() {
        return notification(NotificationSeverity.ERROR, "Agent stalled", "Run r-1 made no progress for 300 s");
    }

    static Notification notification(NotificationSeverity severity, String title, String body) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("run_id", "r-1");
        metadata.put("stall_seconds", 300.5);
        metadata.put("tags", List.of("a", "b"));
        metadata.put("none", null);
        return Notification.builder(NotificationCategory.HEALTH, severity, title, "vigil.health_monitor")
                .id("n-1")
                .body(body)
                .timestamp(WHEN)
                .metadata(metadata)
                .build();
    }

    /** A resolver that knows only {@link #PINNED_HOST} (127.0.0.1). */
    static HostResolver loopbackResolver() {
        return host -> {
            if (host.equals(PINNED_HOST)) {
                return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
            }
            throw new UnknownHostException(host);
        };
    }

    /** The guard switched off (§8: local testing against loopback). */
    static OutboundUrlGuard guardOff() {
        return new OutboundUrlGuard(false, List.of(), loopbackResolver());
    }

    /** The guard on, with {@link #PINNED_HOST} allow-listed and resolved to 127.0.0.1 by the test resolver. */
    static OutboundUrlGuard guardAllowingPinnedHost() {
        return new OutboundUrlGuard(true, List.of(PINNED_HOST), loopbackResolver());
    }

    static SinkContext context(OutboundUrlGuard guard) {
        return context(guard, Settings.defaults(), Map.of());
    }

    static SinkContext context(OutboundUrlGuard guard, Settings settings, Map<String, String> environment) {
        return new SinkContext(settings, guard, environment::get, Map.of());
    }

    static PluginConfig params(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return PluginConfig.of(map);
    }

    /** Starts {@code sink}; the caller closes it. */
    static <S extends NotificationSink> S started(S sink) {
        sink.start();
        return sink;
    }
}
