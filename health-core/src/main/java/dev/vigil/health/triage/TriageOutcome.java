package dev.vigil.health.triage;

import dev.vigil.spi.model.TriageDecision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the triage chain decided for one ticket, and why.
 *
 * @param decision ESCALATE or DISMISS (never ABSTAIN)
 * @param rule the deciding rule: a third-party rule's name, {@code severity}, {@code persistent_stall},
 *     {@code silence}, or {@code none} when every rule abstained
 * @param reason the logged reason, e.g. {@code severity >= HIGH} or {@code decided by rule quiet}
 * @param details the deciding verdict's extra fields (e.g. stall_seconds, steps_stuck)
 * @param failures third-party rules that threw, timed out or returned null on the way (each counted as ABSTAIN)
 */
public record TriageOutcome(
        TriageDecision decision, String rule, String reason, Map<String, Object> details, List<RuleFailure> failures) {

    /** Copies the collections. */
    public TriageOutcome {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        failures = List.copyOf(failures);
    }

    /** True when the ticket escalates. */
    public boolean escalated() {
        return decision == TriageDecision.ESCALATE;
    }
}
