package dev.vigil.spi.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read-only view of resolved settings. Feature modules build their config records from it; they never read a bare
 * literal for a tunable. The assembly supplies a view resolved from defaults, YAML, environment, system properties and
 * {@code --set}; library users can start from {@link #defaults()} and override with {@link #with}.
 */
@FunctionalInterface
public interface Settings {

    /** The resolved value of {@code setting}: its default when nobody set it, null when it is unset. */
    <T> T get(Setting<T> setting);

    /** Every setting at its built-in default. */
    static Settings defaults() {
        return Setting::defaultValue;
    }

    /**
     * A view over raw values keyed by setting key; missing keys take the default. Values are converted and validated
     * when read, so a bad value fails with {@code <key> must be <rule>, got <value>}.
     */
    static Settings of(Map<String, ?> rawValues) {
        Map<String, Object> copy = new LinkedHashMap<>(rawValues);
        return new Settings() {
            @Override
            public <T> T get(Setting<T> setting) {
                if (!copy.containsKey(setting.key())) {
                    return setting.defaultValue();
                }
                return setting.convert(copy.get(setting.key()));
            }
        };
    }

    /** This view with one setting overridden; the value is validated now. */
    default <T> Settings with(Setting<T> setting, T value) {
        T checked = value == null ? null : setting.convert(value);
        Settings base = this;
        return new Settings() {
            @Override
            @SuppressWarnings("unchecked")
            public <U> U get(Setting<U> requested) {
                if (requested.key().equals(setting.key())) {
                    return (U) checked;
                }
                return base.get(requested);
            }
        };
    }
}
