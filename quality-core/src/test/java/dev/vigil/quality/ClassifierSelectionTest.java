package dev.vigil.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.plugin.StepClassifier;
import dev.vigil.spi.plugin.StepClassifierProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** quality.md §1.1: the classifier in use is chosen by engine.classifier.name. */
class ClassifierSelectionTest {

    /** A plugin provider whose classifier answers nothing useful; only its name matters here. */
    record NamedProvider(String name) implements StepClassifierProvider {
        @Override
        public StepClassifier create(PluginConfig config) {
            return new StepClassifier() {
                @Override
                public String name() {
                    return NamedProvider.this.name;
                }

                @Override
                public StepQualitySignal classify(
                        int stepIndex, List<Turn> turns, TerminationReason reason, StagnationResult stagnation) {
                    return null;
                }
            };
        }
    }

    private final RuleBasedStepClassifierProvider builtIn = new RuleBasedStepClassifierProvider();

    @Test
    void selectsTheProviderWithTheConfiguredName() {
        NamedProvider llmJudge = new NamedProvider("llm_judge");

        assertSame(builtIn, ClassifierSelection.select("rule_based", List.of(llmJudge, builtIn)));
        assertSame(llmJudge, ClassifierSelection.select("llm_judge", List.of(llmJudge, builtIn)));
    }

    @Test
    void defaultSettingSelectsTheGroundedBuiltIn() {
        StepClassifier classifier = ClassifierSelection.create(
                QualitySettings.CLASSIFIER_NAME.defaultValue(),
                List.of(builtIn, new dev.vigil.quality.grounded.GroundedStepClassifierProvider()),
                PluginConfig.empty());

        assertInstanceOf(dev.vigil.quality.grounded.GroundedStepClassifier.class, classifier);
    }

    @Test
    void unknownNameFailsStartupListingTheSortedNames() {
        List<StepClassifierProvider> providers =
                List.of(new NamedProvider("zeta"), builtIn, new NamedProvider("alpha"));

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ClassifierSelection.select("ruled", providers));

        assertEquals("engine.classifier.name must be one of [alpha, rule_based, zeta], got 'ruled'", e.getMessage());
    }

    @Test
    void nameMatchIsExact() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ClassifierSelection.select("Rule_Based", List.of(builtIn)));
        assertEquals("engine.classifier.name must be one of [rule_based], got 'Rule_Based'", e.getMessage());
    }

    @Test
    void duplicateNamesAreRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ClassifierSelection.select("rule_based", List.of(builtIn, new NamedProvider("rule_based"))));
        assertEquals("duplicate classifier name 'rule_based'", e.getMessage());
    }

    @Test
    void builtInIsDiscoverableThroughServiceLoader() {
        // The main module declares only `provides`; the test (patched into it) adds `uses` for itself.
        getClass().getModule().addUses(StepClassifierProvider.class);

        List<StepClassifierProvider> found =
                ServiceLoader.load(StepClassifierProvider.class, getClass().getClassLoader()).stream()
                        .map(ServiceLoader.Provider::get)
                        .toList();

        assertTrue(found.stream().anyMatch(p -> p instanceof RuleBasedStepClassifierProvider), "found " + found);
        assertTrue(
                found.stream().anyMatch(p -> p instanceof dev.vigil.quality.grounded.GroundedStepClassifierProvider),
                "found " + found);
        assertInstanceOf(
                RuleBasedStepClassifier.class, ClassifierSelection.create("rule_based", found, PluginConfig.empty()));
    }

    @Test
    void metaInfServicesNamesTheProvider() throws IOException {
        try (InputStream in = getClass()
                .getClassLoader()
                .getResourceAsStream("META-INF/services/dev.vigil.spi.plugin.StepClassifierProvider")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(
                    List.of(
                            RuleBasedStepClassifierProvider.class.getName(),
                            dev.vigil.quality.grounded.GroundedStepClassifierProvider.class.getName()),
                    text.lines().map(String::strip).toList());
        }
    }
}
