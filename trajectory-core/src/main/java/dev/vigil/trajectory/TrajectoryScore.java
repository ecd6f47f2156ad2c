package dev.vigil.trajectory;

/**
 * The score of one best-of-K candidate (trajectory.md §2). Higher {@link #jointScore()} is better.
 *
 * @param candidateIndex the candidate's index, {@code >= 0}
 * @param vcScore ln(VC / 100), -100.0 for a VC of 0, 0.0 when no VC was elicited; finite
 * @param lenScore minus the candidate's trace tokens; {@code <= 0}
 * @param consistent whether the candidate agrees with the majority vote (or no majority exists)
 */
public record TrajectoryScore(int candidateIndex, double vcScore, double lenScore, boolean consistent) {

    /** Validates the components. */
    public TrajectoryScore {
        Checks.atLeast("candidateIndex", candidateIndex, 0);
        Checks.finite("vcScore", vcScore);
        Checks.finite("lenScore", lenScore);
        if (lenScore > 0.0) {
            throw new IllegalArgumentException("lenScore must be <= 0.0, got " + lenScore);
        }
    }

    /**
     * The joint score: the VC score alone for a zero-length trace, otherwise {@code vcScore * |lenScore| + lenScore},
     * so a long trace and a low confidence both push the score down. The expression is evaluated exactly as written
     * (it differs in the last bits from the algebraically equal {@code -T * (1 + |vc|)}).
     */
    public double jointScore() {
        if (lenScore == 0.0) {
            return vcScore;
        }
        return vcScore * Math.abs(lenScore) + lenScore;
    }
}
