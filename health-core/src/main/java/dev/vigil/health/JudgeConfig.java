package dev.vigil.health;

import dev.vigil.health.internal.Validation;
import dev.vigil.spi.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of the {@link HealthJudge} (health.md §2).
 *
 * @param qualityDegradationThreshold trailing INCORRECT steps that raise QUALITY_DEGRADATION HIGH (twice as many
 *     give CRITICAL), &ge; 1
 * @param emitBudgetBreach raise BUDGET_BREACH on termination {@code budget_exhausted} (D9)
 * @param emitTimeout raise TIMEOUT on termination {@code max_turns} or on exceeding runTimeoutSeconds (D9)
 * @param runTimeoutSeconds wall-clock limit per run, &gt; 0, or null to disable the duration check
 */
public record JudgeConfig(
        int qualityDegradationThreshold, boolean emitBudgetBreach, boolean emitTimeout, Double runTimeoutSeconds) {

    private static final Logger LOG = LoggerFactory.getLogger(HealthJudge.class);

    /** Threshold 3, both D9 causes on, no run timeout. */
    public static final JudgeConfig DEFAULTS = from(Settings.defaults());

    /**
     * Validates. A threshold below 1 first logs warning {@code vigil.health.ticket_emitted} with an {@code error}
     * field (kept from the reference so the event set is unchanged), then throws.
     */
    public JudgeConfig {
        if (qualityDegradationThreshold < 1) {
            String error = "qualityDegradationThreshold must be >= 1, got " + qualityDegradationThreshold;
            LOG.atWarn()
                    .setMessage("vigil.health.ticket_emitted")
                    .addKeyValue("error", error)
                    .log();
            throw new IllegalArgumentException(error);
        }
        if (runTimeoutSeconds != null) {
            Validation.greaterThan(runTimeoutSeconds, 0.0, "runTimeoutSeconds");
        }
    }

    /** Reads the {@code engine.health.*} judge settings. */
    public static JudgeConfig from(Settings settings) {
        return new JudgeConfig(
                settings.get(HealthSettings.QUALITY_DEGRADATION_THRESHOLD),
                settings.get(HealthSettings.EMIT_BUDGET_BREACH),
                settings.get(HealthSettings.EMIT_TIMEOUT),
                settings.get(HealthSettings.RUN_TIMEOUT_SECONDS));
    }
}
