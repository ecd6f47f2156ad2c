package dev.vigil.health;

import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import java.time.Clock;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensitive first layer (health.md §2, D9): turns a run's outcome and step signals into at most one escalation
 * ticket. Checks, first match wins: stagnation (HIGH); error with recovery (MEDIUM); a trailing streak of INCORRECT
 * steps at the threshold (HIGH, CRITICAL at twice the threshold); budget exhausted (MEDIUM); max turns or a run over
 * its timeout (MEDIUM). The incremental variant (D10) applies the stagnation, streak and timeout checks after a step.
 * Stateless and thread-safe.
 */
public final class HealthJudge {

    private static final Logger LOG = LoggerFactory.getLogger(HealthJudge.class);

    /** A streak of twice the threshold is CRITICAL (settings.md §9 constant). */
    public static final int CRITICAL_MULTIPLIER = 2;

    static final String STAGNATION_EVIDENCE =
            "Agent terminated due to stagnation (repeated tool calls without progress)";
    static final String RECOVERY_EVIDENCE = "Agent execution failed and recovery was applied";
    static final String BUDGET_EVIDENCE = "Agent terminated because its budget was exhausted";
    static final String MAX_TURNS_EVIDENCE = "Agent terminated after reaching the maximum number of turns";

    private final JudgeConfig config;
    private final Clock clock;

    /** A judge with the UTC system clock (tickets' createdAt). */
    public HealthJudge(JudgeConfig config) {
        this(config, Clock.systemUTC());
    }

