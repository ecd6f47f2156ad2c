package dev.vigil.routing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Argument checks with the spec's messages ({@code <name> must <rule>, got <value>}), shared by the records of this
 * module. Not exported.
 */
public final class Checks {

    private Checks() {}

    /** Rejects null and strings that are empty after {@link String#strip()}: {@code <name> must not be blank}. */
    public static String notBlank(String value, String name) {
        if (value == null || value.strip().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Rejects null: {@code <name> must not be null}. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** Rejects NaN and infinities: {@code <name> must be finite, got NaN}. */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** Finite and within the closed interval: {@code <name> must be in [min, max], got v}. */
    public static double inRange(double value, double min, double max, String name) {
        finite(value, name);
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be in [" + min + ", " + max + "], got " + Double.toString(value));
        }
        return value;
    }

    /** Finite and at least zero: {@code <name> must be >= 0.0, got v}. */
    public static double nonNegative(double value, String name) {
        finite(value, name);
        if (value < 0.0) {
            throw new IllegalArgumentException(name + " must be >= 0.0, got " + value);
        }
        return value;
    }

    /**
     * An unmodifiable copy that keeps order; null becomes the empty list and a null element is rejected with
     * {@code <name> must not contain null}.
     */
    public static <T> List<T> copyList(List<T> values, String name) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(name + " must not contain null");
            }
        }
        return List.copyOf(values); // keeps order; nulls were rejected above with the spec's message
    }

    /** An unmodifiable, insertion-ordered shallow copy that keeps null values (JSON null is legal); null gives null. */
    public static Map<String, Object> copyJsonMap(Map<String, Object> values) {
        if (values == null) {
            return null;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The values that occur more than once, sorted; empty when all are distinct. */
    public static List<String> sortedDuplicates(List<String> values) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new TreeSet<>();
        for (String value : values) {
            if (!seen.add(value)) {
                duplicates.add(value);
            }
        }
        return new ArrayList<>(duplicates);
    }
}
