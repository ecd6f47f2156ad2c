package dev.vigil.quality;

import dev.vigil.quality.internal.Checks;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.plugin.StepClassifier;
import dev.vigil.spi.plugin.StepClassifierProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the step classifier named by {@code engine.classifier.name} from the providers the assembly discovered
 * (quality.md §1.1). Discovery itself ({@link java.util.ServiceLoader}, plugin folders, reserved-name checks) is the
 * assembly's job; this class only chooses, so that the choice and its startup error live next to the classifier.
 */
public final class ClassifierSelection {

    private ClassifierSelection() {}

    /**
     * The provider whose name equals {@code name} exactly.
     *
     * @param name the configured classifier name
     * @param providers the discovered providers, in discovery order
     * @throws IllegalArgumentException {@code engine.classifier.name must be one of [<sorted names>], got '<name>'}
     *     when no provider has that name, or {@code duplicate classifier name '<name>'} when two providers share a
     *     name
     */
    public static StepClassifierProvider select(String name, List<? extends StepClassifierProvider> providers) {
        List<StepClassifierProvider> candidates = Checks.listCopy(providers, "providers");
        Set<String> seen = new HashSet<>();
        for (StepClassifierProvider provider : candidates) {
            if (!seen.add(provider.name())) {
                throw new IllegalArgumentException("duplicate classifier name '" + provider.name() + "'");
            }
        }
        for (StepClassifierProvider provider : candidates) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        throw new IllegalArgumentException(QualitySettings.CLASSIFIER_NAME.key() + " must be one of "
                + names(candidates) + ", got '" + name + "'");
    }

    /**
     * Selects the provider named {@code name} and creates its classifier.
     *
     * @param config the settings under {@code plugins.<name>.}, prefix stripped
     * @throws IllegalArgumentException as {@link #select}, or when the provider rejects its config
     */
    public static StepClassifier create(
            String name, List<? extends StepClassifierProvider> providers, PluginConfig config) {
        return select(name, providers).create(config == null ? PluginConfig.empty() : config);
    }

    /** The providers' names, sorted ascending. */
    public static List<String> names(List<? extends StepClassifierProvider> providers) {
        List<String> names = new ArrayList<>();
        for (StepClassifierProvider provider : Checks.listCopy(providers, "providers")) {
            names.add(provider.name());
        }
        names.sort(null);
        return List.copyOf(names);
    }
}
