package dev.vigil.app.notify;

import dev.vigil.spi.plugin.PluginConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A sink's parameters, trimmed, with blank values treated as unset (health.md §7: "params (trimmed)"). */
final class SinkParams {

    private final Map<String, String> values;

    private SinkParams(Map<String, String> values) {
        this.values = values;
    }

    static SinkParams of(PluginConfig config) {
        Map<String, String> trimmed = new LinkedHashMap<>();
        config.asMap().forEach((key, value) -> {
            String v = value.strip();
            if (!v.isEmpty()) {
                trimmed.put(key.strip(), v);
            }
        });
        return new SinkParams(trimmed);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String required(String key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException(key + " is required"));
    }

    /** Every parameter whose key starts with {@code prefix}, the prefix removed, in key order. */
    Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                found.put(key.substring(prefix.length()), value);
            }
        });
        return found;
    }

    /** A timeout in seconds: the parameter when set, else {@code fallback}; finite and > 0. */
    double timeoutSeconds(String key, double fallback) {
        Optional<String> text = get(key);
        if (text.isEmpty()) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a finite number > 0, got '" + text.get() + "'");
        }
        if (!Double.isFinite(value) || value <= 0.0) {
            throw new IllegalArgumentException(key + " must be a finite number > 0, got '" + text.get() + "'");
        }
        return value;
    }

    /** Keys only: values may be secrets. */
    @Override
    public String toString() {
        return "SinkParams" + values.keySet();
    }
}
