package dev.vigil.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vigil.app.plugins.LoadedPlugins;
import dev.vigil.app.plugins.PluginPoint;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.quality.ClassifierConfig;
import dev.vigil.quality.ClassifierSelection;
import dev.vigil.quality.GuardedStepClassifier;
import dev.vigil.quality.QualitySettings;
import dev.vigil.quality.RuleBasedStepClassifier;
import dev.vigil.quality.RuleBasedStepClassifierProvider;
import dev.vigil.quality.RunQualityConfig;
import dev.vigil.quality.grounded.GroundedConfig;
import dev.vigil.quality.grounded.GroundedStepClassifier;
import dev.vigil.quality.grounded.GroundedStepClassifierProvider;
import dev.vigil.spi.plugin.StepClassifier;
import dev.vigil.spi.plugin.StepClassifierProvider;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/** Step quality: the configured classifier behind its guard, and the per-run quality config. */
public final class QualityModule extends AbstractModule {

    private static final String BUILT_IN_ORIGIN = "built-in";

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
     * The classifier {@code engine.classifier.name} selects. Built-ins are total and answer in microseconds, so they run
     * in the analysing thread; a plugin classifier runs under {@code plugins.call_timeout_seconds} on the plugin-call
     * executor, and when it throws, hangs or returns null the built-in {@code rule_based} answers instead (issue 4)
     * and the failure is logged.
     */
    @Provides
    @Singleton
    GuardedStepClassifier classifier(
            ResolvedSettings settings,
            ClassifierConfig classifierConfig,
            Set<StepClassifierProvider> providers,
            LoadedPlugins plugins,
            @PluginCalls ExecutorService pluginCalls) {
        // ServiceLoader's built-ins start from defaults; these carry the resolved engine.classifier.* settings.
        List<StepClassifierProvider> sorted = providers.stream()
                .map(p -> switch (p.name()) {
                    case RuleBasedStepClassifier.NAME -> new RuleBasedStepClassifierProvider(classifierConfig);
                    case GroundedStepClassifier.NAME ->
                        new GroundedStepClassifierProvider(GroundedConfig.from(settings));
                    default -> p;
                })
                .sorted(Comparator.comparing(StepClassifierProvider::name))
                .toList();
        String name = settings.get(QualitySettings.CLASSIFIER_NAME);
        StepClassifier selected = ClassifierSelection.create(name, sorted, settings.pluginConfig(name));
        if (BUILT_IN_ORIGIN.equals(plugins.originOf(PluginPoint.CLASSIFIER, name))) {
            return GuardedStepClassifier.inCallerThread(selected);
        }
        return GuardedStepClassifier.of(
                        selected, pluginCalls, settings.get(AssemblySettings.PLUGINS_CALL_TIMEOUT_SECONDS))
                .withFallback(new RuleBasedStepClassifier(classifierConfig));
    }
}
