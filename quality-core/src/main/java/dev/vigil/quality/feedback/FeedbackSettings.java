package dev.vigil.quality.feedback;

import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;

/**
 * The settings of the scored client review (settings.md §2, {@code client.scored_feedback.*}), declared next to
 * {@link ScoredFeedbackConfig}, which reads them. {@code QualitySettings} re-exports each of them under its
 * historical name and lists them in {@code QualitySettings.all()}.
 */
public final class FeedbackSettings {

    /** Scored feedback: the passing score per criterion and the base of the acceptance threshold. */
    public static final Setting<Double> PASSING_SCORE = Setting.ofDouble(
            "client.scored_feedback.passing_score",
            0.5,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Passing-score threshold; exactly-half-correct sits on the boundary. Audit-set placeholder.");

    /** Scored feedback: scales a client profile's strictness level into the threshold multiplier. */
    public static final Setting<Double> STRICTNESS_MULTIPLIER = Setting.ofDouble(
            "client.scored_feedback.strictness_multiplier",
            2.0,
            Constraint.greaterThan(0.0),
            Reload.LIVE,
            "Seed. Scales a profile's strictness_level: 0.5 → 1.0 (neutral), 1.0 → 2.0 (doubled sensitivity).");

    /** Scored feedback: lower bound on the threshold multiplier. */
    public static final Setting<Double> STRICTNESS_FLOOR = Setting.ofDouble(
            "client.scored_feedback.strictness_floor",
            0.1,
            Constraint.greaterThan(0.0),
            Reload.LIVE,
            "Seed. Lower bound on the multiplier, so that strictness 0 never disables feedback.");

    private FeedbackSettings() {}
}
