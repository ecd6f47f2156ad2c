package dev.vigil.trajectory;

/**
 * The score of one best-of-K candidate (trajectory.md §2). Higher {@link #jointScore()} is better.
 *
 * @param candidateIndex the candidate's index, {@code >= 0}
 * @param vcScore ln(VC / 100), -100.0 for a VC of 0, 0.0 when no VC was elicited; finite
 * @param lenScore minus the candidate's trace tokens (estimated when the selection estimates them); {@code <= 0}
 * @param consistent whether the candidate agrees with the majority vote (or no majority exists)
 * @param agreement under {@link CandidateRanking#AGREEMENT}, the mean Jaccard similarity of the candidate's actions
 *     with every other candidate's, in [0.0, 1.0]; 0.0 under the joint-score ranking
 */
public record TrajectoryScore(
        int candidateIndex, double vcScore, double lenScore, boolean consistent, double agreement) {

    /** Validates the components. */
    public TrajectoryScore {
        Checks.atLeast("candidateIndex", candidateIndex, 0);
        Checks.finite("vcScore", vcScore);
        Checks.finite("lenScore", lenScore);
        if (lenScore > 0.0) {
            throw new IllegalArgumentException("lenScore must be <= 0.0, got " + lenScore);
        }
        Checks.inUnitInterval("agreement", agreement);
    }

    /** A score without agreement (the seed's joint-score ranking). */
    public TrajectoryScore(int candidateIndex, double vcScore, double lenScore, boolean consistent) {
        this(candidateIndex, vcScore, lenScore, consistent, 0.0);
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
