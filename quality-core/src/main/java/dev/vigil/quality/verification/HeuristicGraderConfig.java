package dev.vigil.quality.verification;

import dev.vigil.quality.internal.Checks;
import dev.vigil.spi.settings.Settings;

/**
 * Hyperparameters of the heuristic grader (quality.md §4.5), all in [0.0, 1.0]; defaults are the seed values.
 *
 * @param passThreshold probe-match ratio at or above which criteria get passGrade and the verdict may be PASS
 *     ({@code engine.quality.heuristic.pass_threshold}, 0.5)
 * @param passGrade per-criterion grade on pass ({@code engine.quality.heuristic.pass_grade}, 0.8)
 * @param failGrade per-criterion grade on fail ({@code engine.quality.heuristic.fail_grade}, 0.3)
 * @param confidenceCeiling the highest confidence the heuristic reports
 *     ({@code engine.quality.heuristic.confidence_ceiling}, 0.9)
 * @param confidenceBias added to the match ratio to get the confidence
 *     ({@code engine.quality.heuristic.confidence_bias}, 0.1)
 */
public record HeuristicGraderConfig(
        double passThreshold, double passGrade, double failGrade, double confidenceCeiling, double confidenceBias) {

    /** The seed defaults (0.5, 0.8, 0.3, 0.9, 0.1). */
    public static final HeuristicGraderConfig DEFAULTS = from(Settings.defaults());

    /** Validates every component in [0.0, 1.0]. */
    public HeuristicGraderConfig {
        Checks.unitInterval(passThreshold, "passThreshold");
        Checks.unitInterval(passGrade, "passGrade");
        Checks.unitInterval(failGrade, "failGrade");
        Checks.unitInterval(confidenceCeiling, "confidenceCeiling");
        Checks.unitInterval(confidenceBias, "confidenceBias");
    }

    /** The config from resolved settings. */
    public static HeuristicGraderConfig from(Settings settings) {
        return new HeuristicGraderConfig(
                settings.get(VerificationSettings.HEURISTIC_PASS_THRESHOLD),
                settings.get(VerificationSettings.HEURISTIC_PASS_GRADE),
                settings.get(VerificationSettings.HEURISTIC_FAIL_GRADE),
                settings.get(VerificationSettings.HEURISTIC_CONFIDENCE_CEILING),
                settings.get(VerificationSettings.HEURISTIC_CONFIDENCE_BIAS));
    }
}
