package dev.vigil.health.notify;

import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.NotificationSinkProvider;
import dev.vigil.spi.plugin.PluginConfig;
import java.util.Objects;

/**
 * Provides the {@code console} sink; registered for {@link java.util.ServiceLoader} both in {@code module-info}
 * ({@code provides}) and in {@code META-INF/services}. It takes no parameters and ignores any it is given.
 */
public final class ConsoleSinkProvider implements NotificationSinkProvider {

    /** The no-argument constructor ServiceLoader needs. */
    public ConsoleSinkProvider() {}

    @Override
    public String type() {
        return ConsoleSink.TYPE;
    }

    @Override
    public NotificationSink create(PluginConfig params) {
        Objects.requireNonNull(params, "params");
        return new ConsoleSink();
    }
}
