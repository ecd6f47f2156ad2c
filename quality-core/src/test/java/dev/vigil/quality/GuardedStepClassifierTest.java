package dev.vigil.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.quality.ClassificationOutcome.Failed;
import dev.vigil.quality.ClassificationOutcome.FailureKind;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.model.TurnRange;
import dev.vigil.spi.plugin.StepClassifier;
import dev.vigil.spi.plugin.StepContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** F9 / quality.md §1.1: a plugin classifier that throws, hangs or returns null gives no signal and is reported. */
class GuardedStepClassifierTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Turn> turns = List.of(Fixtures.toolTurn(1, FinishReason.TOOL_USE));

    @AfterEach
    void shutdown() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
    }

    /** A classifier whose behaviour is a lambda. */
    interface Behaviour {
        StepQualitySignal classify(int stepIndex) throws Exception;
    }

    static StepClassifier stub(String name, Behaviour behaviour) {
        return new StepClassifier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StepQualitySignal classify(
                    int stepIndex, List<Turn> turns, TerminationReason reason, StagnationResult stagnation) {
                try {
                    return behaviour.classify(stepIndex);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw sneaky(e);
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    private GuardedStepClassifier guard(StepClassifier classifier) {
        return GuardedStepClassifier.of(classifier, executor, 0.3);
    }

    @Test
    void answeringClassifierPassesItsSignalThrough() {
        StepQualitySignal expected = Fixtures.signal(StepQuality.CORRECT, 3);
        GuardedStepClassifier guarded = guard(stub("good", i -> expected));

        assertEquals(Optional.of(expected), guarded.classify(3, turns, TerminationReason.COMPLETED, null));
    }

    @Test
    void throwingClassifierGivesNoSignal() {
        GuardedStepClassifier guarded = guard(stub("boom", i -> {
            throw new IllegalStateException("kaput");
        }));

        ClassificationOutcome outcome = guarded.attempt(2, turns, TerminationReason.COMPLETED, null);

        Failed failed = assertInstanceOf(Failed.class, outcome);
        assertEquals(new Failed("boom", 2, FailureKind.THREW, "java.lang.IllegalStateException", "kaput"), failed);
        assertEquals(Optional.empty(), guarded.classify(2, turns, TerminationReason.COMPLETED, null));
    }

    @Test
    void checkedExceptionIsAlsoIsolated() {
        GuardedStepClassifier guarded = guard(stub("checked", i -> {
            throw new java.io.IOException("disk");
        }));

        Failed failed = assertInstanceOf(Failed.class, guarded.attempt(0, turns, TerminationReason.COMPLETED, null));
        assertEquals(FailureKind.THREW, failed.kind());
        assertEquals("java.io.IOException", failed.errorType());
    }

    @Test
    void nullAnswerGivesNoSignal() {
        GuardedStepClassifier guarded = guard(stub("silent", i -> null));

        Failed failed = assertInstanceOf(Failed.class, guarded.attempt(1, turns, TerminationReason.COMPLETED, null));
        assertEquals(FailureKind.NULL_RESULT, failed.kind());
        assertEquals("null_result", failed.errorType());
        assertEquals(Optional.empty(), guarded.classify(1, turns, TerminationReason.COMPLETED, null));
    }

    @Test
    void hangingClassifierTimesOutAndIsInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        GuardedStepClassifier guarded = guard(stub("slow", i -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return null;
        }));

        long start = System.nanoTime();
        ClassificationOutcome outcome = guarded.attempt(4, turns, TerminationReason.COMPLETED, null);
        double seconds = (System.nanoTime() - start) / 1e9;

        Failed failed = assertInstanceOf(Failed.class, outcome);
        assertEquals(FailureKind.TIMEOUT, failed.kind());
        assertEquals("timeout", failed.errorType());
        assertEquals("classifier did not answer within 0.3 s", failed.error());
        assertTrue(seconds < 5.0, "returned after " + seconds + " s");
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the hanging call was cancelled");
    }

    @Test
    void errorPropagates() {
        GuardedStepClassifier guarded = guard(stub("oom", i -> {
            throw new OutOfMemoryError("simulated");
        }));

        OutOfMemoryError e = assertThrows(
                OutOfMemoryError.class, () -> guarded.classify(0, turns, TerminationReason.COMPLETED, null));
        assertEquals("simulated", e.getMessage());
    }

    @Test
    void rejectedExecutionGivesNoSignal() {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        GuardedStepClassifier guarded =
                new GuardedStepClassifier(new RuleBasedStepClassifier(), closed, Duration.ofSeconds(1));

        Failed failed = assertInstanceOf(Failed.class, guarded.attempt(0, turns, TerminationReason.COMPLETED, null));
        assertEquals(FailureKind.NOT_RUN, failed.kind());
    }

    @Test
    void fallbackAnswersWhenThePluginDoesNot() {
        GuardedStepClassifier guarded = guard(stub("boom", i -> {
                    throw new IllegalStateException("kaput");
                }))
                .withFallback(new RuleBasedStepClassifier());

        Optional<StepQualitySignal> signal = guarded.classify(0, turns, TerminationReason.COMPLETED, null);

        assertEquals(StepQuality.CORRECT, signal.orElseThrow().quality());
        assertEquals(
                RuleBasedStepClassifier.REASON_TOOL_PROGRESS,
                signal.orElseThrow().reason());
    }

    @Test
    void guardedBuiltInClassifiesAStep() {
        GuardedStepClassifier guarded = guard(new RuleBasedStepClassifier());
        Step step = new Step(0, turns, TerminationReason.COMPLETED);

        assertEquals(
                StepQuality.CORRECT, guarded.classify(step, null).orElseThrow().quality());
        assertEquals("rule_based", guarded.classifierName());
    }

    @Test
    void misbehavingNameFallsBackToClassName() {
        StepClassifier nameless = new StepClassifier() {
            @Override
            public String name() {
                throw new UnsupportedOperationException("no name");
            }

            @Override
            public StepQualitySignal classify(
                    int stepIndex, List<Turn> turns, TerminationReason reason, StagnationResult stagnation) {
                return null;
            }
        };

        GuardedStepClassifier guarded = guard(nameless);

        assertEquals(nameless.getClass().getName(), guarded.classifierName());
        assertFalse(
                guarded.classify(0, turns, TerminationReason.COMPLETED, null).isPresent());
    }

    @Test
    void timeoutMustBePositive() {
        StepClassifier classifier = new RuleBasedStepClassifier();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GuardedStepClassifier.of(classifier, executor, 0.0));
        assertEquals("callTimeoutSeconds must be > 0, got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GuardedStepClassifier.of(classifier, executor, Double.NaN));
        assertThrows(
                IllegalArgumentException.class, () -> new GuardedStepClassifier(classifier, executor, Duration.ZERO));
        assertEquals(
                Duration.ofSeconds(5),
                GuardedStepClassifier.of(classifier, executor, 5.0).callTimeout());
    }

    @Test
    void contextReachesAClassifierThatAsksForItAndTheBuiltInStillAnswers() {
        Step first = new Step(
                0,
                List.of(dev.vigil.spi.model.Turn.builder(1, FinishReason.TOOL_USE)
                        .build()),
                TerminationReason.COMPLETED);
        Step second = new Step(
                1,
                List.of(dev.vigil.spi.model.Turn.builder(2, FinishReason.STOP).build()),
                TerminationReason.COMPLETED);
        StepContext context =
                new StepContext("run-1", "task-1", Map.of("task_prompt", "q"), List.of(first), second, null);
        StepClassifier historyAware = new StepClassifier() {
            @Override
            public String name() {
                return "history";
            }

            @Override
            public StepQualitySignal classify(
                    int stepIndex,
                    List<dev.vigil.spi.model.Turn> turns,
                    TerminationReason reason,
                    StagnationResult stagnation) {
                throw new AssertionError("the host calls the context method");
            }

            @Override
            public StepQualitySignal classify(StepContext ctx) {
                return new StepQualitySignal(
                        StepQuality.NEUTRAL,
                        0.5,
                        ctx.previousSteps().size() + " earlier steps",
                        ctx.step().stepIndex(),
                        new TurnRange(1, 1));
            }
        };
        assertEquals(
                "1 earlier steps",
                GuardedStepClassifier.of(historyAware, executor, 1.0)
                        .classify(context)
                        .orElseThrow()
                        .reason());
        // A classifier written against the four-argument method still answers through the default.
        assertEquals(
                StepQuality.NEUTRAL,
                GuardedStepClassifier.of(new RuleBasedStepClassifier(), executor, 1.0)
                        .classify(context)
                        .orElseThrow()
                        .quality());
    }
}
