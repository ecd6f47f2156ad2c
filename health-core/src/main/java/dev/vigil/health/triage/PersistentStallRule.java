package dev.vigil.health.triage;

import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.plugin.TriageRule;
import dev.vigil.spi.plugin.TriageVerdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Built-in triage rule {@code persistent_stall}: a MEDIUM ticket escalates when its stall or its steps without
 * progress reach the thresholds (inclusive) and is dismissed otherwise; other severities abstain.
 */
final class PersistentStallRule implements TriageRule {

    /** The reserved rule name. */
    static final String NAME = "persistent_stall";

    private final TriageConfig config;

    /** A rule with {@code config}'s thresholds. */
    PersistentStallRule(TriageConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Irrelevant: the built-ins always run last, in a fixed order. */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public TriageVerdict evaluate(EscalationTicket ticket) {
        if (ticket.severity() != EscalationSeverity.MEDIUM) {
            return TriageVerdict.ABSTAIN;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stall_seconds", ticket.stallDurationSeconds());
        details.put("steps_stuck", ticket.stepsSinceLastProgress());
        boolean persistent = ticket.stallDurationSeconds() >= config.stallDurationThresholdSeconds()
                || ticket.stepsSinceLastProgress() >= config.stepsThreshold();
        return persistent
                ? TriageVerdict.escalate("MEDIUM with persistent stall", details)
                : TriageVerdict.dismiss("MEDIUM transient (below thresholds)", details);
    }
}
