package dev.vigil.app.notify;

import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.NotificationSinkProvider;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.settings.Settings;
import java.util.Objects;

/**
 * Base of the assembly's network sink providers. {@link java.util.ServiceLoader} creates them with no arguments, so
 * {@link #create(PluginConfig)} alone sees only the built-in defaults; {@link SinkFactory} calls
 * {@link #create(PluginConfig, SinkContext)} with the resolved settings and the configured URL guard.
 */
abstract class BuiltInSinkProvider implements NotificationSinkProvider {

    /** Creates the sink with every setting at its default (URL guard on, default timeouts). */
    @Override
    public final NotificationSink create(PluginConfig params) {
        Objects.requireNonNull(params, "params");
        return create(params, SinkContext.of(Settings.defaults()));
    }

    /**
     * Creates the sink from its parameters and the assembly's context.
     *
     * @throws IllegalArgumentException on an invalid configuration, with a message free of secrets
     */
    abstract NotificationSink create(PluginConfig params, SinkContext context);
}
