package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;

/**
 * What the team pays in tokens for each unit of wall-clock speed-up: {@code tokenMultiplier / latencySpeedup}. Above
 * {@code alertRatio} (strictly) the team is past the point of diminishing returns.
 *
 * <p>Rejections: {@code <name> must be > 0, got <v>} and {@code <name> must be finite, got <v>} for the three
 * components, and {@code ratio must be finite, got <v>} when the quotient overflows.
 *
 * @param tokenMultiplier team tokens / single-agent tokens, > 0
 * @param latencySpeedup single-agent duration / team duration, > 0
 * @param alertRatio the ratio above which {@link #alert()} holds ({@code coordination.token_speedup.alert_ratio}), > 0
 */
public record TokenSpeedupRatio(double tokenMultiplier, double latencySpeedup, double alertRatio) {

    public TokenSpeedupRatio {
        Checks.positive("tokenMultiplier", tokenMultiplier);
        Checks.positive("latencySpeedup", latencySpeedup);
        Checks.positive("alertRatio", alertRatio);
        Checks.finite("ratio", tokenMultiplier / latencySpeedup);
    }

    /** tokenMultiplier / latencySpeedup. */
    public double ratio() {
        return tokenMultiplier / latencySpeedup;
    }

    /** True when ratio > alertRatio (strict: exactly the alert ratio does not alert). */
    public boolean alert() {
        return ratio() > alertRatio;
    }
}
