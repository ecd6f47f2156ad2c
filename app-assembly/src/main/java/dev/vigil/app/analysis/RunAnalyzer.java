package dev.vigil.app.analysis;

import dev.vigil.app.ingest.TraceRecord;
import dev.vigil.health.HealthJudge;
import dev.vigil.health.HealthMonitoringPipeline;
import dev.vigil.health.HealthSettings;
import dev.vigil.health.JudgeConfig;
import dev.vigil.health.RunHealthMonitor;
import dev.vigil.health.RunMonitorConfig;
import dev.vigil.health.stagnation.ErosionScore;
import dev.vigil.health.stagnation.ErosionWeights;
import dev.vigil.health.stagnation.StructuralErosion;
import dev.vigil.health.triage.AlertGrouper;
import dev.vigil.health.triage.TriageChain;
import dev.vigil.health.triage.TriageOutcome;
import dev.vigil.quality.AccuracyEffortRatio;
import dev.vigil.quality.GuardedStepClassifier;
import dev.vigil.quality.RunQualityConfig;
import dev.vigil.quality.TaskCompletionMetrics;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.plugin.NotificationPublisher;
import dev.vigil.spi.plugin.StepContext;
import dev.vigil.spi.settings.Settings;
import dev.vigil.trajectory.EfficiencyRatios;
import dev.vigil.trajectory.IdealTrajectoryBaselines;
import dev.vigil.trajectory.PrefillTokenEquivalents;
import dev.vigil.trajectory.PteConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-run analysis sequence (issue 9): for each step, stagnation check, then classification, then incremental
 * judgement with triage and delivery; at run end, the final judgement, accuracy-effort, the weak-model trap,
 * structural erosion, PTE and (with baselines) efficiency ratios. Thread-safe: every call works on its own state.
 */
