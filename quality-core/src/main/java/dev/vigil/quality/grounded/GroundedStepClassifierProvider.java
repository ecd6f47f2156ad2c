package dev.vigil.quality.grounded;

import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.plugin.StepClassifierProvider;
import java.util.Objects;

/**
 * Provides the built-in {@link GroundedStepClassifier} under the reserved name {@code grounded}. Registered for
 * {@link java.util.ServiceLoader} both in {@code module-info} and in {@code META-INF/services}.
 *
 * <p>The thresholds are the {@code engine.classifier.grounded.*} settings: the assembly should build the provider with
 * {@link #GroundedStepClassifierProvider(GroundedConfig)} from {@link GroundedConfig#from}; the no-argument constructor
 * that {@code ServiceLoader} uses starts from the defaults. In both cases the keys of the {@link PluginConfig} (the
 * settings under {@code plugins.grounded.}, named as the setting keys without {@link GroundedSettings#PREFIX}) override
 * the base config.
 */
public final class GroundedStepClassifierProvider implements StepClassifierProvider {

    private final GroundedConfig base;

    /** A provider over the default thresholds; used by {@link java.util.ServiceLoader}. */
    public GroundedStepClassifierProvider() {
        this(GroundedConfig.DEFAULTS);
    }

    /** A provider over the given thresholds, normally {@code GroundedConfig.from(settings)}. */
    public GroundedStepClassifierProvider(GroundedConfig base) {
        this.base = Objects.requireNonNull(base, "base must not be null");
    }

    @Override
    public String name() {
        return GroundedStepClassifier.NAME;
    }

    /**
     * Creates the classifier.
     *
     * @param config overrides under {@code plugins.grounded.}; null counts as empty
     * @throws IllegalArgumentException when an override is malformed or out of range
     */
    @Override
    public GroundedStepClassifier create(PluginConfig config) {
        return new GroundedStepClassifier(base.withOverrides(config));
    }
}
