package dev.vigil.spi.model;

import java.util.Map;

/**
 * The outcome of one stagnation check (data-model.md §9).
 *
 * @param verdict required
 * @param reason must be null when the verdict is NO_STAGNATION
 * @param correctiveMessage NotBlank and required for INJECT_PROMPT; null for every other verdict
 * @param repetitionRatio in [0.0, 1.0]
 * @param cycleLength nullable; &ge; 2
 * @param details JSON values, deep-copied and unmodifiable; null means empty
 */
public record StagnationResult(
        StagnationVerdict verdict,
        StagnationReason reason,
        String correctiveMessage,
        double repetitionRatio,
        Integer cycleLength,
        Map<String, Object> details) {

    /** Verdict NO_STAGNATION, ratio 0.0, everything else null or empty. */
    public static final StagnationResult NO_STAGNATION =
            new StagnationResult(StagnationVerdict.NO_STAGNATION, null, null, 0.0, null, Map.of());

    /** Validates the components against the verdict and deep-copies the details. */
    public StagnationResult {
        Checks.required(verdict, "verdict");
        if (verdict == StagnationVerdict.NO_STAGNATION && reason != null) {
            throw new IllegalArgumentException(
                    "reason must be null when verdict is no_stagnation, got " + reason.wireName());
        }
        if (verdict == StagnationVerdict.INJECT_PROMPT) {
            if (correctiveMessage == null) {
                throw new IllegalArgumentException("correctiveMessage is required when verdict is inject_prompt");
            }
            Checks.notBlank(correctiveMessage, "correctiveMessage");
        } else if (correctiveMessage != null) {
            throw new IllegalArgumentException("correctiveMessage must be null when verdict is " + verdict.wireName());
        }
        Checks.inRange(repetitionRatio, 0.0, 1.0, "repetitionRatio");
        if (cycleLength != null) {
            Checks.atLeast(cycleLength, 2, "cycleLength");
        }
        details = JsonValues.copyObject(details, "details");
    }

    /** A NO_STAGNATION result carrying the measured repetition ratio and no details. */
    public static StagnationResult noStagnation(double repetitionRatio) {
        return new StagnationResult(StagnationVerdict.NO_STAGNATION, null, null, repetitionRatio, null, Map.of());
    }

    /** True when the verdict is anything but NO_STAGNATION. */
    public boolean detected() {
        return verdict != StagnationVerdict.NO_STAGNATION;
    }
}
