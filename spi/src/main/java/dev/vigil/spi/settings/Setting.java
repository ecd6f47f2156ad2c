package dev.vigil.spi.settings;

import dev.vigil.spi.model.WireEnum;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one declaration of a tunable: key, type, default, range, reload mode and a one-line rationale. Each feature
 * module declares its settings next to the code that reads them; the assembly resolves values from its sources and
 * hands the feature a {@link Settings} view.
 *
 * @param key dotted lower-case key, e.g. {@code engine.classifier.fallback_confidence}
 * @param type value type
 * @param defaultValue the built-in default, or null when the setting is unset by default
 * @param constraint range or validation rule, checked on every resolved value and on the default
 * @param reload when a change takes effect
 * @param rationale one line saying why the default is what it is
 * @param <T> the value type
 */
public record Setting<T>(
        String key,
        SettingType<T> type,
        T defaultValue,
        Constraint<? super T> constraint,
        Reload reload,
        String rationale) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    public Setting {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key must be dotted lower-case words, got '" + key + "'");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(reload, "reload");
        if (rationale == null || rationale.isBlank()) {
            throw new IllegalArgumentException("rationale must not be blank");
        }
        if (defaultValue != null && !constraint.test().test(defaultValue)) {
            throw new IllegalArgumentException(
                    key + " default must be " + constraint.rule() + ", got " + type.render(defaultValue));
        }
    }

    /**
     * Converts and validates a raw value for this setting.
     *
     * @throws IllegalArgumentException {@code <key> must be <rule>, got <value>}
     */
    public T convert(Object raw) {
        if (raw == null) {
            return null;
        }
        T value;
        try {
            value = type.convert(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be " + e.getMessage() + ", got " + renderRaw(raw), e);
        }
        if (!constraint.test().test(value)) {
            throw new IllegalArgumentException(key + " must be " + constraint.rule() + ", got " + type.render(value));
        }
        return value;
    }

    /** The default as documentation shows it ({@code unset} when there is none). */
    public String renderedDefault() {
        return type.render(defaultValue);
    }

    private static String renderRaw(Object raw) {
        return raw instanceof CharSequence ? "'" + raw + "'" : String.valueOf(raw);
    }

    // Factories, one per type, so that declarations read as one line of facts.

    public static Setting<Boolean> ofBool(String key, boolean defaultValue, Reload reload, String rationale) {
        return new Setting<>(key, SettingType.BOOL, defaultValue, Constraint.any(), reload, rationale);
    }

    public static Setting<Integer> ofInt(
            String key, int defaultValue, Constraint<Integer> constraint, Reload reload, String rationale) {
        return new Setting<>(key, SettingType.INT, defaultValue, constraint, reload, rationale);
    }

    public static Setting<Double> ofDouble(
            String key, Double defaultValue, Constraint<Double> constraint, Reload reload, String rationale) {
        return new Setting<>(key, SettingType.DOUBLE, defaultValue, constraint, reload, rationale);
    }

    public static Setting<String> ofString(String key, String defaultValue, Reload reload, String rationale) {
        return new Setting<>(key, SettingType.STRING, defaultValue, Constraint.any(), reload, rationale);
    }

    public static <E extends Enum<E> & WireEnum> Setting<E> ofEnum(
            String key, Class<E> type, E defaultValue, Reload reload, String rationale) {
        return new Setting<>(key, SettingType.enumType(type), defaultValue, Constraint.any(), reload, rationale);
    }

    public static <E extends Enum<E> & WireEnum> Setting<List<E>> ofEnumList(
            String key, Class<E> type, List<E> defaultValue, Reload reload, String rationale) {
        return new Setting<>(
                key,
                SettingType.listOf(SettingType.enumType(type)),
                List.copyOf(defaultValue),
                Constraint.unique(),
                reload,
                rationale);
    }
}
