package dev.vigil.app.settings;

import dev.vigil.spi.plugin.PluginConfig;
import java.util.Objects;

/**
 * One entry of {@code notifications.sinks}: the sink type and its parameters.
 *
 * @param type the sink type, e.g. {@code console} or {@code webhook}
 * @param params the remaining keys of the entry, as strings
 */
public record SinkSpec(String type, PluginConfig params) {

    public SinkSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(params, "params");
    }

    /** Type and parameter keys only: parameter values may be secrets. */
    @Override
    public String toString() {
        return "SinkSpec[type=" + type + ", params=" + params.asMap().keySet() + "]";
    }
}
