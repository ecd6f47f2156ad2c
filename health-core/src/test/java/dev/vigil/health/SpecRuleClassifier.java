package dev.vigil.health;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.model.TurnRange;
import dev.vigil.spi.plugin.StepClassifier;
import java.util.List;

/**
 * Test stand-in for quality-core's {@code rule_based} classifier (quality.md §1.2, confidences 0.7 / 0.5), so the
 * per-run sequence can be driven end to end without depending on another feature module.
 */
public final class SpecRuleClassifier implements StepClassifier {

    /** A stateless classifier. */
    public SpecRuleClassifier() {}

    @Override
    public String name() {
        return "rule_based";
    }

    @Override
    public StepQualitySignal classify(
            int stepIndex, List<Turn> turns, TerminationReason terminationReason, StagnationResult stagnation) {
        TurnRange range = turns.isEmpty()
                ? new TurnRange(1, 1)
                : new TurnRange(
                        turns.get(0).turnNumber(), turns.get(turns.size() - 1).turnNumber());
        boolean anyTool = turns.stream().anyMatch(t -> !t.toolCalls().isEmpty());
        if (stagnation != null && stagnation.verdict() == StagnationVerdict.TERMINATE) {
            return new StepQualitySignal(
                    StepQuality.INCORRECT, 1.0, "Step terminated by stagnation detection", stepIndex, range);
        }
        if (terminationReason == TerminationReason.ERROR) {
            return new StepQualitySignal(StepQuality.INCORRECT, 0.7, "Step terminated with ERROR", stepIndex, range);
        }
        if (!turns.isEmpty() && turns.get(turns.size() - 1).finishReason() == FinishReason.ERROR) {
            return new StepQualitySignal(
                    StepQuality.INCORRECT, 0.7, "Final turn finished with error", stepIndex, range);
        }
        if (terminationReason == TerminationReason.COMPLETED && anyTool) {
            return new StepQualitySignal(StepQuality.CORRECT, 0.7, "Step completed with tool calls", stepIndex, range);
        }
        String reason = turns.isEmpty()
                ? "Empty step (no turns executed)"
                : !anyTool ? "Step completed without tool calls" : "Exploratory step (no definitive outcome signal)";
        return new StepQualitySignal(StepQuality.NEUTRAL, 0.5, reason, stepIndex, range);
    }
}
