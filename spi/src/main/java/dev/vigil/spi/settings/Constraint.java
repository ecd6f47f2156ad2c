package dev.vigil.spi.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A range or validation rule on a setting value. {@code rule} completes the sentence
 * {@code <key> must be <rule>, got <value>}.
 *
 * @param rule human-readable rule, e.g. {@code in [0.0, 1.0]}
 * @param test true when the value is acceptable
 * @param <T> the value type
 */
public record Constraint<T>(String rule, Predicate<? super T> test) {

    public Constraint {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(test, "test");
    }

    /** No restriction beyond the type. */
    public static <T> Constraint<T> any() {
        return new Constraint<>("any value", value -> true);
    }

    /** Closed interval {@code [min, max]}. */
    public static Constraint<Double> between(double min, double max) {
        return new Constraint<>("in [" + min + ", " + max + "]", v -> v >= min && v <= max);
    }

    /** Half-open interval {@code (min, max]}. */
    public static Constraint<Double> aboveAtMost(double min, double max) {
        return new Constraint<>("in (" + min + ", " + max + "]", v -> v > min && v <= max);
    }

    /** Strictly greater than {@code min}. */
    public static Constraint<Double> greaterThan(double min) {
        return new Constraint<>("> " + min, v -> v > min);
    }

    /** At least {@code min}. */
    public static Constraint<Double> atLeast(double min) {
        return new Constraint<>(">= " + min, v -> v >= min);
    }

    /** Integer closed interval {@code [min, max]}. */
    public static Constraint<Integer> intBetween(int min, int max) {
        return new Constraint<>("in [" + min + ", " + max + "]", v -> v >= min && v <= max);
    }

    /** Integer at least {@code min}. */
    public static Constraint<Integer> intAtLeast(int min) {
        return new Constraint<>(">= " + min, v -> v >= min);
    }

    /** A list whose elements are pairwise distinct. */
    public static <E> Constraint<List<E>> unique() {
        return new Constraint<>("a list of unique values", v -> new HashSet<>(v).size() == v.size());
    }
}
