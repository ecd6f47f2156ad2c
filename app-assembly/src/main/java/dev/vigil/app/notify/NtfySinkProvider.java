package dev.vigil.app.notify;

import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.PluginConfig;

/**
 * Provides the {@code ntfy} sink (health.md §7.4). Parameters: {@code server_url} (default
 * {@code notifications.ntfy.default_url}; checked by the URL guard), {@code topic} (required), {@code token}
 * (optional) and {@code timeout_seconds} (default {@code notifications.ntfy.timeout_seconds}).
 */
public final class NtfySinkProvider extends BuiltInSinkProvider {

    /** The no-argument constructor ServiceLoader needs. */
    public NtfySinkProvider() {}

    @Override
    public String type() {
        return NtfyNotificationSink.TYPE;
    }

    @Override
    NotificationSink create(PluginConfig config, SinkContext context) {
        SinkParams params = SinkParams.of(config);
        String server = params.get("server_url").orElseGet(() -> {
            String fallback = context.settings().get(AssemblySettings.NTFY_DEFAULT_URL);
            return fallback == null ? "" : fallback.strip();
        });
        if (server.isEmpty()) {
            throw new IllegalArgumentException("server_url is required (notifications.ntfy.default_url is empty)");
        }
        GuardedUrl url = context.guard().check(server);
        String topic = params.required("topic");
        double timeout =
                params.timeoutSeconds("timeout_seconds", context.settings().get(AssemblySettings.NTFY_TIMEOUT_SECONDS));
        return new NtfyNotificationSink(context.guard(), url, topic, params.get("token"), timeout);
    }
}
