package dev.vigil.spi.plugin;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A read-only string map handed to a provider's {@code create}. For a sink it holds that sink's parameters; for a
 * classifier or triage rule it holds the settings under {@code plugins.<name>.} with the prefix stripped. Typed getters
 * fail with {@link PluginConfigException} naming the key and the bad value.
 */
public final class PluginConfig {

    private static final PluginConfig EMPTY = new PluginConfig(Map.of());

    private final Map<String, String> values;

    private PluginConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** A config over {@code values}; keys and values must not be null. */
    public static PluginConfig of(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        values.forEach((key, value) -> {
            Objects.requireNonNull(key, "values must not contain a null key");
            Objects.requireNonNull(value, () -> "values must not contain a null value for '" + key + "'");
        });
        return new PluginConfig(values);
    }

    /** A config with no entries. */
    public static PluginConfig empty() {
        return EMPTY;
    }

    /** The value of {@code key}, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Every entry, unmodifiable and sorted by key (e.g. for the webhook's {@code header.<Name>} parameters). */
    public Map<String, String> asMap() {
        return values;
    }

    /** The value of {@code key}, or {@code defaultValue} when unset. */
    public String getString(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** The value of {@code key} as a finite double, or {@code defaultValue} when unset. */
    public double getDouble(String key, double defaultValue) {
        Optional<String> text = get(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(text.get().strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the key and the value
        }
        throw new PluginConfigException(key + " must be a finite number, got '" + text.get() + "'");
    }

    /** The value of {@code key} as an int, or {@code defaultValue} when unset. */
    public int getInt(String key, int defaultValue) {
        Optional<String> text = get(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(text.get().strip());
        } catch (NumberFormatException e) {
            throw new PluginConfigException(key + " must be an integer, got '" + text.get() + "'", e);
        }
    }

    /** The value of {@code key} as {@code true}/{@code false} (case-insensitive), or {@code defaultValue}. */
    public boolean getBoolean(String key, boolean defaultValue) {
        Optional<String> text = get(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        String value = text.get().strip();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new PluginConfigException(key + " must be 'true' or 'false', got '" + text.get() + "'");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginConfig config && config.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Keys only: values may be secrets. */
    @Override
    public String toString() {
        return "PluginConfig" + values.keySet();
    }
}
