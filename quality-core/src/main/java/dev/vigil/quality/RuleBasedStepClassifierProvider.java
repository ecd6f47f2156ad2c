package dev.vigil.quality;

import dev.vigil.quality.internal.Checks;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.plugin.StepClassifierProvider;

/**
 * Provides the built-in {@link RuleBasedStepClassifier} under the reserved name {@code rule_based}. Registered for
 * {@link java.util.ServiceLoader} both in {@code module-info} and in {@code META-INF/services}.
 *
 * <p>The classifier's confidences are the {@code engine.classifier.*} settings. The assembly should therefore build
 * the provider with {@link #RuleBasedStepClassifierProvider(ClassifierConfig)} from
 * {@link ClassifierConfig#from(dev.vigil.spi.settings.Settings)}; the no-argument constructor that
 * {@code ServiceLoader} uses starts from the defaults. In both cases the keys {@code rule_matched_confidence} and
 * {@code fallback_confidence} of the {@link PluginConfig} (the settings under {@code plugins.rule_based.}), when
 * present, override the base config.
 */
public final class RuleBasedStepClassifierProvider implements StepClassifierProvider {

    /** PluginConfig key overriding {@link ClassifierConfig#ruleMatchedConfidence()}. */
    public static final String KEY_RULE_MATCHED_CONFIDENCE = "rule_matched_confidence";

    /** PluginConfig key overriding {@link ClassifierConfig#fallbackConfidence()}. */
    public static final String KEY_FALLBACK_CONFIDENCE = "fallback_confidence";

    private final ClassifierConfig base;

    /** A provider over the default confidences; used by {@link java.util.ServiceLoader}. */
    public RuleBasedStepClassifierProvider() {
        this(ClassifierConfig.DEFAULTS);
    }

    /** A provider over the given confidences, normally {@code ClassifierConfig.from(settings)}. */
    public RuleBasedStepClassifierProvider(ClassifierConfig base) {
        this.base = Checks.required(base, "base");
    }

    @Override
    public String name() {
        return RuleBasedStepClassifier.NAME;
    }

    /**
     * Creates the classifier.
     *
     * @param config overrides under {@code plugins.rule_based.}; null counts as empty
     * @throws IllegalArgumentException when an override is not a number or out of [0.0, 1.0]
     */
    @Override
    public RuleBasedStepClassifier create(PluginConfig config) {
        PluginConfig overrides = config == null ? PluginConfig.empty() : config;
        ClassifierConfig effective = new ClassifierConfig(
                overrides.getDouble(KEY_RULE_MATCHED_CONFIDENCE, base.ruleMatchedConfidence()),
                overrides.getDouble(KEY_FALLBACK_CONFIDENCE, base.fallbackConfidence()));
        return new RuleBasedStepClassifier(effective);
    }
}
