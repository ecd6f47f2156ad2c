package dev.vigil.coordination;

/**
 * Amdahl's law for a team: with a parallelizable fraction p, no team can be more than {@code 1 / (1 - p)} times
 * faster than one agent, and {@code ceil(9p / (1 - p))} agents already reach 90 % of that ceiling (D14).
 *
 * <p>Rejections: {@code parallelizableFraction must be finite, got <v>}, {@code parallelizableFraction must be in
 * [0.0, 1.0), got <v>}.
 *
 * @param parallelizableFraction the share of the work that can run in parallel, in [0.0, 1.0)
 */
public record AmdahlCeiling(double parallelizableFraction) {

    /**
     * Constant (settings.md §9): S(n) >= 0.9 * S_max holds exactly when n >= 9p / (1 - p), so 9 is the coefficient of
     * the "90 % of the ceiling" team size.
     */
    public static final double AMDAHL_COEFFICIENT = 9.0;

    public AmdahlCeiling {
        if (!Double.isFinite(parallelizableFraction)) {
            throw new IllegalArgumentException("parallelizableFraction must be finite, got " + parallelizableFraction);
        }
        if (parallelizableFraction < 0.0 || parallelizableFraction >= 1.0) {
            throw new IllegalArgumentException(
                    "parallelizableFraction must be in [0.0, 1.0), got " + parallelizableFraction);
        }
    }

    /** The speed-up ceiling 1.0 / (1.0 − p). */
    public double maxSpeedup() {
        return 1.0 / (1.0 - parallelizableFraction);
    }

    /**
     * The smallest team that reaches 90 % of the ceiling: 1 when p <= 0, else max(1, ceil((9.0 * p) / (1.0 - p))),
     * evaluated in double in exactly that order (p = 0.9 gives 81.00000000000001, so 82). Saturates at
     * {@link Integer#MAX_VALUE} for p within a few ulps of 1.
     */
    public int recommendedTeamSize() {
        double p = parallelizableFraction;
        if (p <= 0.0) {
            return 1;
        }
        return Math.max(1, (int) Math.ceil((AMDAHL_COEFFICIENT * p) / (1.0 - p)));
    }
}
