package dev.vigil.trajectory;

import dev.vigil.spi.model.Complexity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a task may sample K candidates (trajectory.md §5 and §6): the budget guard keeps a margin of the
 * remaining budget back and passes only when K steps still fit in the rest; the gate adds the on/off switch and the
 * complexity filter.
 */
public final class BudgetGuard {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetGuard.class);
    private static final String BLOCKED = "vigil.trajectory.budget_guard_blocked";

    private BudgetGuard() {}

    /**
     * True when K candidates of the estimated step cost fit in the remaining budget after holding back
     * {@code margin} of it: {@code estimatedStepCost * k <= remainingBudget * (1.0 - margin)} (equality passes). It
     * also answers false, with a log event, for {@code k < 1}, a margin outside [0.0, 1.0] and a non-positive budget or
     * step cost.
     *
     * @throws IllegalArgumentException when a double argument is NaN or infinite
     */
    public static boolean checkTrajectoryBudget(
            double remainingBudget, double estimatedStepCost, int k, double margin) {
        Checks.finite("remainingBudget", remainingBudget);
        Checks.finite("estimatedStepCost", estimatedStepCost);
        Checks.finite("margin", margin);
        if (k < 1) {
            LOG.atWarn()
                    .setMessage(BLOCKED)
                    .addKeyValue("k", k)
                    .addKeyValue("reason", "k must be at least 1")
                    .log();
            return false;
        }
        if (margin < 0.0 || margin > 1.0) {
            LOG.atWarn()
                    .setMessage(BLOCKED)
                    .addKeyValue("margin", margin)
                    .addKeyValue("reason", "margin must be in [0.0, 1.0]")
                    .log();
            return false;
        }
        if (remainingBudget <= 0.0 || estimatedStepCost <= 0.0) {
            LOG.atInfo()
                    .setMessage(BLOCKED)
                    .addKeyValue("remaining_budget", remainingBudget)
                    .addKeyValue("estimated_step_cost", estimatedStepCost)
                    .addKeyValue("reason", "non-positive budget or step cost")
                    .log();
            return false;
        }
        double available = remainingBudget * (1.0 - margin);
        double required = estimatedStepCost * k;
        if (required > available) {
            LOG.atInfo()
                    .setMessage(BLOCKED)
                    .addKeyValue("available_after_margin", available)
                    .addKeyValue("required", required)
                    .addKeyValue("k", k)
                    .addKeyValue("reason", "insufficient budget for K candidates")
                    .log();
            return false;
        }
        return true;
    }

    /**
     * The best-of-K gate: true when sampling is enabled, the task's complexity is in the gate and the budget guard
     * passes for {@code config.kCandidates()}. When it is false the caller runs a single candidate.
     *
     * @param complexity the task's complexity; null (unknown) never samples
     * @throws IllegalArgumentException when config is null or a double argument is NaN or infinite
     */
    public static boolean shouldSample(
            TrajectoryConfig config, Complexity complexity, double remainingBudget, double estimatedStepCost) {
        Checks.required("config", config);
        Checks.finite("remainingBudget", remainingBudget);
        Checks.finite("estimatedStepCost", estimatedStepCost);
        return config.enabled()
                && complexity != null
                && config.complexityGate().contains(complexity)
                && checkTrajectoryBudget(
                        remainingBudget, estimatedStepCost, config.kCandidates(), config.budgetGuardMargin());
    }
}
