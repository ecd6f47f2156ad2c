package dev.vigil.health.stagnation;

import static dev.vigil.health.stagnation.StructuralErosionTest.repeat;
import static dev.vigil.health.stagnation.StructuralErosionTest.turns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.CapturingLogs;
import dev.vigil.spi.model.StagnationReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.Turn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** examples.md §14, quality erosion detector (threshold 0.5, window 10, maxCorrections 1). */
class QualityErosionDetectorTest {

    private final QualityErosionDetector detector = new QualityErosionDetector(QualityErosionConfig.DEFAULTS, 1);
    private final List<Turn> eroding = turns("r:A", "r:A", "r+w:AB", "r+w:AB");

    @Test
    void erodingRunGetsACorrectivePromptFirst() {
        StagnationResult result = detector.check(eroding, 0);

        assertEquals(StagnationVerdict.INJECT_PROMPT, result.verdict());
        assertEquals(StagnationReason.QUALITY_EROSION, result.reason());
        assertEquals(0.0, result.repetitionRatio());
        assertNull(result.cycleLength());
        assertEquals(Map.of("erosion_score", 0.6000000000000001), result.details());
        assertTrue(result.correctiveMessage().contains("Erosion score: 0.60."), result.correctiveMessage());
    }

    @Test
    void thenTerminates() {
        StagnationResult result = detector.check(eroding, 1);

        assertEquals(StagnationVerdict.TERMINATE, result.verdict());
        assertEquals(StagnationReason.QUALITY_EROSION, result.reason());
        assertNull(result.correctiveMessage());
        assertEquals(Map.of("erosion_score", 0.6000000000000001), result.details());
    }

    @Test
    void thresholdIsInclusive() {
        StagnationResult result = detector.check(turns("r:A", "r:A", "r:B", "r:C"), 0);
        assertEquals(StagnationVerdict.INJECT_PROMPT, result.verdict());
        assertEquals(Map.of("erosion_score", 0.5), result.details());
    }

    @Test
    void plainRepetitionStaysBelowTheThreshold() {
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            assertSame(StagnationResult.NO_STAGNATION, detector.check(repeat("r:A", 19), 0));
            CapturingLogs.Event event =
                    logs.named("vigil.stagnation.check_performed").get(0);
            assertEquals(0.36000000000000004, event.field("erosion_score"));
            assertEquals("quality_erosion", event.field("detector"));
        }
    }

    @Test
    void maxCorrectionsIsHonoured() {
        // D8: the reference hard-coded one correction; the setting decides here.
        QualityErosionDetector patient = new QualityErosionDetector(QualityErosionConfig.DEFAULTS, 3);
        assertEquals(StagnationVerdict.INJECT_PROMPT, patient.check(eroding, 2).verdict());
        assertEquals(StagnationVerdict.TERMINATE, patient.check(eroding, 3).verdict());
        assertEquals(
                StagnationVerdict.TERMINATE,
                new QualityErosionDetector(QualityErosionConfig.DEFAULTS, 0)
                        .check(eroding, 0)
                        .verdict());
    }

    @Test
    void configurationErrorsAreLoggedThenThrown() {
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            assertEquals(
                    "threshold must be in [0.0, 1.0], got 1.5",
                    assertThrows(IllegalArgumentException.class, () -> new QualityErosionConfig(1.5, 10))
                            .getMessage());
            assertEquals(
                    "windowSize must be in [2, 50], got 1",
                    assertThrows(IllegalArgumentException.class, () -> new QualityErosionConfig(0.5, 1))
                            .getMessage());
            List<CapturingLogs.Event> errors = logs.named("vigil.stagnation.quality_erosion_config_error");
            assertEquals(2, errors.size());
            assertEquals("threshold", errors.get(0).field("field"));
            assertEquals("[2, 50]", errors.get(1).field("bounds"));
        }
    }

    @Test
    void factoryFollowsTheStrategy() {
        assertTrue(StagnationDetectors.create(
                        StagnationStrategy.OFF,
                        StagnationConfig.DEFAULTS,
                        QualityErosionConfig.DEFAULTS,
                        ErosionWeights.DEFAULTS)
                .isEmpty());
        assertEquals(
                "quality_erosion",
                StagnationDetectors.create(
                                StagnationStrategy.QUALITY_EROSION,
                                StagnationConfig.DEFAULTS,
                                QualityErosionConfig.DEFAULTS,
                                ErosionWeights.DEFAULTS)
                        .orElseThrow()
                        .type());
        assertEquals(
                "tool_repetition",
                StagnationDetectors.fromSettings(dev.vigil.spi.settings.Settings.defaults())
                        .orElseThrow()
                        .type());
        assertEquals(StagnationStrategy.QUALITY_EROSION, StagnationStrategy.fromWireName("quality_erosion"));
        assertEquals(
                "stagnationStrategy must be one of [off, tool_repetition, quality_erosion], got 'Off'",
                assertThrows(IllegalArgumentException.class, () -> StagnationStrategy.fromWireName("Off"))
                        .getMessage());
    }
}
