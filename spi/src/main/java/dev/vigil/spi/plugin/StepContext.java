package dev.vigil.spi.plugin;

import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.Step;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a step classifier may look at for one step: the step, the run's earlier steps (never later ones, so a
 * classifier works the same on a live run), the run's identity and its metadata (e.g. the task prompt an ingester
 * recorded), and the stagnation verdict for this step.
 *
 * @param runId the run
 * @param taskId the run's task
 * @param runMetadata the run's metadata, unmodifiable
 * @param previousSteps the run's steps before this one, in order, unmodifiable
 * @param step this step
 * @param stagnation this step's stagnation verdict, or null when detection is off
 * @since 0.1
 */
public record StepContext(
        String runId,
        String taskId,
        Map<String, Object> runMetadata,
        List<Step> previousSteps,
        Step step,
        StagnationResult stagnation) {

    /** Requires the step; copies nothing that is already unmodifiable. */
    public StepContext {
        Objects.requireNonNull(step, "step must not be null");
        runMetadata = runMetadata == null ? Map.of() : runMetadata;
        previousSteps = previousSteps == null ? List.of() : Step.copyOf(previousSteps);
    }
}
