package dev.vigil.spi.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The argument checks shared by the records of this package. Every failure is an {@link IllegalArgumentException} with
 * the spec's standard message {@code <name> must <rule>, got <value>}: strings in single quotes, doubles via
 * {@link Double#toString(double)}, wire enums by wire name.
 */
final class Checks {

    private Checks() {}

    /** The exception {@code <name> must <rule>, got <rendered value>}, for the caller to throw. */
    static IllegalArgumentException fail(String name, String rule, Object value) {
        return new IllegalArgumentException(name + " must " + rule + ", got " + render(value));
    }

    /** Renders a value for a message: strings quoted, doubles via {@code Double.toString}, wire enums by wire name. */
    static String render(Object value) {
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        if (value instanceof Double number) {
            return Double.toString(number);
        }
        if (value instanceof WireEnum wire) {
            return wire.wireName();
        }
        return String.valueOf(value);
    }

    /** {@code value} itself; {@code <name> must not be null} when it is null. */
    static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** {@code value} itself; {@code <name> must not be blank} when it is null or blank after strip. */
    static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** {@code value} itself; {@code <name> must be finite, got NaN} for NaN and ±Infinity. */
    static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw fail(name, "be finite", value);
        }
        return value;
    }

    /** A finite {@code value} ≥ {@code min}; the rule reads {@code >= <minText>} exactly as the spec writes it. */
    static double atLeast(double value, double min, String minText, String name) {
        finite(value, name);
        if (!(value >= min)) {
            throw fail(name, "be >= " + minText, value);
        }
        return value;
    }

    /** A finite {@code value} in [{@code min}, {@code max}], both rendered via {@code Double.toString}. */
    static double inRange(double value, double min, double max, String name) {
        finite(value, name);
        if (!(value >= min && value <= max)) {
            throw fail(name, "be in [" + min + ", " + max + "]", value);
        }
        return value;
    }

    /** {@code value} ≥ {@code min}: {@code <name> must be >= <min>, got <value>}. */
    static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw fail(name, "be >= " + min, value);
        }
        return value;
    }

    /** {@code value} ≥ {@code min}: {@code <name> must be >= <min>, got <value>}. */
    static long atLeast(long value, long min, String name) {
        if (value < min) {
            throw fail(name, "be >= " + min, value);
        }
        return value;
    }

    /** {@code value} > 0: {@code <name> must be > 0, got <value>}. */
    static int positive(int value, String name) {
        if (value <= 0) {
            throw fail(name, "be > 0", value);
        }
        return value;
    }

    /** When both are set, {@code endedAt} must not be before {@code startedAt}. */
    static void ordered(Instant startedAt, Instant endedAt) {
        if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException(
                    "endedAt must not be before startedAt, got " + endedAt + " < " + startedAt);
        }
    }

    /** An unmodifiable copy in iteration order; null gives an empty list; null elements fail with the spec message. */
    static <T> List<T> copyList(Collection<? extends T> values, String name) {
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

    /** An unmodifiable copy in ordinal order; null gives an empty set; null elements fail with the spec message. */
    static <E extends Enum<E>> Set<E> copyEnumSet(Collection<? extends E> values, Class<E> type, String name) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        if (values != null) {
            for (E value : values) {
                if (value == null) {
                    throw new IllegalArgumentException(name + " must not contain null");
                }
                copy.add(value);
            }
        }
        return Collections.unmodifiableSet(copy);
    }

    /** Fails with {@code turns must have strictly increasing turnNumber, got <n> after <m>} on a violation. */
    static void strictlyIncreasing(List<Turn> turns) {
        for (int i = 1; i < turns.size(); i++) {
            int previous = turns.get(i - 1).turnNumber();
            int current = turns.get(i).turnNumber();
            if (current <= previous) {
                throw new IllegalArgumentException(
                        "turns must have strictly increasing turnNumber, got " + current + " after " + previous);
            }
        }
    }

    /** The time from {@code from} to {@code to} as nanoseconds / 1e9 (never truncated to whole seconds). */
    static double secondsBetween(Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        try {
            return duration.toNanos() / 1e9;
        } catch (ArithmeticException overflow) {
            // beyond ±292 years the nanosecond count overflows a long; whole seconds plus the fraction instead
            return duration.getSeconds() + duration.getNano() / 1e9;
        }
    }
}
