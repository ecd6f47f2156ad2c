package dev.vigil.app.eval;

import dev.vigil.spi.model.StepQuality;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How well predicted step labels agree with human labels (issue 12), over the steps that carry a human label.
 *
 * <ul>
 *   <li><b>StepAcc</b>: the share of labelled steps whose predicted label equals the human label (a step the
 *       classifier gave no answer for counts as a miss).
 *   <li><b>FirstErrAcc</b>: over runs with at least one labelled step, the share whose first INCORRECT step is
 *       predicted at the same step, or whose absence of INCORRECT steps is predicted too.
 *   <li>Per class: precision (of the steps predicted as the class, the share labelled so), recall (of the steps
 *       labelled as the class, the share predicted so) and F1 (their harmonic mean); null when undefined (0/0).
 *   <li>The confusion matrix: human label × predicted label (or none).
 * </ul>
 *
 * @param runs runs with at least one labelled step
 * @param labelledSteps steps with a human label
 * @param matchingSteps labelled steps predicted with the same label
 * @param firstErrorHits runs whose first INCORRECT step (or its absence) is predicted exactly
 * @param perClass precision, recall and F1 of each class
 * @param confusion counts of human label × predicted label
 */
public record StepScores(
        int runs,
        int labelledSteps,
        int matchingSteps,
        int firstErrorHits,
        Map<StepQuality, ClassScores> perClass,
        ConfusionMatrix confusion) {

    /** Copies the per-class map. */
    public StepScores {
        perClass = Map.copyOf(perClass);
    }

    /**
     * One class's figures.
     *
     * @param truePositives steps labelled and predicted as the class
     * @param predicted steps predicted as the class
     * @param actual steps labelled as the class
     */
    public record ClassScores(int truePositives, int predicted, int actual) {

        /** TP / predicted, or null when nothing was predicted as the class. */
        public Double precision() {
            return predicted == 0 ? null : truePositives / (double) predicted;
        }

        /** TP / actual, or null when no step is labelled as the class. */
        public Double recall() {
            return actual == 0 ? null : truePositives / (double) actual;
        }

        /** 2PR / (P + R), 0.0 when both are 0, null when either is undefined. */
        public Double f1() {
            Double p = precision();
            Double r = recall();
            if (p == null || r == null) {
                return null;
            }
            return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    /** The scores of {@code runs}; runs without any labelled step are left out. */
    public static StepScores of(List<LabelledRun> runs) {
        ConfusionMatrix confusion = new ConfusionMatrix();
        int judged = 0;
        int labelled = 0;
        int matching = 0;
        int firstErrorHits = 0;
        for (LabelledRun run : runs) {
            if (!run.isLabelled()) {
                continue;
            }
            judged++;
            for (int i = 0; i < run.labels().size(); i++) {
                StepQuality label = run.labels().get(i);
                if (label == null) {
                    continue;
                }
                StepQuality predicted = run.predicted().get(i);
                labelled++;
                if (label == predicted) {
                    matching++;
                }
                confusion.add(label, predicted);
            }
            if (run.firstIncorrect(run.labels()) == run.firstIncorrect(run.predicted())) {
                firstErrorHits++;
            }
        }
        Map<StepQuality, ClassScores> perClass = new EnumMap<>(StepQuality.class);
        for (StepQuality quality : StepQuality.values()) {
            int predicted = 0;
            int actual = 0;
            for (StepQuality other : StepQuality.values()) {
                predicted += confusion.count(other, quality);
                actual += confusion.count(quality, other);
            }
            actual += confusion.count(quality, null);
            perClass.put(quality, new ClassScores(confusion.count(quality, quality), predicted, actual));
        }
        return new StepScores(judged, labelled, matching, firstErrorHits, perClass, confusion);
    }

    /** StepAcc: matching / labelled steps, or NaN without labelled steps. */
    public double stepAccuracy() {
        return labelledSteps == 0 ? Double.NaN : matchingSteps / (double) labelledSteps;
    }

    /** FirstErrAcc: first-error hits / runs, or NaN without runs. */
    public double firstErrorAccuracy() {
        return runs == 0 ? Double.NaN : firstErrorHits / (double) runs;
    }
}
