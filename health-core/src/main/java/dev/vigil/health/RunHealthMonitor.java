package dev.vigil.health;

import dev.vigil.health.internal.Validation;
import dev.vigil.health.stagnation.StagnationDetector;
import dev.vigil.health.stagnation.StagnationDetectors;
import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health state of one run while it is observed (health.md §3, D7, D10, F3). Per step, call
 * {@link #checkStagnation} (before classifying the step; its verdict is the classifier's {@code stagnation} input),
 * then {@link #afterStep} with the step's signal; at the end call {@link #complete}. Each returns only the tickets
 * that triage escalated at that call.
 *
 * <p>De-duplication: per cause, the monitor remembers the highest severity already escalated for this run; a finding
 * at that severity or lower is suppressed (debug {@code vigil.health.ticket_suppressed}), without building or logging
 * a ticket. A ticket dismissed by triage is not remembered, so it can escalate at a later step once its stall has
 * grown (F3). The end-of-run judgement shares the same record.
 *
 * <p>Cost per step is O(window + turns of the step): the detector sees only the run's tool turns, from the end.
 * One instance per run, used from one thread at a time; not thread-safe.
 */
public final class RunHealthMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(RunHealthMonitor.class);

    private final String runId;
    private final String agentId;
    private final String taskId;
    private final RunMonitorConfig config;
    private final StagnationDetector detector;
    private final HealthMonitoringPipeline pipeline;

    /** Only turns with tool calls: both detectors ignore the others, and this keeps each check O(window). */
    private final List<Turn> toolTurns = new ArrayList<>();

    private final List<StepQualitySignal> signals = new ArrayList<>();
    private final Map<EscalationCause, EscalationSeverity> escalatedSeverity = new EnumMap<>(EscalationCause.class);
    private final List<EscalationTicket> escalated = new ArrayList<>();
    private int corrections;
    private int trailingIncorrect;
    private int lastStepIndex = -1;
    private int lastCorrectIndex = -1;
    private double lastCorrectElapsed;
    private boolean completed;

    private RunHealthMonitor(
            String runId,
            String agentId,
            String taskId,
            RunMonitorConfig config,
            StagnationDetector detector,
            HealthMonitoringPipeline pipeline) {
        this.runId = Validation.notBlank(runId, "runId");
        this.agentId = Validation.notBlank(agentId, "agentId");
        this.taskId = Validation.notBlank(taskId, "taskId");
        this.config = Objects.requireNonNull(config, "config");
        this.detector = detector;
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /**
     * Starts monitoring a run, with the detector {@code config.strategy()} names (none for {@code off}).
     *
     * @param config read once per run from the live settings ({@link RunMonitorConfig#from})
     * @param pipeline judge, triage and delivery; its judge's config applies to this run
     */
    public static RunHealthMonitor start(
            String runId, String agentId, String taskId, RunMonitorConfig config, HealthMonitoringPipeline pipeline) {
        Objects.requireNonNull(config, "config");
        StagnationDetector detector = StagnationDetectors.create(
                        config.strategy(), config.stagnation(), config.erosion(), config.erosionWeights())
                .orElse(null);
        return new RunHealthMonitor(runId, agentId, taskId, config, detector, pipeline);
    }

    /** Starts monitoring {@code run} (its runId, agentId and taskId), with the detector the strategy names. */
    public static RunHealthMonitor start(Run run, RunMonitorConfig config, HealthMonitoringPipeline pipeline) {
        Objects.requireNonNull(run, "run");
        return start(run.runId(), run.agentId(), run.taskId(), config, pipeline);
    }

    /** Starts monitoring a run with an explicit detector (null for none); {@code config.strategy()} is ignored. */
    public static RunHealthMonitor start(
            String runId,
            String agentId,
            String taskId,
            RunMonitorConfig config,
            StagnationDetector detector,
            HealthMonitoringPipeline pipeline) {
        return new RunHealthMonitor(runId, agentId, taskId, config, detector, pipeline);
    }

    /** The run id. */
    public String runId() {
        return runId;
    }

    /** Whether tickets are judged for this run ({@code engine.health.monitoring_enabled} at run start). */
    public boolean monitoringEnabled() {
        return config.monitoringEnabled();
    }

    /** The stagnation detector in use, if any. */
    public Optional<StagnationDetector> detector() {
        return Optional.ofNullable(detector);
    }

    /** Corrective prompts the detector has asked for so far. */
    public int correctionsInjected() {
        return corrections;
    }

    /** The signals received so far, in step order. */
    public List<StepQualitySignal> signals() {
        return Collections.unmodifiableList(new ArrayList<>(signals));
    }

    /** Every ticket escalated for this run so far (incremental and end-of-run), in order. */
    public List<EscalationTicket> escalatedTickets() {
        return List.copyOf(escalated);
    }

    /**
     * Step i, part 1 (D7): records the step's turns and runs the stagnation detector over the run's turns so far.
     * Call it for every step, in order, before classifying the step.
     *
     * <p>INJECT_PROMPT counts one correction and logs {@code vigil.stagnation.correction_injected}; TERMINATE logs
     * warning {@code vigil.stagnation.terminated}. Vigil only observes: the verdict is what the agent loop would have
     * done.
     *
     * @param stepTurns the step's turns (may be empty)
     * @return the verdict, or null for an empty step or when no detector runs (strategy {@code off})
     */
    public StagnationResult checkStagnation(int stepIndex, List<Turn> stepTurns) {
        Objects.requireNonNull(stepTurns, "stepTurns");
        for (Turn turn : stepTurns) {
            if (!Objects.requireNonNull(turn, "stepTurns must not contain null")
                    .toolCalls()
                    .isEmpty()) {
                toolTurns.add(turn);
            }
        }
        if (detector == null || stepTurns.isEmpty()) {
            return null;
        }
        StagnationResult result = detector.check(Collections.unmodifiableList(toolTurns), corrections);
        if (result.verdict() == StagnationVerdict.INJECT_PROMPT) {
            corrections++;
            LOG.atInfo()
                    .setMessage("vigil.stagnation.correction_injected")
                    .addKeyValue("run_id", runId)
                    .addKeyValue("step_index", stepIndex)
                    .addKeyValue(
                            "reason",
                            result.reason() == null ? null : result.reason().wireName())
                    .addKeyValue("corrections", corrections)
                    .log();
        } else if (result.verdict() == StagnationVerdict.TERMINATE) {
            LOG.atWarn()
                    .setMessage("vigil.stagnation.terminated")
                    .addKeyValue("run_id", runId)
                    .addKeyValue("step_index", stepIndex)
                    .addKeyValue(
                            "reason",
                            result.reason() == null ? null : result.reason().wireName())
                    .log();
        }
        return result;
    }

    /**
     * Step i, part 2 (D10): records the step's signal and progress and, when monitoring and incremental judging are
     * on, judges the run so far. Call it for every step, in increasing step order, even when incremental judging is
     * off (the end-of-run judgement needs the signals).
     *
     * @param signal the classifier's signal, or null when the step got none
     * @param stagnation this step's verdict from {@link #checkStagnation}, or null
     * @param elapsedSeconds seconds from run start to the end of this step ({@code run.elapsedSecondsAtEndOf(i)})
     * @return the tickets escalated at this step (at most one)
     */
    public List<EscalationTicket> afterStep(
            int stepIndex, StepQualitySignal signal, StagnationResult stagnation, double elapsedSeconds) {
        if (stepIndex <= lastStepIndex) {
            throw new IllegalArgumentException(
                    "stepIndex must be > " + lastStepIndex + " (steps in order), got " + stepIndex);
        }
        Validation.atLeast(elapsedSeconds, 0.0, "elapsedSeconds");
        lastStepIndex = stepIndex;
        if (!config.monitoringEnabled()) {
            return List.of();
        }
        if (signal != null) {
            signals.add(signal);
            trailingIncorrect = signal.quality() == StepQuality.INCORRECT ? trailingIncorrect + 1 : 0;
        }
        double stall;
        int stepsSince;
        if (signal != null && signal.quality() == StepQuality.CORRECT) {
            lastCorrectIndex = stepIndex;
            lastCorrectElapsed = elapsedSeconds;
            stall = 0.0;
            stepsSince = 0;
        } else {
            stall = Math.max(0.0, elapsedSeconds - lastCorrectElapsed);
            stepsSince = stepIndex - lastCorrectIndex;
        }
        if (!config.incrementalEnabled()) {
            return List.of();
        }
        return pipeline.judge()
                .assessStep(stagnation, trailingIncorrect, stall, stepsSince, elapsedSeconds)
                .map(this::deliver)
                .orElse(List.of());
    }

    /**
     * One whole step in a single call: {@link #checkStagnation}, then {@code classifier} with the step and its verdict,
     * then {@link #afterStep}.
     *
     * @param classifier classifies the step given its stagnation verdict (which may be null); returns null when the
     *     step gets no signal. The assembly passes its timeout-guarded classifier call here (F9).
     * @param elapsedSeconds {@code run.elapsedSecondsAtEndOf(step.stepIndex())}
     */
    public StepOutcome observeStep(
            Step step, BiFunction<Step, StagnationResult, StepQualitySignal> classifier, double elapsedSeconds) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(classifier, "classifier");
        StagnationResult stagnation = checkStagnation(step.stepIndex(), step.turns());
        StepQualitySignal signal = classifier.apply(step, stagnation);
        List<EscalationTicket> tickets = afterStep(step.stepIndex(), signal, stagnation, elapsedSeconds);
        return new StepOutcome(step.stepIndex(), stagnation, signal, tickets);
    }

    /**
     * What {@link #observeStep} saw and decided for one step.
     *
     * @param stepIndex the step's index
     * @param stagnation the detector's verdict, or null (empty step, or strategy off)
     * @param signal the classifier's signal, or null
     * @param tickets the tickets escalated at this step (at most one)
     */
    public record StepOutcome(
            int stepIndex, StagnationResult stagnation, StepQualitySignal signal, List<EscalationTicket> tickets) {

        /** Copies the tickets. */
        public StepOutcome {
            tickets = List.copyOf(tickets);
        }
    }

    /**
     * Run end: the end-of-run judgement (health.md §2) over all signals, through the same de-duplication. Call once.
     *
     * @param durationSeconds {@code run.durationSeconds()}
     * @return the ticket escalated now (at most one); {@link #escalatedTickets()} has every ticket of the run
     */
    public List<EscalationTicket> complete(
            TerminationReason terminationReason, boolean hasRecovery, double durationSeconds) {
        Objects.requireNonNull(terminationReason, "terminationReason");
        if (completed) {
            throw new IllegalStateException("complete was already called for run '" + runId + "'");
        }
        completed = true;
        if (!config.monitoringEnabled()) {
            return List.of();
        }
        try {
            return pipeline.judge()
                    .assessEndOfRun(terminationReason, hasRecovery, signals, durationSeconds)
                    .map(this::deliver)
                    .orElse(List.of());
        } catch (RuntimeException e) {
            pipelineError(e);
            return List.of();
        }
    }

    private List<EscalationTicket> deliver(Judgement judgement) {
        EscalationSeverity recorded = escalatedSeverity.get(judgement.cause());
        if (recorded != null && judgement.severity().compareTo(recorded) <= 0) {
            LOG.atDebug()
                    .setMessage("vigil.health.ticket_suppressed")
                    .addKeyValue("run_id", runId)
                    .addKeyValue("cause", judgement.cause().wireName())
                    .addKeyValue("severity", judgement.severity().wireName())
                    .addKeyValue("escalated_severity", recorded.wireName())
                    .log();
            return List.of();
        }
        try {
            EscalationTicket ticket = pipeline.judge().toTicket(judgement, runId, agentId, taskId, signals);
            Optional<EscalationTicket> result = pipeline.triageAndDeliver(ticket);
            if (result.isEmpty()) {
                return List.of();
            }
            escalatedSeverity.put(judgement.cause(), judgement.severity());
            escalated.add(result.get());
            return List.of(result.get());
        } catch (RuntimeException e) {
            // Isolated: a bad ticket (e.g. a negative duration) or a faulty part must not stop the run's analysis.
            pipelineError(e);
            return List.of();
        }
    }

    private static void pipelineError(RuntimeException e) {
        LOG.atWarn()
                .setMessage("vigil.health.pipeline_error")
                .addKeyValue("error_type", e.getClass().getSimpleName())
                .addKeyValue("error", String.valueOf(e.getMessage()))
                .log();
    }
}
