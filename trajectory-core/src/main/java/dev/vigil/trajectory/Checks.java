package dev.vigil.trajectory;

/** Argument checks with the spec's message format {@code <name> must <rule>, got <value>}. */
final class Checks {

    private Checks() {}

    static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    static double inUnitInterval(String name, double value) {
        finite(name, value);
        if (value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException(name + " must be in [0.0, 1.0], got " + value);
        }
        return value;
    }

    static double between(String name, double value, double min, double max) {
        finite(name, value);
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    static double positive(String name, double value) {
        finite(name, value);
        if (value <= 0.0) {
            throw new IllegalArgumentException(name + " must be > 0.0, got " + value);
        }
        return value;
    }

    static double nonNegative(String name, double value) {
        finite(name, value);
        if (value < 0.0) {
            throw new IllegalArgumentException(name + " must be >= 0.0, got " + value);
        }
        return value;
    }

    static long atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    static String notBlank(String name, String value) {
        if (value == null || value.strip().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
