package dev.vigil.spi.model;

/**
 * The turns a step covers, by 1-based turn number, both ends inclusive.
 *
 * @param start &ge; 1
 * @param end &ge; start
 */
public record TurnRange(int start, int end) {

    /** Validates the bounds with the spec's messages. */
    public TurnRange {
        if (start < 1) {
            throw new IllegalArgumentException("turnRange start must be >= 1, got " + start);
        }
        if (end < start) {
            throw new IllegalArgumentException("turnRange end (" + end + ") must be >= start (" + start + ")");
        }
    }
}
