package dev.vigil.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real run: SWE-agent (GPT-4) fixing pydicom issue 1458. Step indices are 0-based, as in the traces README and as
 * {@code Step.stepIndex} counts: steps 5, 6 and 7 are three {@code edit} calls rejected with E999 SyntaxError, and step
 * 8 is the edit that finally applies. The classifier must see the failures and the recovery.
 */
class SweAgentTraceTest {

    private static final Path TRACE = Path.of("..", "..", "shared", "traces", "swe-agent-gpt4-pydicom-1458.traj");

    private static Run run;

    @BeforeAll
    static void readTrace() throws IOException {
        assertTrue(Files.isReadable(TRACE), "trace not found at " + TRACE.toAbsolutePath());
        run = SweAgentTrajectoryReader.read(TRACE);
    }

    private static List<StepQualitySignal> classifyAll() {
        RuleBasedStepClassifier classifier = new RuleBasedStepClassifier();
        List<StepQualitySignal> signals = new ArrayList<>();
        for (Step step : run.steps()) {
            signals.add(classifier.classify(step.stepIndex(), step.turns(), step.terminationReason(), null));
        }
        return signals;
    }

    @Test
    void readerMapsOneEntryToOneStep() {
        assertEquals(12, run.steps().size());
        assertEquals("edit", run.steps().get(5).turns().get(0).toolCallNames().get(0));
    }

    @Test
    void failedEditsAreIncorrectAndTheRecoveryIsCorrect() {
        List<StepQualitySignal> signals = classifyAll();

        for (int failed = 5; failed <= 7; failed++) {
            StepQualitySignal signal = signals.get(failed);
            assertEquals(StepQuality.INCORRECT, signal.quality(), "step " + failed);
            assertEquals(RuleBasedStepClassifier.REASON_FINAL_TURN_ERROR, signal.reason());
            assertEquals(0.7, signal.confidence());
            assertEquals(failed, signal.stepIndex());
            assertEquals(failed + 1, signal.turnRange().start());
        }
        StepQualitySignal recovery = signals.get(8);
        assertEquals(StepQuality.CORRECT, recovery.quality());
        assertEquals(RuleBasedStepClassifier.REASON_TOOL_PROGRESS, recovery.reason());
    }

    @Test
    void everyOtherStepMadeProgress() {
        List<StepQualitySignal> signals = classifyAll();

        for (StepQualitySignal signal : signals) {
            int i = signal.stepIndex();
            StepQuality expected = i >= 5 && i <= 7 ? StepQuality.INCORRECT : StepQuality.CORRECT;
            assertEquals(expected, signal.quality(), "step " + i);
        }
    }

    @Test
    void runFiguresThroughTheGuard() throws InterruptedException {
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            GuardedStepClassifier guarded = GuardedStepClassifier.of(new RuleBasedStepClassifier(), executor, 5.0);
            List<StepQualitySignal> signals = new ArrayList<>();
            for (Step step : run.steps()) {
                guarded.classify(step, null).ifPresent(signals::add);
            }

            AccuracyEffortRatio ratio = AccuracyEffortRatio.compute(signals, run.expectedSteps());
            TaskCompletionMetrics metrics = TaskCompletionMetrics.of(run, ratio);

            assertEquals(new AccuracyEffortRatio(1.0, 9, 0, 3, 12), ratio);
            assertEquals(0.75, ratio.ratio());
            assertEquals(false, ratio.weakModelTrap(RunQualityConfig.DEFAULTS).triggered());
            assertEquals(12, metrics.turnsPerTask());
            assertEquals(0.75, metrics.accuracyEffortRatio());
        } finally {
            executor.shutdownNow();
        }
    }
}
