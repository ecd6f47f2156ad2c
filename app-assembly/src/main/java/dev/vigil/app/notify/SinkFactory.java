package dev.vigil.app.notify;

import dev.vigil.app.settings.SinkSpec;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.NotificationSinkProvider;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the sinks of {@code notifications.sinks} (health.md §9): disabled entries, unknown types and invalid
 * parameters are logged and skipped; when nothing survives, a console sink is added.
 */
public final class SinkFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SinkFactory.class);
    private static final String CONSOLE = "console";

    /** Creates the sinks, in the order the entries are listed. */
    public List<NotificationSink> create(
            List<SinkSpec> specs, List<NotificationSinkProvider> providers, Settings settings) {
        List<NotificationSink> sinks = new ArrayList<>();
        for (SinkSpec spec : specs) {
            if (spec.params()
                    .get("enabled")
                    .map(v -> v.strip().equalsIgnoreCase("false"))
                    .orElse(false)) {
                LOG.atInfo()
                        .setMessage("vigil.notification.sink_disabled")
                        .addKeyValue("type", spec.type())
                        .log();
                continue;
            }
            NotificationSinkProvider provider = providers.stream()
                    .filter(p -> p.type().equals(spec.type()))
                    .findFirst()
                    .orElse(null);
            if (provider == null) {
                LOG.atWarn()
                        .setMessage("vigil.notification.sink_unknown_type")
                        .addKeyValue("type", spec.type())
                        .addKeyValue(
                                "known",
                                providers.stream()
                                        .map(NotificationSinkProvider::type)
                                        .collect(Collectors.joining(",")))
                        .log();
                continue;
            }
            Map<String, String> params = new java.util.TreeMap<>(spec.params().asMap());
            params.remove("enabled");
            try {
                sinks.add(provider.create(PluginConfig.of(params)));
            } catch (IllegalArgumentException e) {
                LOG.atWarn()
                        .setMessage("vigil.notification.sink_config_invalid")
                        .addKeyValue("type", spec.type())
                        .addKeyValue("reason", e.getMessage())
                        .log();
            }
        }
        if (sinks.isEmpty()) {
            LOG.atWarn().setMessage("vigil.notification.sink_default_fallback").log();
            providers.stream()
                    .filter(p -> p.type().equals(CONSOLE))
                    .findFirst()
                    .ifPresent(console -> sinks.add(console.create(PluginConfig.empty())));
        }
        return List.copyOf(sinks);
    }
}