public final class RunAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(RunAnalyzer.class);

    private final Settings settings;
    private final GuardedStepClassifier classifier;
    private final RunQualityConfig qualityConfig;
    private final RunMonitorConfig monitorConfig;
    private final JudgeConfig judgeConfig;
    private final TriageChain triage;
    private final AlertGrouper grouper;
    private final NotificationPublisher publisher;
    private final PteConfig pteConfig;
    private final Optional<IdealTrajectoryBaselines> baselines;
    private final Clock clock;

    /** The parts of the sequence; see the class comment for the order they run in. */
    public RunAnalyzer(
            Settings settings,
            GuardedStepClassifier classifier,
            RunQualityConfig qualityConfig,
            RunMonitorConfig monitorConfig,
            JudgeConfig judgeConfig,
            TriageChain triage,
            AlertGrouper grouper,
            NotificationPublisher publisher,
            PteConfig pteConfig,
            Optional<IdealTrajectoryBaselines> baselines,
            Clock clock) {
        this.settings = settings;
        this.classifier = classifier;
        this.qualityConfig = qualityConfig;
        this.monitorConfig = monitorConfig;
        this.judgeConfig = judgeConfig;
        this.triage = triage;
        this.grouper = grouper;
        this.publisher = publisher;
        this.pteConfig = pteConfig;
        this.baselines = baselines;
        this.clock = clock;
    }

    /** Analyses one run. */
    public RunResult analyze(TraceRecord.SingleRun record) {
        Run run = record.run();
        List<RunResult.TicketResult> tickets = new ArrayList<>();
        int[] currentStep = {-1};
        // A pipeline per run: its listener records every triaged ticket of this run, dismissed ones included.
        HealthMonitoringPipeline pipeline = HealthMonitoringPipeline.builder()
                .judge(new HealthJudge(judgeConfig, clock))
                .triage(triage)
                .publisher(publisher)
                .grouper(grouper)
                .listener((ticket, outcome, delivered) ->
                        tickets.add(ticketResult(ticket, outcome, delivered, currentStep[0])))
                .clock(clock)
                .build();
        RunHealthMonitor monitor = RunHealthMonitor.start(run, monitorConfig, pipeline);

        List<Step> steps = run.steps();
        List<RunResult.StepResult> stepResults = new ArrayList<>(steps.size());
        ElapsedClock elapsed = new ElapsedClock(run);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            elapsed.advance(step);
            StagnationResult stagnation = monitor.checkStagnation(i, step.turns());
            Optional<StepQualitySignal> signal = classifier.classify(
                    new StepContext(run.runId(), run.taskId(), run.metadata(), steps.subList(0, i), step, stagnation));
            currentStep[0] = i;
            monitor.afterStep(i, signal.orElse(null), stagnation, elapsed.seconds());
            stepResults.add(new RunResult.StepResult(
                    i,
                    turnRange(step),
                    signal.map(StepQualitySignal::quality).orElse(null),
                    signal.map(StepQualitySignal::confidence).orElse(0.0),
                    signal.map(StepQualitySignal::reason).orElse("classifier gave no answer"),
                    stagnation == null ? null : stagnation.verdict(),
                    step.label(),
                    i < record.stepOrigins().size() ? record.stepOrigins().get(i) : record.origin()));
        }
        currentStep[0] = -1;
        monitor.complete(run.terminationReason(), run.recoveryApplied(), run.durationSeconds());

        List<StepQualitySignal> signals = monitor.signals();
        AccuracyEffortRatio ratio =
                signals.isEmpty() ? null : AccuracyEffortRatio.compute(signals, run.expectedSteps(), qualityConfig);
        TaskCompletionMetrics completion = TaskCompletionMetrics.of(run, ratio);
        ErosionScore erosion = erosion(run);
        double pte = PrefillTokenEquivalents.ofRun(run, pteConfig);
        return new RunResult(
                run.runId(),
                run.agentId(),
                run.taskId(),
                run.terminationReason(),
                run.turns().size(),
                run.totalTokens(),
                run.totalCost(),
                run.durationSeconds(),
                stepResults,
                tickets,
                ratio == null
                        ? null
                        : new RunResult.AccuracyEffort(
                                ratio.accuracy(),
                                ratio.effort(),
                                ratio.ratio(),
                                ratio.correctSteps(),
                                ratio.neutralSteps(),
                                ratio.incorrectSteps()),
                ratio != null && ratio.weakModelTrap(qualityConfig).triggered(),
                completion.promptTokenRatio(),
                completion.promptTokenOverheadFlagged(qualityConfig),
                erosion == null ? null : erosion.composite(),
                pte,
                efficiency(run, erosion == null ? 0.0 : erosion.composite()),
                record.origin());
    }

    /**
     * {@link Run#elapsedSecondsAtEndOf} kept as a running value while the steps are walked in order, so that a run
     * without timestamps costs O(turns) in all rather than re-summing its latencies at every step. Same definition
     * (data-model.md §6): wall clock from the run's start to the last turn's end when both are known, else the sum of
     * latencies so far; an empty step keeps the previous value; never negative.
     */
    static final class ElapsedClock {
        private final Run run;
        private double latencyMsSoFar;
        private dev.vigil.spi.model.Turn lastTurn;

        ElapsedClock(Run run) {
            this.run = run;
        }

        void advance(Step step) {
            for (dev.vigil.spi.model.Turn turn : step.turns()) {
                latencyMsSoFar += turn.latencyMs() == null ? 0.0 : turn.latencyMs();
                lastTurn = turn;
            }
        }

        double seconds() {
            if (lastTurn == null) {
                return 0.0;
            }
            double seconds = run.startedAt() != null && lastTurn.endedAt() != null
                    ? secondsBetween(run.startedAt(), lastTurn.endedAt())
                    : latencyMsSoFar / 1000.0;
            return Math.max(0.0, seconds);
        }

        private static double secondsBetween(java.time.Instant from, java.time.Instant to) {
            java.time.Duration duration = java.time.Duration.between(from, to);
            try {
                return duration.toNanos() / 1e9;
            } catch (ArithmeticException overflow) {
                return duration.getSeconds() + duration.getNano() / 1e9;
            }
        }
    }

    private ErosionScore erosion(Run run) {
        try {
            return StructuralErosion.score(
                    run.turns(),
                    settings.get(HealthSettings.STAGNATION_EROSION_WINDOW_SIZE),
                    ErosionWeights.from(settings));
        } catch (RuntimeException e) {
            LOG.atDebug()
                    .setMessage("vigil.assembly.erosion_skipped")
                    .addKeyValue("run_id", run.runId())
                    .addKeyValue("error", e.getMessage())
                    .log();
            return null;
        }
    }

    private Map<String, Double> efficiency(Run run, double erosionComposite) {
        if (baselines.isEmpty() || run.taskType() == null) {
            return Map.of();
        }
        return baselines
                .get()
                .forTaskType(run.taskType())
                .map(baseline -> {
                    EfficiencyRatios ratios = EfficiencyRatios.forRun(baseline, run, erosionComposite, pteConfig);
                    Map<String, Double> values = new LinkedHashMap<>();
                    values.put("step_ratio", ratios.stepRatio());
                    values.put("tool_call_ratio", ratios.toolCallRatio());
                    values.put("latency_ratio", ratios.latencyRatio());
                    values.put("verbosity_ratio", ratios.verbosityRatio());
                    values.put("pte_ratio", ratios.pteRatio());
                    return values;
                })
                .orElse(Map.of());
    }

    private static RunResult.TicketResult ticketResult(
            EscalationTicket ticket, TriageOutcome outcome, int delivered, int afterStep) {
        return new RunResult.TicketResult(
                ticket.id(),
                ticket.cause(),
                ticket.severity(),
                ticket.evidence(),
                afterStep,
                outcome.escalated(),
                outcome.rule(),
                outcome.reason() == null ? "" : outcome.reason(),
                delivered);
    }

    private static String turnRange(Step step) {
        if (step.turns().isEmpty()) {
            return "-";
        }
        int first = step.turns().get(0).turnNumber();
        int last = step.turns().get(step.turns().size() - 1).turnNumber();
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
