package dev.vigil.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.plugin.StepClassifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A trusted classifier run in the caller's thread answers exactly as when it runs guarded on an executor. */
class GuardedStepClassifierInCallerThreadTest {

    private final List<Turn> turns = List.of(Turn.builder(1, FinishReason.TOOL_USE)
            .toolCalls(List.of(ToolCall.of("search", Map.of("q", "x"))))
            .build());

    @Test
    void answersLikeTheExecutorGuardInTheCallersThread() throws InterruptedException {
        var executor = Executors.newCachedThreadPool();
        try {
            RuleBasedStepClassifier builtIn = new RuleBasedStepClassifier();
            Optional<StepQualitySignal> guarded = GuardedStepClassifier.of(builtIn, executor, 5.0)
                    .classify(0, turns, TerminationReason.COMPLETED, null);
            Thread[] ranOn = new Thread[1];
            StepClassifier recording = new StepClassifier() {
                @Override
                public String name() {
                    return builtIn.name();
                }

                @Override
                public StepQualitySignal classify(
                        int stepIndex,
                        List<Turn> stepTurns,
                        TerminationReason reason,
                        dev.vigil.spi.model.StagnationResult stagnation) {
                    ranOn[0] = Thread.currentThread();
                    return builtIn.classify(stepIndex, stepTurns, reason, stagnation);
                }
            };
            Optional<StepQualitySignal> direct = GuardedStepClassifier.inCallerThread(recording)
                    .classify(0, turns, TerminationReason.COMPLETED, null);

            assertEquals(guarded, direct);
            assertSame(Thread.currentThread(), ranOn[0]);
        } finally {
            executor.shutdown();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void needsNoExecutorAndHasNoTimeout() {
        GuardedStepClassifier direct = GuardedStepClassifier.inCallerThread(new RuleBasedStepClassifier());
        assertEquals(
                true,
                direct.classify(0, turns, TerminationReason.COMPLETED, null).isPresent());
        assertEquals(java.time.temporal.ChronoUnit.FOREVER.getDuration(), direct.callTimeout());
    }

    @Test
    void aThrowOrANullStillGivesNoSignal() {
        StepClassifier throwing = answering(() -> {
            throw new IllegalStateException("bug");
        });
        ClassificationOutcome outcome =
                GuardedStepClassifier.inCallerThread(throwing).attempt(0, turns, TerminationReason.COMPLETED, null);
        assertEquals(
                ClassificationOutcome.FailureKind.THREW,
                assertInstanceOf(ClassificationOutcome.Failed.class, outcome).kind());

        StepClassifier silent = answering(() -> null);
        assertEquals(
                Optional.empty(),
                GuardedStepClassifier.inCallerThread(silent).classify(0, turns, TerminationReason.COMPLETED, null));
    }

    @Test
    void anErrorPropagatesAndTheFallbackStillAnswers() {
        StepClassifier broken = answering(() -> {
            throw new AssertionError("fatal");
        });
        assertThrows(AssertionError.class, () -> GuardedStepClassifier.inCallerThread(broken)
                .classify(0, turns, TerminationReason.COMPLETED, null));

        StepClassifier silent = answering(() -> null);
        assertEquals(
                true,
                GuardedStepClassifier.inCallerThread(silent)
                        .withFallback(new RuleBasedStepClassifier())
                        .classify(0, turns, TerminationReason.COMPLETED, null)
                        .isPresent());
    }

    private static StepClassifier answering(java.util.function.Supplier<StepQualitySignal> answer) {
        return new StepClassifier() {
            @Override
            public String name() {
                return "stub";
            }

            @Override
            public StepQualitySignal classify(
                    int stepIndex,
                    List<Turn> stepTurns,
                    TerminationReason reason,
                    dev.vigil.spi.model.StagnationResult stagnation) {
                return answer.get();
            }
        };
    }
}
