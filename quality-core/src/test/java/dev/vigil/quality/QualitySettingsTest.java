package dev.vigil.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.quality.feedback.ScoredFeedbackConfig;
import dev.vigil.quality.verification.HeuristicGraderConfig;
import dev.vigil.quality.verification.VerificationConfig;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import dev.vigil.spi.settings.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** settings.md §2: every quality-core key, with its default, type and reload mode, in order. */
class QualitySettingsTest {

    @Test
    void declaresEverySettingInSpecOrderWithItsDefault() {
        List<String> expected = List.of(
                "engine.classifier.name=string='grounded'=restart",
                "engine.classifier.rule_matched_confidence=double=0.7=restart",
                "engine.classifier.fallback_confidence=double=0.5=restart",
                "engine.classifier.grounded.rule_confidence=double=0.7=restart",
                "engine.classifier.grounded.default_confidence=double=0.5=restart",
                "engine.classifier.grounded.min_result_novelty=double=0.5=restart",
                "engine.classifier.grounded.novelty_shingle_words=int=5=restart",
                "engine.classifier.grounded.near_duplicate_similarity=double=0.8=restart",
                "engine.classifier.grounded.stall_tolerance=int=1=restart",
                "engine.classifier.grounded.answer_after_stall=bool=true=restart",
                "engine.classifier.grounded.answer_pattern=string='<answer>(.*?)</answer>'=restart",
                "engine.classifier.grounded.tool_markup=string='<tool_call>,<function_call>,<function='=restart",
                "engine.classifier.grounded.abstention_phrases=string='unable to determine,cannot determine,cannot be"
                        + " determined,not enough information,insufficient information,no clear information'=restart",
                "engine.classifier.grounded.grounding_min_support=double=0.0=restart",
                "engine.classifier.grounded.grounding_min_words=int=1=restart",
                "engine.classifier.grounded.min_evidence_steps=int=0=restart",
                "engine.quality.weak_model_max_steps=int=2=live",
                "engine.quality.weak_model_min_accuracy=double=0.8=live",
                "engine.quality.prompt_token_ratio_warn=double=0.3=live",
                "engine.quality.heuristic.pass_threshold=double=0.5=live",
                "engine.quality.heuristic.pass_grade=double=0.8=live",
                "engine.quality.heuristic.fail_grade=double=0.3=live",
                "engine.quality.heuristic.confidence_ceiling=double=0.9=live",
                "engine.quality.heuristic.confidence_bias=double=0.1=live",
                "engine.quality.verification.decomposer=enum=identity=live",
                "engine.quality.verification.grader=enum=heuristic=live",
                "engine.quality.verification.min_confidence_override=double=unset=live",
                "client.scored_feedback.passing_score=double=0.5=live",
                "client.scored_feedback.strictness_multiplier=double=2.0=live",
                "client.scored_feedback.strictness_floor=double=0.1=live");

        List<String> actual = QualitySettings.all().stream()
                .map(s -> s.key() + "=" + s.type().name() + "=" + s.renderedDefault() + "="
                        + s.reload().wireName())
                .toList();

        assertEquals(expected, actual);
    }

    @Test
    void rangesRejectOutOfRangeValues() {
        assertEquals(
                "engine.classifier.rule_matched_confidence must be in [0.0, 1.0], got 1.5",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> QualitySettings.RULE_MATCHED_CONFIDENCE.convert("1.5"))
                        .getMessage());
        assertEquals(
                "engine.quality.weak_model_max_steps must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> QualitySettings.WEAK_MODEL_MAX_STEPS.convert("0"))
                        .getMessage());
        assertEquals(
                "client.scored_feedback.strictness_floor must be > 0.0, got 0.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> QualitySettings.FEEDBACK_STRICTNESS_FLOOR.convert(0.0))
                        .getMessage());
        assertEquals(
                "engine.quality.verification.grader must be one of [heuristic], got 'llm'",
                assertThrows(IllegalArgumentException.class, () -> QualitySettings.VERIFICATION_GRADER.convert("llm"))
                        .getMessage());
    }

    @Test
    void restartSettingsAreTheClassifierOnes() {
        List<String> restart = QualitySettings.all().stream()
                .filter(s -> s.reload() == Reload.RESTART)
                .map(Setting::key)
                .toList();
        List<String> expected = new java.util.ArrayList<>(List.of(
                "engine.classifier.name",
                "engine.classifier.rule_matched_confidence",
                "engine.classifier.fallback_confidence"));
        dev.vigil.quality.grounded.GroundedSettings.all().forEach(s -> expected.add(s.key()));
        assertEquals(expected, restart);
    }

    @Test
    void configRecordsReadTheirSettings() {
        Settings settings = Settings.of(Map.of(
                "engine.classifier.rule_matched_confidence", "0.9",
                "engine.quality.weak_model_max_steps", 4,
                "engine.quality.heuristic.confidence_bias", "0.2",
                "engine.quality.verification.min_confidence_override", "0.75",
                "client.scored_feedback.strictness_floor", 0.25));

        assertEquals(new ClassifierConfig(0.9, 0.5), ClassifierConfig.from(settings));
        assertEquals(new RunQualityConfig(4, 0.8, 0.3), RunQualityConfig.from(settings));
        assertEquals(new HeuristicGraderConfig(0.5, 0.8, 0.3, 0.9, 0.2), HeuristicGraderConfig.from(settings));
        assertEquals(new VerificationConfig("identity", "heuristic", 0.75), VerificationConfig.from(settings));
        assertEquals(new ScoredFeedbackConfig(0.5, 2.0, 0.25), ScoredFeedbackConfig.from(settings));
    }

    @Test
    void defaultsConstantsEqualTheSettingsDefaults() {
        assertEquals(new HeuristicGraderConfig(0.5, 0.8, 0.3, 0.9, 0.1), HeuristicGraderConfig.DEFAULTS);
        assertEquals(new ScoredFeedbackConfig(0.5, 2.0, 0.1), ScoredFeedbackConfig.DEFAULTS);
        assertEquals(new VerificationConfig("identity", "heuristic", null), VerificationConfig.DEFAULTS);
        assertNull(VerificationConfig.DEFAULTS.minConfidenceOverride());
    }
}
