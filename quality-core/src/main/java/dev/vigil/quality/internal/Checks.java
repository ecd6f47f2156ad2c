package dev.vigil.quality.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Argument checks with the spec's standard messages ({@code <name> must <rule>, got <value>}). Every failure is an
 * {@link IllegalArgumentException}, null included, because the spec treats a missing required value as an invalid
 * argument.
 */
public final class Checks {

    private Checks() {}

    /** A required reference: {@code <name> must not be null}. */
    public static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** NotBlank: non-null and non-empty after {@link String#strip()}; {@code <name> must not be blank}. */
    public static String notBlank(String value, String name) {
        if (value == null || value.strip().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Null, or NotBlank when set. */
    public static String blankOrNull(String value, String name) {
        return value == null ? null : notBlank(value, name);
    }

    /** A finite double: {@code <name> must be finite, got NaN}. */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** A finite double in [0.0, 1.0]: {@code <name> must be in [0.0, 1.0], got 1.5}. */
    public static double unitInterval(double value, String name) {
        finite(value, name);
        if (value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException(name + " must be in [0.0, 1.0], got " + value);
        }
        return value;
    }

    /** A finite double {@code > 0}: {@code <name> must be > 0, got 0.0}. */
    public static double positive(double value, String name) {
        finite(value, name);
        if (!(value > 0.0)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    /** A finite double {@code >= 0}: {@code <name> must be >= 0.0, got -1.0}. */
    public static double nonNegative(double value, String name) {
        finite(value, name);
        if (value < 0.0) {
            throw new IllegalArgumentException(name + " must be >= 0.0, got " + value);
        }
        return value;
    }

    /** A long {@code >= 0}: {@code <name> must be >= 0, got -1}. */
    public static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /** An int {@code >= 0}: {@code <name> must be >= 0, got -1}. */
    public static int nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /**
     * An unmodifiable copy in input order; null means empty. A null element fails with
     * {@code <name> must not contain null}.
     */
    public static <T> List<T> listCopy(List<? extends T> values, String name) {
        if (values == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(values.size());
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(name + " must not contain null");
            }
            copy.add(value);
        }
        return Collections.unmodifiableList(copy);
    }

    /** Like {@link #listCopy}, and every element must be NotBlank: {@code <name>[i] must not be blank}. */
    public static List<String> notBlankListCopy(List<String> values, String name) {
        List<String> copy = listCopy(values, name);
        for (int i = 0; i < copy.size(); i++) {
            notBlank(copy.get(i), name + "[" + i + "]");
        }
        return copy;
    }
}
