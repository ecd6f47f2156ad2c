package dev.vigil.spi.model;

/**
 * A classifier's ternary verdict on one step (quality.md §1).
 *
 * @param quality CORRECT, NEUTRAL or INCORRECT, required
 * @param confidence in [0.0, 1.0]
 * @param reason NotBlank
 * @param stepIndex 0-based, &ge; 0
 * @param turnRange the turns of the step, required
 */
public record StepQualitySignal(
        StepQuality quality, double confidence, String reason, int stepIndex, TurnRange turnRange) {

    /** Validates every component. */
    public StepQualitySignal {
        Checks.required(quality, "quality");
        Checks.inRange(confidence, 0.0, 1.0, "confidence");
        Checks.notBlank(reason, "reason");
        Checks.atLeast(stepIndex, 0, "stepIndex");
        Checks.required(turnRange, "turnRange");
    }
}
