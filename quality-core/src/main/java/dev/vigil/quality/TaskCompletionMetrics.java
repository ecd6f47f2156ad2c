package dev.vigil.quality;

import dev.vigil.quality.internal.Checks;
import dev.vigil.spi.model.Run;

/**
 * What one run of a task cost and how it scored (quality.md §3): turns, tokens, money, wall-clock time, the tokens
 * spent on the system prompt, and the accuracy-effort ratio when one was computed.
 *
 * @param taskId the task, or null; NotBlank when set
 * @param agentId the agent, NotBlank
 * @param turnsPerTask LLM calls in the run, {@code >= 0}
 * @param tokensPerTask input plus output tokens, {@code >= 0}
 * @param costPerTask money spent, {@code >= 0.0}
 * @param durationSeconds run duration (data-model.md F2), {@code >= 0.0}
 * @param promptTokens system-prompt tokens, {@code >= 0}; clamped (not rejected) to tokensPerTask when
 *     tokensPerTask {@code > 0}
 * @param accuracyEffortRatio {@link AccuracyEffortRatio#ratio()}, or null when none was computed
 */
public record TaskCompletionMetrics(
        String taskId,
        String agentId,
        int turnsPerTask,
        long tokensPerTask,
        double costPerTask,
        double durationSeconds,
        long promptTokens,
        Double accuracyEffortRatio) {

    /** Validates the components and clamps promptTokens to tokensPerTask. */
    public TaskCompletionMetrics {
        Checks.blankOrNull(taskId, "taskId");
        Checks.notBlank(agentId, "agentId");
        Checks.nonNegative(turnsPerTask, "turnsPerTask");
        Checks.nonNegative(tokensPerTask, "tokensPerTask");
        Checks.nonNegative(costPerTask, "costPerTask");
        Checks.nonNegative(durationSeconds, "durationSeconds");
        Checks.nonNegative(promptTokens, "promptTokens");
        if (accuracyEffortRatio != null) {
            Checks.finite(accuracyEffortRatio, "accuracyEffortRatio");
        }
        // A source may count the prompt more than once (e.g. per retry); it can never exceed the task's tokens.
        if (tokensPerTask > 0 && promptTokens > tokensPerTask) {
            promptTokens = tokensPerTask;
        }
    }

    /**
     * The metrics of one run. The assembly calls this once per run, after {@link AccuracyEffortRatio#compute}.
     *
     * @param run the finished run
     * @param ratio the run's accuracy-effort ratio, or null when it has none (e.g. no step got a signal)
     */
    public static TaskCompletionMetrics of(Run run, AccuracyEffortRatio ratio) {
        Checks.required(run, "run");
        return new TaskCompletionMetrics(
                run.taskId(),
                run.agentId(),
                run.turns().size(),
                run.totalTokens(),
                run.totalCost(),
                run.durationSeconds(),
                run.systemPromptTokens(),
                ratio == null ? null : ratio.ratio());
    }

    /** promptTokens / tokensPerTask, or 0.0 when tokensPerTask is 0. */
    public double promptTokenRatio() {
        return tokensPerTask == 0 ? 0.0 : promptTokens / (double) tokensPerTask;
    }

    /**
     * Whether reports should flag prompt overhead: {@link #promptTokenRatio()} strictly above
     * {@code engine.quality.prompt_token_ratio_warn} (0.3). Advisory; not logged.
     */
    public boolean promptTokenOverheadFlagged(RunQualityConfig config) {
        return promptTokenRatio() > Checks.required(config, "config").promptTokenRatioWarn();
    }
}
