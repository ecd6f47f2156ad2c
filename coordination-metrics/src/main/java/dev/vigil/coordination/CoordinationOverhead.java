package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;

/**
 * How many more turns the team needed than the single agent, in percent of the single agent's turns:
 * {@code (turnsMas - turnsSas) / turnsSas * 100}. Negative when the team needed fewer turns.
 *
 * <p>Rejections: {@code turnsMas must be > 0, got <v>}, {@code turnsSas must be > 0, got <v>}, {@code <name> must be
 * finite, got <v>}, and {@code valuePercent must be finite, got <v>} when the percentage overflows.
 *
 * @param turnsMas the team's turns, > 0
 * @param turnsSas the single-agent baseline's turns, > 0
 */
public record CoordinationOverhead(double turnsMas, double turnsSas) {

    public CoordinationOverhead {
        Checks.positive("turnsMas", turnsMas);
        Checks.positive("turnsSas", turnsSas);
        Checks.finite("valuePercent", valuePercentOf(turnsMas, turnsSas));
    }

    /** (turnsMas − turnsSas) / turnsSas × 100, evaluated in that order. */
    public double valuePercent() {
        return valuePercentOf(turnsMas, turnsSas);
    }

    private static double valuePercentOf(double turnsMas, double turnsSas) {
        return (turnsMas - turnsSas) / turnsSas * 100.0;
    }
}