    /** A judge stamping tickets with {@code clock}. */
    public HealthJudge(JudgeConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** This judge's configuration. */
    public JudgeConfig config() {
        return config;
    }

    /**
     * End-of-run judgement (health.md §2): the ticket, logged as {@code vigil.health.ticket_emitted}, or empty.
     *
     * @throws IllegalArgumentException when the ticket is invalid, e.g. a negative duration (the pipeline catches it)
     */
    public Optional<EscalationTicket> judge(
            String runId,
            TerminationReason terminationReason,
            boolean hasRecovery,
            List<StepQualitySignal> qualitySignals,
            String agentId,
            String taskId,
            double executionDurationSeconds) {
        return assessEndOfRun(terminationReason, hasRecovery, qualitySignals, executionDurationSeconds)
                .map(judgement -> toTicket(judgement, runId, agentId, taskId, qualitySignals));
    }

    /**
     * The end-of-run finding without building a ticket. Every finding's stall is {@code executionDurationSeconds}; the
     * steps are 0 except for QUALITY_DEGRADATION, where they are the streak length.
     */
    public Optional<Judgement> assessEndOfRun(
            TerminationReason terminationReason,
            boolean hasRecovery,
            List<StepQualitySignal> qualitySignals,
            double executionDurationSeconds) {
        Objects.requireNonNull(terminationReason, "terminationReason");
        Objects.requireNonNull(qualitySignals, "qualitySignals");
        double stall = executionDurationSeconds;
        if (terminationReason == TerminationReason.STAGNATION) {
            return Optional.of(
                    new Judgement(EscalationCause.STAGNATION, EscalationSeverity.HIGH, STAGNATION_EVIDENCE, 0, stall));
        }
        if (terminationReason == TerminationReason.ERROR && hasRecovery) {
            return Optional.of(new Judgement(
                    EscalationCause.REPEATED_FAILURE, EscalationSeverity.MEDIUM, RECOVERY_EVIDENCE, 0, stall));
        }
        int consecutive = trailingIncorrect(qualitySignals);
        if (consecutive >= config.qualityDegradationThreshold()) {
            return Optional.of(streakJudgement(consecutive, stall));
        }
        if (config.emitBudgetBreach() && terminationReason == TerminationReason.BUDGET_EXHAUSTED) {
            return Optional.of(
                    new Judgement(EscalationCause.BUDGET_BREACH, EscalationSeverity.MEDIUM, BUDGET_EVIDENCE, 0, stall));
        }
        if (config.emitTimeout() && terminationReason == TerminationReason.MAX_TURNS) {
            return Optional.of(
                    new Judgement(EscalationCause.TIMEOUT, EscalationSeverity.MEDIUM, MAX_TURNS_EVIDENCE, 0, stall));
        }
        if (exceedsRunTimeout(executionDurationSeconds)) {
            return Optional.of(new Judgement(
                    EscalationCause.TIMEOUT,
                    EscalationSeverity.MEDIUM,
                    timeoutEvidence(executionDurationSeconds),
                    0,
                    stall));
        }
        return Optional.empty();
    }

    /**
     * The incremental finding after one step (health.md §3, D10): a TERMINATE stagnation verdict, then the trailing
     * INCORRECT streak, then the run timeout against {@code elapsedSeconds}. The ticket fields are the stall and steps
     * since the last CORRECT step.
     */
    public Optional<Judgement> assessStep(
            StagnationResult stagnation,
            int trailingIncorrect,
            double stallSeconds,
            int stepsSinceLastProgress,
            double elapsedSeconds) {
        if (stagnation != null && stagnation.verdict() == StagnationVerdict.TERMINATE) {
            return Optional.of(new Judgement(
                    EscalationCause.STAGNATION,
                    EscalationSeverity.HIGH,
                    STAGNATION_EVIDENCE,
                    stepsSinceLastProgress,
                    stallSeconds));
        }
        if (trailingIncorrect >= config.qualityDegradationThreshold()) {
            Judgement streak = streakJudgement(trailingIncorrect, stallSeconds);
            return Optional.of(new Judgement(
                    streak.cause(), streak.severity(), streak.evidence(), stepsSinceLastProgress, stallSeconds));
        }
        if (exceedsRunTimeout(elapsedSeconds)) {
            return Optional.of(new Judgement(
                    EscalationCause.TIMEOUT,
                    EscalationSeverity.MEDIUM,
                    timeoutEvidence(elapsedSeconds),
                    stepsSinceLastProgress,
                    stallSeconds));
        }
        return Optional.empty();
    }

    /**
     * Builds the ticket for {@code judgement} (createdAt from this judge's clock) and logs
     * {@code vigil.health.ticket_emitted}.
     *
     * @throws IllegalArgumentException when a component is invalid (e.g. a negative stall)
     */
    public EscalationTicket toTicket(
            Judgement judgement, String runId, String agentId, String taskId, List<StepQualitySignal> signals) {
        EscalationTicket ticket = EscalationTicket.builder(
                        runId, agentId, taskId, judgement.cause(), judgement.severity(), judgement.evidence())
                .stepsSinceLastProgress(judgement.stepsSinceLastProgress())
                .stallDurationSeconds(judgement.stallDurationSeconds())
                .qualitySignals(signals)
                .createdAt(clock.instant())
                .build();
        LOG.atInfo()
                .setMessage("vigil.health.ticket_emitted")
                .addKeyValue("ticket_id", ticket.id())
                .addKeyValue("run_id", ticket.runId())
                .addKeyValue("cause", ticket.cause().wireName())
                .addKeyValue("severity", ticket.severity().wireName())
                .addKeyValue("agent_id", ticket.agentId())
                .addKeyValue("task_id", ticket.taskId())
                .addKeyValue("evidence", ticket.evidence())
                .log();
        return ticket;
    }

    /** The number of INCORRECT signals counted back from the end, stopping at the first other quality. */
    public static int trailingIncorrect(List<StepQualitySignal> signals) {
        int count = 0;
        ListIterator<StepQualitySignal> it = signals.listIterator(signals.size());
        while (it.hasPrevious() && it.previous().quality() == StepQuality.INCORRECT) {
            count++;
        }
        return count;
    }

    private Judgement streakJudgement(int consecutive, double stall) {
        int threshold = config.qualityDegradationThreshold();
        // long arithmetic: a huge threshold must not overflow into a negative CRITICAL bound.
        EscalationSeverity severity = consecutive >= (long) CRITICAL_MULTIPLIER * threshold
                ? EscalationSeverity.CRITICAL
                : EscalationSeverity.HIGH;
        String evidence = consecutive + " consecutive incorrect steps (threshold: " + threshold + ")";
        return new Judgement(EscalationCause.QUALITY_DEGRADATION, severity, evidence, consecutive, stall);
    }

    private boolean exceedsRunTimeout(double seconds) {
        return config.emitTimeout() && config.runTimeoutSeconds() != null && seconds > config.runTimeoutSeconds();
    }

    private String timeoutEvidence(double seconds) {
        return String.format(
                Locale.ROOT, "Run duration %.1f s exceeded the timeout of %.1f s", seconds, config.runTimeoutSeconds());
    }
}
