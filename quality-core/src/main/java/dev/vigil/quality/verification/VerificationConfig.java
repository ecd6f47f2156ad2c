package dev.vigil.quality.verification;

import dev.vigil.quality.internal.Checks;
import dev.vigil.spi.settings.Settings;

/**
 * Which decomposer and grader verification uses (quality.md §4.8). Names are checked by {@link VerificationFactory},
 * not here, so that the factory can explain an unknown or unavailable variant.
 *
 * @param decomposer decomposer name, NotBlank ({@code engine.quality.verification.decomposer}, {@code identity})
 * @param grader grader name, NotBlank ({@code engine.quality.verification.grader}, {@code heuristic})
 * @param minConfidenceOverride a confidence floor for graders other than the heuristic one, in [0.0, 1.0], or null
 *     ({@code engine.quality.verification.min_confidence_override}, unset)
 */
public record VerificationConfig(String decomposer, String grader, Double minConfidenceOverride) {

    /** The defaults: {@code identity}, {@code heuristic}, no override. */
    public static final VerificationConfig DEFAULTS = from(Settings.defaults());

    /** Validates the components. */
    public VerificationConfig {
        Checks.notBlank(decomposer, "decomposer");
        Checks.notBlank(grader, "grader");
        if (minConfidenceOverride != null) {
            Checks.unitInterval(minConfidenceOverride, "minConfidenceOverride");
        }
    }

    /** The config from resolved settings. */
    public static VerificationConfig from(Settings settings) {
        return new VerificationConfig(
                settings.get(VerificationSettings.DECOMPOSER).wireName(),
                settings.get(VerificationSettings.GRADER).wireName(),
                settings.get(VerificationSettings.MIN_CONFIDENCE_OVERRIDE));
    }
}
