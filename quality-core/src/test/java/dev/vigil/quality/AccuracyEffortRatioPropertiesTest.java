package dev.vigil.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** quality.md §2 properties, over random lists of 1-20 qualities and hostile expected-step counts. */
class AccuracyEffortRatioPropertiesTest {

    private static List<StepQualitySignal> signals(List<StepQuality> qualities) {
        List<StepQualitySignal> out = new ArrayList<>();
        for (int i = 0; i < qualities.size(); i++) {
            out.add(Fixtures.signal(qualities.get(i), i));
        }
        return out;
    }

    @Property(tries = 500)
    void figuresStayInTheirDocumentedRanges(
            @ForAll @Size(min = 1, max = 20) List<StepQuality> qualities, @ForAll int expectedSteps) {
        AccuracyEffortRatio result = AccuracyEffortRatio.compute(signals(qualities), expectedSteps);

        assertTrue(result.accuracy() >= 0.0 && result.accuracy() <= 1.0, "accuracy " + result.accuracy());
        assertTrue(result.effort() > 0.0 && Double.isFinite(result.effort()), "effort " + result.effort());
        assertTrue(result.ratio() >= 0.0 && Double.isFinite(result.ratio()), "ratio " + result.ratio());
        assertFalse(Double.isNaN(result.ratio()));
        assertEquals(qualities.size(), result.correctSteps() + result.neutralSteps() + result.incorrectSteps());
        assertEquals(qualities.size(), result.totalSteps());
    }

    @Property(tries = 300)
    void effortIsPositiveForKnownExpectedSteps(
            @ForAll @Size(min = 1, max = 20) List<StepQuality> qualities,
            @ForAll @IntRange(min = 1, max = 50) int expectedSteps) {
        AccuracyEffortRatio result = AccuracyEffortRatio.compute(signals(qualities), expectedSteps);

        assertEquals(qualities.size() / (double) expectedSteps, result.effort());
        assertTrue(result.effort() > 0.0);
    }

    @Property(tries = 300)
    void appendingACorrectSignalNeverLowersAccuracy(
            @ForAll @Size(min = 1, max = 20) List<StepQuality> qualities, @ForAll int expectedSteps) {
        List<StepQuality> extended = new ArrayList<>(qualities);
        extended.add(StepQuality.CORRECT);

        double before =
                AccuracyEffortRatio.compute(signals(qualities), expectedSteps).accuracy();
        double after =
                AccuracyEffortRatio.compute(signals(extended), expectedSteps).accuracy();

        assertTrue(after >= before, before + " -> " + after);
    }
}
