package dev.vigil.quality.grounded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.quality.QualitySettings;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import dev.vigil.spi.settings.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The grounded classifier's settings, their config record and its overrides. */
class GroundedConfigTest {

    @Test
    void defaultsAreTheSettingsDefaults() {
        GroundedConfig d = GroundedConfig.DEFAULTS;
        assertEquals(0.7, d.ruleConfidence());
        assertEquals(0.5, d.defaultConfidence());
        assertEquals(0.5, d.minResultNovelty());
        assertEquals(5, d.noveltyShingleWords());
        assertEquals(0.8, d.nearDuplicateSimilarity());
        assertEquals(1, d.stallTolerance());
        assertEquals(true, d.answerAfterStall());
        assertEquals("<answer>(.*?)</answer>", d.answerPattern());
        assertEquals(List.of("<tool_call>", "<function_call>", "<function="), d.toolMarkup());
        assertEquals(6, d.abstentionPhrases().size());
        assertEquals(0.0, d.groundingMinSupport());
        assertEquals(1, d.groundingMinWords());
        assertEquals(0, d.minEvidenceSteps());
    }

    @Test
    void everySettingIsAnAliasInQualitySettingsAndRestartsTheClassifier() {
        for (Setting<?> setting : GroundedSettings.all()) {
            assertEquals(Reload.RESTART, setting.reload(), setting.key());
            assertEquals(
                    1,
                    QualitySettings.all().stream().filter(s -> s == setting).count(),
                    setting.key() + " is listed once, as the very same instance");
        }
        assertEquals("grounded", QualitySettings.CLASSIFIER_NAME.defaultValue());
    }

    @Test
    void readsResolvedSettings() {
        GroundedConfig config = GroundedConfig.from(Settings.of(Map.of(
                "engine.classifier.grounded.min_result_novelty", "0.3",
                "engine.classifier.grounded.stall_tolerance", 2,
                "engine.classifier.grounded.tool_markup", "<act>",
                "engine.classifier.grounded.abstention_phrases", " I Give Up ,, no idea ")));
        assertEquals(0.3, config.minResultNovelty());
        assertEquals(2, config.stallTolerance());
        assertEquals(List.of("<act>"), config.toolMarkup());
        assertEquals(List.of("i give up", "no idea"), config.abstentionPhrases(), "lower case, trimmed");
    }

    @Test
    void overridesUseTheKeySuffixes() {
        assertEquals("min_result_novelty", GroundedConfig.suffix(GroundedSettings.MIN_RESULT_NOVELTY));
        assertSame(GroundedConfig.DEFAULTS, GroundedConfig.DEFAULTS.withOverrides(PluginConfig.empty()));
        GroundedConfig off = GroundedConfig.DEFAULTS.withOverrides(
                PluginConfig.of(Map.of("tool_markup", "", "answer_after_stall", "false", "min_evidence_steps", "2")));
        assertEquals(List.of(), off.toolMarkup(), "empty switches the rule off");
        assertEquals(false, off.answerAfterStall());
        assertEquals(2, off.minEvidenceSteps());
    }

    @Test
    void rejectsOutOfRangeValuesWithTheParameterName() {
        assertEquals(
                "minResultNovelty must be in [0.0, 1.0], got -0.1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> GroundedConfig.DEFAULTS.withOverrides(
                                        PluginConfig.of(Map.of("min_result_novelty", "-0.1"))))
                        .getMessage());
        assertEquals(
                "nearDuplicateSimilarity must be in (0.0, 1.0], got 0.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> GroundedConfig.DEFAULTS.withOverrides(
                                        PluginConfig.of(Map.of("near_duplicate_similarity", "0"))))
                        .getMessage());
        assertEquals(
                "noveltyShingleWords must be in [1, 50], got 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> GroundedConfig.DEFAULTS.withOverrides(
                                        PluginConfig.of(Map.of("novelty_shingle_words", "0"))))
                        .getMessage());
        assertEquals(
                "engine.classifier.grounded.stall_tolerance must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> GroundedSettings.STALL_TOLERANCE.convert("-1"))
                        .getMessage());
    }

    @Test
    void splitListDropsBlanks() {
        assertEquals(List.of("a", "b c"), GroundedConfig.splitList(" a ,, b c ,"));
        assertEquals(List.of(), GroundedConfig.splitList(null));
        assertEquals(List.of(), GroundedConfig.splitList(" "));
    }
}
