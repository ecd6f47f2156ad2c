package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;

/**
 * How much success the team buys per unit of extra turns: {@code successRate / (turnsMas / turnsSas)}. A team that
 * needs twice the single agent's turns for the same success rate has efficiency 0.5.
 *
 * <p>Rejections: {@code successRate must be in [0.0, 1.0], got <v>}, {@code turnsMas must be > 0, got <v>},
 * {@code turnsSas must be > 0, got <v>}, {@code <name> must be finite, got <v>}, and {@code value must be finite, got
 * <v>} when the quotient under- or overflows (only for extreme inputs such as 1e-300 turns).
 *
 * @param successRate the team's success rate, in [0, 1]
 * @param turnsMas the team's (multi-agent system's) turns, > 0
 * @param turnsSas the single-agent baseline's turns, > 0
 */
public record CoordinationEfficiency(double successRate, double turnsMas, double turnsSas) {

    public CoordinationEfficiency {
        Checks.unitInterval("successRate", successRate);
        Checks.positive("turnsMas", turnsMas);
        Checks.positive("turnsSas", turnsSas);
        Checks.finite("value", valueOf(successRate, turnsMas, turnsSas));
    }

    /** successRate / (turnsMas / turnsSas), evaluated in that order. */
    public double value() {
        return valueOf(successRate, turnsMas, turnsSas);
    }

    private static double valueOf(double successRate, double turnsMas, double turnsSas) {
        return successRate / (turnsMas / turnsSas);
    }
}
