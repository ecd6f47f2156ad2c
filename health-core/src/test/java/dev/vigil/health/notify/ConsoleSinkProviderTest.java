package dev.vigil.health.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.CapturingLogs;
import dev.vigil.health.Fixtures;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.NotificationCategory;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.NotificationSinkProvider;
import dev.vigil.spi.plugin.PluginConfig;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The console sink (health.md §7.1) and its registration for ServiceLoader. */
class ConsoleSinkProviderTest {

    @Test
    void consoleSinkLogsOneStructuredLine() {
        NotificationSink sink = new ConsoleSinkProvider().create(PluginConfig.empty());
        Notification n = Notification.builder(
                        NotificationCategory.HEALTH,
                        NotificationSeverity.ERROR,
                        "Health alert: stagnation (high)",
                        "vigil.health_monitor")
                .timestamp(Fixtures.T0)
                .build();
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            sink.start();
            sink.send(n);
            sink.close();
            sink.close();

            assertEquals(
                    Map.of(
                            "notification_id", n.id(),
                            "category", "health",
                            "severity", "error",
                            "title", "Health alert: stagnation (high)",
                            "source", "vigil.health_monitor"),
                    logs.named("vigil.notification.console_delivered").get(0).fields());
        }
        assertEquals("console", sink.name());
    }

    @Test
    void serviceLoaderFindsTheConsoleProvider() {
        List<String> types = new ArrayList<>();
        ConsoleSinkProviderTest.class.getModule().addUses(NotificationSinkProvider.class);
        for (NotificationSinkProvider provider : ServiceLoader.load(NotificationSinkProvider.class)) {
            types.add(provider.type());
        }
        assertTrue(types.contains("console"), "found " + types);
    }

    @Test
    void registeredInModuleInfoAndInMetaInfServices() throws IOException {
        ModuleDescriptor descriptor = ConsoleSinkProvider.class.getModule().getDescriptor();
        if (descriptor != null) {
            assertTrue(descriptor.provides().stream()
                    .anyMatch(p -> p.service().equals(NotificationSinkProvider.class.getName())
                            && p.providers().contains(ConsoleSinkProvider.class.getName())));
        }
        String path = "/META-INF/services/" + NotificationSinkProvider.class.getName();
        try (InputStream in = ConsoleSinkProvider.class.getResourceAsStream(path)) {
            assertTrue(in != null, path + " is on the runtime path");
            assertEquals(
                    ConsoleSinkProvider.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }
}
