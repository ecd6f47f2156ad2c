package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;

/**
 * How much more often the team's turns fail than the single agent's: {@code errorRateMas / errorRateSas}. 2.0 means
 * the team errs twice as often.
 *
 * <p>Rejections: {@code errorRateMas must be >= 0, got <v>}, {@code errorRateSas must be > 0, got <v>}, {@code <name>
 * must be finite, got <v>}, and {@code value must be finite, got <v>} when the quotient overflows.
 *
 * @param errorRateMas the team's error rate, >= 0 (no upper bound)
 * @param errorRateSas the single-agent baseline's error rate, > 0
 */
public record ErrorAmplification(double errorRateMas, double errorRateSas) {

    public ErrorAmplification {
        Checks.nonNegative("errorRateMas", errorRateMas);
        Checks.positive("errorRateSas", errorRateSas);
        Checks.finite("value", errorRateMas / errorRateSas);
    }

    /** errorRateMas / errorRateSas. */
    public double value() {
        return errorRateMas / errorRateSas;
    }
}
