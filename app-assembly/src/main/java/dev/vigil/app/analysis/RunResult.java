package dev.vigil.app.analysis;

import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.TerminationReason;
import java.util.List;
import java.util.Map;

/**
 * Everything the analysis learned about one run, in the shape the reports print.
 *
 * @param runId the run
 * @param agentId the agent
 * @param taskId the task
 * @param terminationReason why the run ended
 * @param turns number of LLM calls
 * @param totalTokens input plus output tokens
 * @param totalCost summed turn cost
 * @param durationSeconds run duration (F2)
 * @param steps one entry per step
 * @param tickets every ticket the judge raised, with its triage outcome
 * @param accuracyEffort the accuracy-effort ratio, or null when no step got a signal
 * @param weakModelTrap true when a short run scored high accuracy (suspected early quit)
 * @param promptTokenRatio system-prompt tokens over all tokens
 * @param promptOverhead true when the prompt-token ratio is above its warning threshold
 * @param erosionScore the run's structural-erosion score, or null when the run is too short to judge
 * @param pte prefill token equivalents of the run
 * @param efficiency efficiency ratios against the ideal baseline of the run's task type, or empty
 * @param origin where the run came from, e.g. {@code traces.jsonl:12}
 */
public record RunResult(
        String runId,
        String agentId,
        String taskId,
        TerminationReason terminationReason,
        int turns,
        long totalTokens,
        double totalCost,
        double durationSeconds,
        List<StepResult> steps,
        List<TicketResult> tickets,
        AccuracyEffort accuracyEffort,
        boolean weakModelTrap,
        double promptTokenRatio,
        boolean promptOverhead,
        Double erosionScore,
        Double pte,
        Map<String, Double> efficiency,
        String origin) {

    public RunResult {
        steps = List.copyOf(steps);
        tickets = List.copyOf(tickets);
        efficiency = Map.copyOf(efficiency);
    }

    /**
     * One step's label.
     *
     * @param index 0-based step index
     * @param turnRange e.g. {@code 3-4}
     * @param quality the classifier's label, or null when the classifier gave no answer
     * @param confidence the classifier's confidence (0 when no answer)
     * @param reason why, in words
     * @param stagnation the stagnation verdict for the step, or null when not checked
     * @param label a ground-truth label from the source, or null
     * @param origin where the step came from in the source
     */
    public record StepResult(
            int index,
            String turnRange,
            StepQuality quality,
            double confidence,
            String reason,
            StagnationVerdict stagnation,
            StepQuality label,
            String origin) {}

    /**
     * One ticket and what triage did with it.
     *
     * @param ticketId the ticket id
     * @param cause why the judge raised it
     * @param severity how bad
     * @param evidence what a person can act on
     * @param afterStep the step after which it was raised, or -1 for the end-of-run judgement
     * @param escalated whether triage escalated it
     * @param decidedBy the triage rule that decided
     * @param triageReason that rule's reason
     * @param deliveredTo the number of sinks that accepted the notification (0 when not escalated)
     */
    public record TicketResult(
            String ticketId,
            EscalationCause cause,
            EscalationSeverity severity,
            String evidence,
            int afterStep,
            boolean escalated,
            String decidedBy,
            String triageReason,
            int deliveredTo) {}

    /**
     * The accuracy-effort ratio of quality.md §2.
     *
     * @param accuracy correct steps over all classified steps
     * @param effort classified steps over expected steps (1.0 when unknown)
     * @param ratio accuracy over effort
     * @param correct CORRECT steps
     * @param neutral NEUTRAL steps
     * @param incorrect INCORRECT steps
     */
    public record AccuracyEffort(
            double accuracy, double effort, double ratio, int correct, int neutral, int incorrect) {}

    /** The highest escalated severity, or null when nothing escalated. */
    public EscalationSeverity highestEscalated() {
        EscalationSeverity highest = null;
        for (TicketResult ticket : tickets) {
            if (ticket.escalated() && (highest == null || ticket.severity().compareTo(highest) > 0)) {
                highest = ticket.severity();
            }
        }
        return highest;
    }
}
