package dev.vigil.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.StepQuality;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** StepAcc, FirstErrAcc, per-class figures and the confusion matrix on small runs with known answers. */
class StepScoresTest {

    static final StepQuality C = StepQuality.CORRECT;
    static final StepQuality N = StepQuality.NEUTRAL;
    static final StepQuality I = StepQuality.INCORRECT;

    static LabelledRun run(String id, List<StepQuality> labels, List<StepQuality> predicted) {
        return new LabelledRun(id, labels, predicted);
    }

    static List<StepQuality> q(StepQuality... qualities) {
        return Arrays.asList(qualities); // allows nulls
    }

    /*
     * Run a: human C C I, predicted C I I  -> 2 of 3 match; first error human 2, predicted 1: miss.
     * Run b: human C N,   predicted C C    -> 1 of 2 match; no error either side: hit.
     * Run c: human I C,   predicted I null -> 1 of 2 match (no answer is a miss); first error 0 = 0: hit.
     * Run d: no labels at all              -> left out.
     */
    final List<LabelledRun> runs = List.of(
            run("a", q(C, C, I), q(C, I, I)),
            run("b", q(C, N), q(C, C)),
            run("c", q(I, C), q(I, null)),
            run("d", q(null, null), q(C, I)));

    @Test
    void stepAccuracyCountsLabelledStepsOnly() {
        StepScores scores = StepScores.of(runs);
        assertEquals(7, scores.labelledSteps());
        assertEquals(4, scores.matchingSteps());
        assertEquals(4 / 7.0, scores.stepAccuracy(), 1e-12);
    }

    @Test
    void firstErrorAccuracyNeedsTheExactStepOrTheCorrectAbsence() {
        StepScores scores = StepScores.of(runs);
        assertEquals(3, scores.runs(), "the unlabelled run is left out");
        assertEquals(2, scores.firstErrorHits());
        assertEquals(2 / 3.0, scores.firstErrorAccuracy(), 1e-12);
    }

    @Test
    void firstErrorIgnoresPredictionsOnUnlabelledSteps() {
        // Step 0 has no human label: the predicted INCORRECT there does not count as the first error.
        StepScores scores = StepScores.of(List.of(run("x", q(null, C, I), q(I, C, I))));
        assertEquals(1, scores.firstErrorHits());
        assertEquals(1.0, scores.stepAccuracy());
    }

    @Test
    void confusionMatrixRowsAreHumanLabels() {
        ConfusionMatrix m = StepScores.of(runs).confusion();
        assertEquals(2, m.count(C, C)); // a0, b0
        assertEquals(1, m.count(C, I)); // a1
        assertEquals(1, m.count(C, null)); // c1
        assertEquals(1, m.count(N, C));
        assertEquals(2, m.count(I, I));
        assertEquals(0, m.count(I, C));
    }

    @Test
    void perClassPrecisionRecallAndF1() {
        StepScores scores = StepScores.of(runs);
        StepScores.ClassScores incorrect = scores.perClass().get(I);
        assertEquals(2, incorrect.truePositives());
        assertEquals(3, incorrect.predicted());
        assertEquals(2, incorrect.actual());
        assertEquals(2 / 3.0, incorrect.precision(), 1e-12);
        assertEquals(1.0, incorrect.recall(), 1e-12);
        assertEquals(0.8, incorrect.f1(), 1e-12);

        StepScores.ClassScores correct = scores.perClass().get(C);
        assertEquals(2, correct.truePositives());
        assertEquals(3, correct.predicted(), "a0, b0 and b1");
        assertEquals(4, correct.actual(), "c1, with no answer, still counts as labelled CORRECT");
        assertEquals(2 / 3.0, correct.precision(), 1e-12);
        assertEquals(0.5, correct.recall(), 1e-12);
        assertEquals(4 / 7.0, correct.f1(), 1e-12);

        StepScores.ClassScores neutral = scores.perClass().get(N);
        assertNull(neutral.precision(), "nothing predicted NEUTRAL: 0/0");
        assertEquals(0.0, neutral.recall());
        assertNull(neutral.f1());
    }

    @Test
    void theAllCorrectBaselineNeverFindsAnError() {
        StepEvaluation evaluation = StepEvaluation.of("x", 4, runs, List.of());
        assertEquals(4 / 7.0, evaluation.allCorrect().stepAccuracy(), 1e-12, "4 of the 7 labels are CORRECT");
        assertEquals(1 / 3.0, evaluation.allCorrect().firstErrorAccuracy(), 1e-12, "only run b has no error");
    }

    @Test
    void noRunsGiveUndefinedFigures() {
        StepScores scores = StepScores.of(List.of());
        assertTrue(Double.isNaN(scores.stepAccuracy()));
        assertTrue(Double.isNaN(scores.firstErrorAccuracy()));
        assertEquals("-", EvalReports.percent(scores.stepAccuracy()));
    }

    @Test
    void labelsAndPredictionsMustAlign() {
        assertThrows(IllegalArgumentException.class, () -> run("x", q(C), q(C, C)));
    }

    @Property
    void figuresStayBetweenZeroAndOne(@ForAll @Size(max = 12) List<@Size(max = 15) List<Integer>> raw) {
        List<LabelledRun> generated = new ArrayList<>();
        for (List<Integer> codes : raw) {
            List<StepQuality> labels = new ArrayList<>();
            List<StepQuality> predicted = new ArrayList<>();
            for (Integer code : codes) {
                int c = code == null ? 0 : Math.floorMod(code, 16);
                labels.add(c % 4 == 3 ? null : StepQuality.values()[c % 4]);
                predicted.add(c / 4 == 3 ? null : StepQuality.values()[c / 4]);
            }
            generated.add(new LabelledRun("r", labels, predicted));
        }
        StepScores scores = StepScores.of(generated);
        if (scores.labelledSteps() > 0) {
            assertTrue(scores.stepAccuracy() >= 0.0 && scores.stepAccuracy() <= 1.0);
            assertTrue(scores.firstErrorAccuracy() >= 0.0 && scores.firstErrorAccuracy() <= 1.0);
        }
        int total = 0;
        for (StepQuality actual : StepQuality.values()) {
            for (StepQuality predicted : StepQuality.values()) {
                total += scores.confusion().count(actual, predicted);
            }
            total += scores.confusion().count(actual, null);
        }
        assertEquals(scores.labelledSteps(), total, "every labelled step is in exactly one cell");
        LabelledRun perfect = null;
        for (LabelledRun run : generated) {
            perfect = new LabelledRun("p", run.labels(), run.labels());
            if (perfect.isLabelled()) {
                assertEquals(1.0, StepScores.of(List.of(perfect)).stepAccuracy());
                assertEquals(1.0, StepScores.of(List.of(perfect)).firstErrorAccuracy());
            }
        }
    }
}
