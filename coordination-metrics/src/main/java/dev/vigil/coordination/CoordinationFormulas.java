package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;
import dev.vigil.coordination.internal.ValidationEvents;
import dev.vigil.spi.model.AgentDuration;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nine coordination metrics as pure functions (coordination.md §2) and the exact mean they share (§1). Each
 * function validates its arguments with the spec's exact messages and throws {@link IllegalArgumentException}; none
 * of them ever returns a non-finite value.
 */
public final class CoordinationFormulas {

    private static final Logger LOG = LoggerFactory.getLogger(CoordinationFormulas.class);

    /** Constant (§1): 40 significant digits keep the mean within one ulp of the true mean. */
    private static final MathContext MEAN_CONTEXT = new MathContext(40, RoundingMode.HALF_EVEN);

    private CoordinationFormulas() {}

    /**
     * The mean of a non-empty list, computed exactly: the doubles are summed as {@link BigDecimal} (no rounding),
     * divided by n at 40 significant digits (HALF_EVEN) and converted back. Equal values give that value exactly, and
     * the result is never above the maximum, unlike a naive Σ/n (0.1 three times gives 0.10000000000000002).
     *
     * @throws IllegalArgumentException {@code xs must not be empty}, {@code xs must not contain null}, {@code xs must
     *     contain only finite values, got <v>}
     */
    public static double exactMean(List<Double> xs) {
        Checks.notNull("xs", xs);
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("xs must not be empty");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Double x : xs) {
            if (x == null) {
                throw new IllegalArgumentException("xs must not contain null");
            }
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("xs must contain only finite values, got " + x);
            }
            sum = sum.add(new BigDecimal(x));
        }
        return sum.divide(BigDecimal.valueOf(xs.size()), MEAN_CONTEXT).doubleValue();
    }

    /**
     * Metric 1: success per unit of relative turns, successRate / (turnsMas / turnsSas). (0.8, 10, 5) gives 0.4.
     *
     * @throws IllegalArgumentException first {@code turnsSas must be positive (cannot divide by zero), got <v>} (or
     *     {@code turnsSas must be finite, got <v>}), then the checks of {@link CoordinationEfficiency}
     */
    public static CoordinationEfficiency computeEfficiency(double successRate, double turnsMas, double turnsSas) {
        checkDivisor("turnsSas", turnsSas);
        return new CoordinationEfficiency(successRate, turnsMas, turnsSas);
    }

    /**
     * Metric 2: extra turns in percent, (turnsMas − turnsSas) / turnsSas × 100. (3, 5) gives −40.0.
     *
     * @throws IllegalArgumentException {@code turnsSas must be positive (cannot divide by zero), got <v>}, then the
     *     checks of {@link CoordinationOverhead}
     */
    public static CoordinationOverhead computeOverhead(double turnsMas, double turnsSas) {
        checkDivisor("turnsSas", turnsSas);
        return new CoordinationOverhead(turnsMas, turnsSas);
    }

    /**
     * Metric 3: errorRateMas / errorRateSas. (0.2, 0.1) gives 2.0.
     *
     * @throws IllegalArgumentException {@code errorRateSas must be positive (cannot divide by zero), got <v>}, then
     *     the checks of {@link ErrorAmplification}
     */
    public static ErrorAmplification computeErrorAmplification(double errorRateMas, double errorRateSas) {
        checkDivisor("errorRateSas", errorRateSas);
        return new ErrorAmplification(errorRateMas, errorRateSas);
    }

    /**
     * Metric 4: messages per reasoning turn. (15, 10) gives 1.5.
     *
     * @throws IllegalArgumentException {@code reasoningTurns must be positive (cannot divide by zero), got <v>}, then
     *     {@code interAgentMessages must be >= 0, got <v>}
     */
    public static MessageDensity computeMessageDensity(int interAgentMessages, int reasoningTurns) {
        if (reasoningTurns <= 0) {
            throw new IllegalArgumentException(
                    "reasoningTurns must be positive (cannot divide by zero), got " + reasoningTurns);
        }
        return new MessageDensity(interAgentMessages, reasoningTurns);
    }

    /**
     * Metric 5: the exact mean of pairwise similarities. [0.2, 0.4, 0.6] gives 0.4 (not 0.4000000000000001), n 3.
     *
     * @throws IllegalArgumentException {@code similarities must not be empty}, {@code similarities must not contain
     *     null}, {@code Similarity value <v> is outside [0, 1]} (NaN included)
     */
    public static RedundancyRate computeRedundancyRate(List<Double> similarities) {
        Checks.notNull("similarities", similarities);
        if (similarities.isEmpty()) {
            throw new IllegalArgumentException("similarities must not be empty");
        }
        for (Double similarity : similarities) {
            if (similarity == null) {
                throw new IllegalArgumentException("similarities must not contain null");
            }
            if (!(similarity >= 0.0 && similarity <= 1.0)) {
                throw new IllegalArgumentException("Similarity value " + similarity + " is outside [0, 1]");
            }
        }
        return new RedundancyRate(exactMean(similarities), similarities.size());
    }

    /**
     * Metric 6: the Amdahl ceiling for a parallelizable fraction p in [0, 1).
     *
     * @throws IllegalArgumentException {@code parallelizableFraction must be in [0.0, 1.0), got <v>}
     */
    public static AmdahlCeiling computeAmdahlCeiling(double parallelizableFraction) {
        return new AmdahlCeiling(parallelizableFraction);
    }

    /**
     * Metric 7: how far the slowest agent lags behind the mean. The slowest is the first maximum (D13); the mean is
     * {@code min(exactMean(durations), slowest)} (D3). (a 10, b 20, c 15) gives b, mean 15.0, gap 5.0.
     *
     * @throws IllegalArgumentException {@code agentDurations must not be empty}, {@code agentDurations must not
     *     contain null}, {@code agentId must not be blank}, {@code durationSeconds must be finite and non-negative,
     *     got <v>} (each logged as {@code vigil.coordination.validation_error} first), then the checks of {@link
     *     StragglerGap} ({@code meanDurationSeconds must be > 0, got 0.0} when every duration is 0)
     */
    public static StragglerGap computeStragglerGap(List<AgentDuration> agentDurations) {
        if (agentDurations == null) {
            throw ValidationEvents.reject(LOG, "agentDurations", null, "agentDurations must not be null");
        }
        if (agentDurations.isEmpty()) {
            throw ValidationEvents.reject(LOG, "agentDurations", "[]", "agentDurations must not be empty");
        }
        List<Double> seconds = new ArrayList<>(agentDurations.size());
        AgentDuration slowest = null;
        for (AgentDuration duration : agentDurations) {
            if (duration == null) {
                throw ValidationEvents.reject(LOG, "agentDurations", null, "agentDurations must not contain null");
            }
            if (duration.agentId() == null || duration.agentId().strip().isEmpty()) {
                throw ValidationEvents.reject(LOG, "agentId", duration.agentId(), "agentId must not be blank");
            }
            double value = duration.seconds();
            if (!Double.isFinite(value) || value < 0.0) {
                throw ValidationEvents.reject(
                        LOG, "durationSeconds", value, "durationSeconds must be finite and non-negative, got " + value);
            }
            seconds.add(value);
            // Strictly greater: on ties the first maximum stays (D13).
            if (slowest == null || value > slowest.seconds()) {
                slowest = duration;
            }
        }
        double mean = Math.min(exactMean(seconds), slowest.seconds());
        return new StragglerGap(slowest.seconds(), mean, slowest.agentId());
    }

    /**
     * Metric 8: token multiplier over latency speed-up. (500, 100, 80, 100) gives 5.0 / 1.25 = 4.0, an alert at 2.0.
     *
     * @param tokensMas the team's tokens
     * @param tokensSas the single-agent baseline's tokens
     * @param durationMas the team's duration in seconds (the makespan, D5)
     * @param durationSas the single-agent baseline's duration in seconds
     * @param alertRatio {@code coordination.token_speedup.alert_ratio}
     * @throws IllegalArgumentException {@code <name> must be finite and positive, got <v>} for the four inputs (logged
     *     as {@code vigil.coordination.validation_error} first), then the checks of {@link TokenSpeedupRatio}
     */
    public static TokenSpeedupRatio computeTokenSpeedupRatio(
            double tokensMas, double tokensSas, double durationMas, double durationSas, double alertRatio) {
        checkFinitePositive("tokensMas", tokensMas);
        checkFinitePositive("tokensSas", tokensSas);
        checkFinitePositive("durationMas", durationMas);
        checkFinitePositive("durationSas", durationSas);
        double tokenMultiplier = tokensMas / tokensSas;
        double latencySpeedup = durationSas / durationMas;
        return new TokenSpeedupRatio(tokenMultiplier, latencySpeedup, alertRatio);
    }

    /**
     * Metric 9: whether the message count is quadratic in the team size. n 4 with 10 messages is (limit 8.0).
     *
     * @throws IllegalArgumentException the checks of {@link MessageOverhead}
     */
    public static MessageOverhead computeMessageOverhead(int teamSize, int messageCount, double quadraticThreshold) {
        return new MessageOverhead(teamSize, messageCount, quadraticThreshold);
    }

    private static void checkDivisor(String name, double value) {
        Checks.finite(name, value);
        if (value <= 0.0) {
            throw new IllegalArgumentException(name + " must be positive (cannot divide by zero), got " + value);
        }
    }

    private static void checkFinitePositive(String name, double value) {
        if (!Double.isFinite(value) || value <= 0.0) {
            throw ValidationEvents.reject(LOG, name, value, name + " must be finite and positive, got " + value);
        }
    }
}
