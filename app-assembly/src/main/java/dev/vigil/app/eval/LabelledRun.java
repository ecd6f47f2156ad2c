package dev.vigil.app.eval;

import dev.vigil.spi.model.StepQuality;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One run's human step labels next to a classifier's labels, step by step.
 *
 * @param runId the run
 * @param labels the human label of each step, null where the step has none
 * @param predicted the classifier's label of each step, null where it gave no answer; same length as {@code labels}
 */
public record LabelledRun(String runId, List<StepQuality> labels, List<StepQuality> predicted) {

    /** Copies the lists (nulls allowed as elements) and requires equal lengths. */
    public LabelledRun {
        Objects.requireNonNull(runId, "runId must not be null");
        labels = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(labels, "labels")));
        predicted = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(predicted, "predicted")));
        if (labels.size() != predicted.size()) {
            throw new IllegalArgumentException("labels and predicted must have the same length, got " + labels.size()
                    + " and " + predicted.size());
        }
    }

    /** Whether any step carries a human label. */
    public boolean isLabelled() {
        return labels.stream().anyMatch(Objects::nonNull);
    }

    /** This run with every labelled step predicted as {@code quality} (a trivial baseline). */
    public LabelledRun constant(StepQuality quality) {
        List<StepQuality> constant = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            constant.add(quality);
        }
        return new LabelledRun(runId, labels, constant);
    }

    /**
     * The first labelled step whose label is INCORRECT in {@code qualities} (the human labels or the predictions),
     * considering only steps that carry a human label; -1 when there is none.
     */
    int firstIncorrect(List<StepQuality> qualities) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) != null && qualities.get(i) == StepQuality.INCORRECT) {
                return i;
            }
        }
        return -1;
    }
}
