package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;
import dev.vigil.coordination.internal.ValidationEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the slowest agent lags behind the average agent of a team run: {@code gapSeconds = slowest - mean} and
 * {@code gapRatio = gap / mean}. The mean is the exact mean, clamped to the slowest duration (D3), so equal
 * durations give a gap of exactly 0.
 *
 * <p>Rejections: {@code slowestDurationSeconds must be >= 0, got <v>}, {@code meanDurationSeconds must be > 0, got
 * <v>}, {@code slowestAgentId must not be blank}, {@code <name> must be finite, got <v>}, {@code
 * slowestDurationSeconds (<x>) must be >= meanDurationSeconds (<y>)} (logged as {@code
 * vigil.coordination.validation_error} first) and {@code gapRatio must be finite, got <v>} for a mean so small that
 * the ratio overflows.
 *
 * @param slowestDurationSeconds the slowest agent's duration in seconds, >= 0
 * @param meanDurationSeconds the mean agent duration in seconds, > 0 and <= slowest
 * @param slowestAgentId the slowest agent (the first one on ties, D13)
 */
public record StragglerGap(double slowestDurationSeconds, double meanDurationSeconds, String slowestAgentId) {

    private static final Logger LOG = LoggerFactory.getLogger(StragglerGap.class);

    public StragglerGap {
        Checks.nonNegative("slowestDurationSeconds", slowestDurationSeconds);
        Checks.positive("meanDurationSeconds", meanDurationSeconds);
        Checks.notBlank("slowestAgentId", slowestAgentId);
        if (slowestDurationSeconds < meanDurationSeconds) {
            throw ValidationEvents.reject(
                    LOG,
                    "slowestDurationSeconds",
                    slowestDurationSeconds,
                    "slowestDurationSeconds (" + slowestDurationSeconds + ") must be >= meanDurationSeconds ("
                            + meanDurationSeconds + ")");
        }
        Checks.finite("gapRatio", (slowestDurationSeconds - meanDurationSeconds) / meanDurationSeconds);
    }

    /** slowest − mean, in seconds; never negative. */
    public double gapSeconds() {
        return slowestDurationSeconds - meanDurationSeconds;
    }

    /** gap / mean: 0.5 means the straggler took 50 % longer than the average agent. */
    public double gapRatio() {
        return gapSeconds() / meanDurationSeconds;
    }
}
