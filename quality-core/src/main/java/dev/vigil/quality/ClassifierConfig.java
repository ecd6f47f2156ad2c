package dev.vigil.quality;

import dev.vigil.spi.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confidences of the rule-based step classifier.
 *
 * @param ruleMatchedConfidence confidence when rule 2a, 2b or 3 matches, in [0.0, 1.0]
 *     ({@code engine.classifier.rule_matched_confidence}, 0.7)
 * @param fallbackConfidence confidence of the NEUTRAL fallback, in [0.0, 1.0]
 *     ({@code engine.classifier.fallback_confidence}, 0.5)
 */
public record ClassifierConfig(double ruleMatchedConfidence, double fallbackConfidence) {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierConfig.class);

    /** The settings.md defaults (0.7, 0.5). */
    public static final ClassifierConfig DEFAULTS = from(Settings.defaults());

    /**
     * Validates both confidences. A violation is logged as {@code vigil.quality.classifier_config_invalid} before
     * the exception, e.g. {@code ruleMatchedConfidence must be in [0.0, 1.0], got 1.5}.
     */
    public ClassifierConfig {
        validate("ruleMatchedConfidence", ruleMatchedConfidence);
        validate("fallbackConfidence", fallbackConfidence);
    }

    /** The config from resolved settings. */
    public static ClassifierConfig from(Settings settings) {
        return new ClassifierConfig(
                settings.get(QualitySettings.RULE_MATCHED_CONFIDENCE),
                settings.get(QualitySettings.FALLBACK_CONFIDENCE));
    }

    private static void validate(String parameter, double value) {
        String error = null;
        if (!Double.isFinite(value)) {
            error = parameter + " must be finite, got " + value;
        } else if (value < 0.0 || value > 1.0) {
            error = parameter + " must be in [0.0, 1.0], got " + value;
        }
        if (error != null) {
            LOG.atWarn()
                    .setMessage(QualityEvents.CLASSIFIER_CONFIG_INVALID)
                    .addKeyValue("error", error)
                    .addKeyValue("parameter", parameter)
                    .addKeyValue("value", value)
                    .log();
            throw new IllegalArgumentException(error);
        }
    }
}
