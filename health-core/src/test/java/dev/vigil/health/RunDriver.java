package dev.vigil.health;

import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.plugin.StepClassifier;
import java.util.ArrayList;
import java.util.List;

/** Drives one run through the per-run sequence of the package documentation, as the assembly does. */
public final class RunDriver {

    /** What happened at one step. */
    public record StepTrace(
            int stepIndex, StagnationResult stagnation, StepQualitySignal signal, List<EscalationTicket> tickets) {}

    /** The whole run: per-step traces and the end-of-run tickets. */
    public record RunTrace(List<StepTrace> steps, List<EscalationTicket> endTickets, List<EscalationTicket> all) {}

    private RunDriver() {}

    /** Steps -> detector -> classifier -> judge/triage/pipeline -> end-of-run judgement. */
    public static RunTrace drive(
            Run run, RunMonitorConfig config, HealthMonitoringPipeline pipeline, StepClassifier classifier) {
        RunHealthMonitor monitor = RunHealthMonitor.start(run, config, pipeline);
        List<StepTrace> steps = new ArrayList<>();
        for (Step step : run.steps()) {
            int i = step.stepIndex();
            RunHealthMonitor.StepOutcome outcome = monitor.observeStep(
                    step,
                    (s, stagnation) -> classifier.classify(i, s.turns(), s.terminationReason(), stagnation),
                    run.elapsedSecondsAtEndOf(i));
            steps.add(new StepTrace(i, outcome.stagnation(), outcome.signal(), outcome.tickets()));
        }
        List<EscalationTicket> end =
                monitor.complete(run.terminationReason(), run.recoveryApplied(), run.durationSeconds());
        return new RunTrace(steps, end, monitor.escalatedTickets());
    }
}
