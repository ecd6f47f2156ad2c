package dev.vigil.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.quality.ClassifierConfig;
import dev.vigil.quality.ClassifierSelection;
import dev.vigil.quality.GuardedStepClassifier;
import dev.vigil.quality.QualitySettings;
import dev.vigil.quality.RuleBasedStepClassifier;
import dev.vigil.quality.RuleBasedStepClassifierProvider;
import dev.vigil.quality.RunQualityConfig;
import dev.vigil.spi.plugin.StepClassifier;
import dev.vigil.spi.plugin.StepClassifierProvider;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/** Step quality: the configured classifier behind its guard, and the per-run quality config. */
public final class QualityModule extends AbstractModule {

    private static final String BUILT_IN = "rule_based";

    @Provides
    @Singleton
    RunQualityConfig runQualityConfig(ResolvedSettings settings) {
        return RunQualityConfig.from(settings);
    }

    @Provides
    @Singleton
    ClassifierConfig classifierConfig(ResolvedSettings settings) {
        return ClassifierConfig.from(settings);
    }

    /**
     * The classifier {@code engine.classifier.name} selects. A plugin classifier that throws, hangs or returns null
     * gets the built-in's answer instead (issue 4), and the failure is logged.
     */
    @Provides
    @Singleton
    GuardedStepClassifier classifier(
            ResolvedSettings settings,
            ClassifierConfig classifierConfig,
            Set<StepClassifierProvider> providers,
            @PluginCalls ExecutorService pluginCalls) {
        // The built-in found by ServiceLoader starts from defaults; this one carries the resolved engine.classifier.*.
        List<StepClassifierProvider> sorted = providers.stream()
                .map(p -> p.name().equals(BUILT_IN) ? new RuleBasedStepClassifierProvider(classifierConfig) : p)
                .sorted(Comparator.comparing(StepClassifierProvider::name))
                .toList();
        String name = settings.get(QualitySettings.CLASSIFIER_NAME);
        StepClassifier selected = ClassifierSelection.create(name, sorted, settings.pluginConfig(name));
        GuardedStepClassifier guarded = GuardedStepClassifier.of(
                selected, pluginCalls, settings.get(AssemblySettings.PLUGINS_CALL_TIMEOUT_SECONDS));
        return name.equals(BUILT_IN) ? guarded : guarded.withFallback(new RuleBasedStepClassifier(classifierConfig));
    }
}
