package dev.vigil.health.internal;

/**
 * Argument checks with the spec's message format: {@code <name> must <rule>, got <value>} (README "Invalid
 * arguments"); doubles are rendered with {@link Double#toString}.
 */
public final class Validation {

    private Validation() {}

    /** Rejects NaN and the infinities: {@code <name> must be finite, got NaN}. */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** {@code <name> must be in [0.0, 1.0], got <v>}. */
    public static double inUnitInterval(double value, String name) {
        finite(value, name);
        if (value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException(name + " must be in [0.0, 1.0], got " + value);
        }
        return value;
    }

    /** {@code <name> must be >= <min>, got <v>} for a finite double. */
    public static double atLeast(double value, double min, String name) {
        finite(value, name);
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** {@code <name> must be > <min>, got <v>} for a finite double. */
    public static double greaterThan(double value, double min, String name) {
        finite(value, name);
        if (value <= min) {
            throw new IllegalArgumentException(name + " must be > " + min + ", got " + value);
        }
        return value;
    }

    /** {@code <name> must be >= <min>, got <v>}. */
    public static int intAtLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** {@code <name> must be in [<min>, <max>], got <v>}. */
    public static int intInRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** {@code <name> must not be blank}. */
    public static String notBlank(String value, String name) {
        if (value == null || value.strip().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
