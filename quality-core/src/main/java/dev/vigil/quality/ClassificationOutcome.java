package dev.vigil.quality;

import dev.vigil.quality.internal.Checks;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.WireEnum;
import java.util.Optional;

/**
 * What one guarded classifier call produced: a signal, or a failure that leaves the step without a signal. Returned by
 * {@link GuardedStepClassifier#attempt}, for callers (and tests) that want to see why a step has no signal.
 */
public sealed interface ClassificationOutcome {

    /** The signal, when the classifier answered. */
    Optional<StepQualitySignal> signal();

    /** The classifier answered with a signal. */
    record Answered(StepQualitySignal value) implements ClassificationOutcome {
        public Answered {
            Checks.required(value, "value");
        }

        @Override
        public Optional<StepQualitySignal> signal() {
            return Optional.of(value);
        }
    }

    /**
     * The classifier gave no answer; logged as {@code vigil.quality.step_classification_failed}.
     *
     * @param classifier the classifier's name
     * @param stepIndex the step that has no signal
     * @param kind why there is no answer
     * @param errorType the exception class name for {@link FailureKind#THREW}, else the kind's wire name
     * @param error a one-line description
     */
    record Failed(String classifier, int stepIndex, FailureKind kind, String errorType, String error)
            implements ClassificationOutcome {
        public Failed {
            Checks.required(classifier, "classifier");
            Checks.required(kind, "kind");
            Checks.required(errorType, "errorType");
            Checks.required(error, "error");
        }

        @Override
        public Optional<StepQualitySignal> signal() {
            return Optional.empty();
        }
    }

    /** Why a classifier call gave no answer. */
    enum FailureKind implements WireEnum {
        /** The classifier threw a RuntimeException (or a checked exception). */
        THREW("threw"),
        /** The classifier did not answer within the call timeout. */
        TIMEOUT("timeout"),
        /** The classifier returned null. */
        NULL_RESULT("null_result"),
        /** The executor refused the call, or the calling thread was interrupted while waiting. */
        NOT_RUN("not_run");

        private final String wireName;

        FailureKind(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }
}
