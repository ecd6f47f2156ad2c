package dev.vigil.spi.plugin;

import dev.vigil.spi.model.JsonValues;
import dev.vigil.spi.model.TriageDecision;
import java.util.Map;

/**
 * One triage rule's answer on one ticket (health.md §4).
 *
 * @param decision ESCALATE, DISMISS or ABSTAIN, required
 * @param reason NotBlank, except that an abstention may leave it null
 * @param details extra log fields (e.g. {@code stall_seconds}); JSON values, deep-copied and unmodifiable; null means
 *     empty
 */
public record TriageVerdict(TriageDecision decision, String reason, Map<String, Object> details) {

    /** The constant abstention: no reason, no details. */
    public static final TriageVerdict ABSTAIN = new TriageVerdict(TriageDecision.ABSTAIN, null, Map.of());

    /** Validates the components and deep-copies the details. */
    public TriageVerdict {
        if (decision == null) {
            throw new IllegalArgumentException("decision must not be null");
        }
        if (!(decision == TriageDecision.ABSTAIN && reason == null) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        details = JsonValues.copyObject(details, "details");
    }

    /** An ESCALATE verdict with {@code reason} and no details. */
    public static TriageVerdict escalate(String reason) {
        return new TriageVerdict(TriageDecision.ESCALATE, reason, Map.of());
    }

    /** An ESCALATE verdict with {@code reason} and {@code details} (JSON values). */
    public static TriageVerdict escalate(String reason, Map<String, ?> details) {
        return new TriageVerdict(TriageDecision.ESCALATE, reason, JsonValues.copyObject(details, "details"));
    }

    /** A DISMISS verdict with {@code reason} and no details. */
    public static TriageVerdict dismiss(String reason) {
        return new TriageVerdict(TriageDecision.DISMISS, reason, Map.of());
    }

    /** A DISMISS verdict with {@code reason} and {@code details} (JSON values). */
    public static TriageVerdict dismiss(String reason, Map<String, ?> details) {
        return new TriageVerdict(TriageDecision.DISMISS, reason, JsonValues.copyObject(details, "details"));
    }
}
