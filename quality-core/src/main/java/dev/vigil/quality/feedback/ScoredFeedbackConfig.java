package dev.vigil.quality.feedback;

import dev.vigil.quality.internal.Checks;
import dev.vigil.spi.settings.Settings;

/**
 * Tunables of the scored client review (quality.md §5); the defaults are the seed values.
 *
 * @param passingScore per-criterion passing score and base of the acceptance threshold, in [0.0, 1.0]
 *     ({@code client.scored_feedback.passing_score}, 0.5)
 * @param strictnessMultiplier scales a profile's strictness into the threshold multiplier, {@code > 0}
 *     ({@code client.scored_feedback.strictness_multiplier}, 2.0)
 * @param strictnessFloor lower bound on that multiplier, {@code > 0} ({@code client.scored_feedback.strictness_floor},
 *     0.1)
 */
public record ScoredFeedbackConfig(double passingScore, double strictnessMultiplier, double strictnessFloor) {

    /** The seed defaults (0.5, 2.0, 0.1). */
    public static final ScoredFeedbackConfig DEFAULTS = from(Settings.defaults());

    /** Validates the components. */
    public ScoredFeedbackConfig {
        Checks.unitInterval(passingScore, "passingScore");
        Checks.positive(strictnessMultiplier, "strictnessMultiplier");
        Checks.positive(strictnessFloor, "strictnessFloor");
    }

    /** The config from resolved settings. */
    public static ScoredFeedbackConfig from(Settings settings) {
        return new ScoredFeedbackConfig(
                settings.get(FeedbackSettings.PASSING_SCORE),
                settings.get(FeedbackSettings.STRICTNESS_MULTIPLIER),
                settings.get(FeedbackSettings.STRICTNESS_FLOOR));
    }

    /**
     * The threshold multiplier for {@code profile}: max(strictnessFloor, strictnessLevel × strictnessMultiplier). The
     * floor is a lower bound, not a cap: with the defaults, strictness 0.5 gives 1.0, 1.0 gives 2.0, 0.0 gives 0.1.
     */
    public double multiplierFor(ClientProfile profile) {
        Checks.required(profile, "profile");
        return Math.max(strictnessFloor, profile.strictnessLevel() * strictnessMultiplier);
    }
}
