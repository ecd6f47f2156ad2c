package dev.vigil.coordination.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Argument checks with the spec's message formats ({@code <name> must <rule>, got <value>}), shared by the module's
 * records so that every message is spelled in one place.
 */
public final class Checks {

    private Checks() {}

    /** Rejects NaN and the infinities: {@code <name> must be finite, got NaN}. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** A finite value strictly above zero: {@code <name> must be > 0, got 0.0}. */
    public static double positive(String name, double value) {
        finite(name, value);
        if (!(value > 0.0)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    /** A finite value at or above zero: {@code <name> must be >= 0, got -1.0}. */
    public static double nonNegative(String name, double value) {
        finite(name, value);
        if (value < 0.0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /** A finite value in [0.0, 1.0]: {@code <name> must be in [0.0, 1.0], got 1.5}. */
    public static double unitInterval(String name, double value) {
        finite(name, value);
        if (value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException(name + " must be in [0.0, 1.0], got " + value);
        }
        return value;
    }

    /** An int strictly above zero: {@code <name> must be > 0, got 0}. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    /** An int at or above zero: {@code <name> must be >= 0, got -1}. */
    public static int nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /** NotBlank: non-null and non-empty after {@link String#strip()}: {@code <name> must not be blank}. */
    public static String notBlank(String name, String value) {
        if (value == null || value.strip().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** A required reference: {@code <name> must not be null}. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * An unmodifiable copy that keeps insertion order; a null list is {@code <name> must not be null}, a null element
     * {@code <name> must not contain null}.
     */
    public static <T> List<T> copyList(String name, List<? extends T> values) {
        notNull(name, values);
        List<T> copy = new ArrayList<>(values.size());
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(name + " must not contain null");
            }
            copy.add(value);
        }
        return Collections.unmodifiableList(copy);
    }
}
