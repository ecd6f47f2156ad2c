package dev.vigil.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.StepQualitySignal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §4 (first tables) and quality.md §2. */
class AccuracyEffortRatioTest {

    @ParameterizedTest(name = "{0} expected {1}")
    @CsvSource({
        "CCC, 0, 1.0, 1.0, 1.0, false",
        "III, 0, 0.0, 1.0, 0.0, false",
        "NNN, 0, 0.0, 1.0, 0.0, false",
        "CCNI, 0, 0.5, 1.0, 0.5, false",
        "CCCCCC, 3, 1.0, 2.0, 0.5, false",
        "CCC, -1, 1.0, 1.0, 1.0, false",
        "C, 5, 1.0, 0.2, 5.0, true",
        "CC, 0, 1.0, 1.0, 1.0, true",
        "CI, 0, 0.5, 1.0, 0.5, false"
    })
    void examplesTableRow(
            String labels, int expectedSteps, double accuracy, double effort, double ratio, boolean weakModel) {
        AccuracyEffortRatio result = AccuracyEffortRatio.compute(Fixtures.signals(labels), expectedSteps);

        assertEquals(accuracy, result.accuracy());
        assertEquals(effort, result.effort());
        assertEquals(ratio, result.ratio());
        assertEquals(labels.length(), result.totalSteps());
        WeakModelTrap trap = WeakModelTrap.check(result, RunQualityConfig.DEFAULTS);
        assertEquals(weakModel, trap.triggered());
        assertEquals(weakModel, result.weakModelTrap(RunQualityConfig.DEFAULTS).triggered());
        assertEquals(weakModel ? WeakModelTrap.DETAIL : null, trap.detail());
    }

    @Test
    void countsEachQuality() {
        AccuracyEffortRatio result = AccuracyEffortRatio.compute(Fixtures.signals("CCNIIN"), 0);

        assertEquals(new AccuracyEffortRatio(1.0, 2, 2, 2, 6), result);
    }

    @Test
    void emptySignalsAreRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> AccuracyEffortRatio.compute(List.of(), 0));
        assertEquals("Cannot compute accuracy-effort ratio from empty signals", e.getMessage());
    }

    @Test
    void nullSignalIsRejected() {
        List<StepQualitySignal> signals = new ArrayList<>(Fixtures.signals("C"));
        signals.add(null);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> AccuracyEffortRatio.compute(signals, 0));
        assertEquals("signals must not contain null", e.getMessage());
    }

    @Test
    void countsMustSumToTotal() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new AccuracyEffortRatio(1.0, 2, 1, 1, 5));
        assertEquals("Step counts (2 + 1 + 1 = 4) do not sum to totalSteps (5)", e.getMessage());
    }

    @Test
    void componentRangesAreChecked() {
        assertEquals(
                "effort must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new AccuracyEffortRatio(0.0, 1, 0, 0, 1))
                        .getMessage());
        assertEquals(
                "effort must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new AccuracyEffortRatio(Double.NaN, 1, 0, 0, 1))
                        .getMessage());
        assertEquals(
                "correctSteps must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new AccuracyEffortRatio(1.0, -1, 1, 1, 1))
                        .getMessage());
        assertEquals(
                "totalSteps must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> new AccuracyEffortRatio(1.0, 0, 0, 0, 0))
                        .getMessage());
    }

    @Test
    void trapUsesItsSettings() {
        AccuracyEffortRatio threeCorrect = AccuracyEffortRatio.compute(Fixtures.signals("CCC"), 0);
        AccuracyEffortRatio mostlyCorrect = AccuracyEffortRatio.compute(Fixtures.signals("CCCI"), 0);

        assertTrue(WeakModelTrap.check(threeCorrect, new RunQualityConfig(3, 0.8, 0.3))
                .triggered());
        assertFalse(WeakModelTrap.check(threeCorrect, new RunQualityConfig(2, 0.8, 0.3))
                .triggered());
        assertTrue(
                WeakModelTrap.check(mostlyCorrect, new RunQualityConfig(4, 0.75, 0.3))
                        .triggered(),
                "inclusive");
        assertFalse(WeakModelTrap.check(mostlyCorrect, new RunQualityConfig(4, 0.76, 0.3))
                .triggered());
    }

    @Test
    void trapDoesNotChangeTheResult() {
        AccuracyEffortRatio withTrap = AccuracyEffortRatio.compute(Fixtures.signals("C"), 0, RunQualityConfig.DEFAULTS);
        AccuracyEffortRatio withoutTrap =
                AccuracyEffortRatio.compute(Fixtures.signals("C"), 0, new RunQualityConfig(1, 1.0, 0.3));

        assertEquals(withTrap, withoutTrap);
        WeakModelTrap trap = WeakModelTrap.check(withTrap, RunQualityConfig.DEFAULTS);
        assertEquals(new WeakModelTrap(true, 1.0, 1), trap);
        assertEquals(
                "High accuracy with very few steps -- model may be terminating early rather than being genuinely"
                        + " efficient",
                trap.detail());
    }

    @Test
    void untriggeredTrapHasNoDetail() {
        assertNull(WeakModelTrap.check(AccuracyEffortRatio.compute(Fixtures.signals("I"), 0), RunQualityConfig.DEFAULTS)
                .detail());
    }

    @Test
    void runQualityConfigDefaultsAndValidation() {
        assertEquals(new RunQualityConfig(2, 0.8, 0.3), RunQualityConfig.DEFAULTS);
        assertEquals(
                "weakModelMaxSteps must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new RunQualityConfig(0, 0.8, 0.3))
                        .getMessage());
        assertEquals(
                "weakModelMinAccuracy must be in [0.0, 1.0], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new RunQualityConfig(2, 1.5, 0.3))
                        .getMessage());
        assertEquals(
                "promptTokenRatioWarn must be in [0.0, 1.0], got -0.1",
                assertThrows(IllegalArgumentException.class, () -> new RunQualityConfig(2, 0.8, -0.1))
                        .getMessage());
    }
}
