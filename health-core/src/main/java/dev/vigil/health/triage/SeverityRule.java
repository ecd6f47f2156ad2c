package dev.vigil.health.triage;

import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.plugin.TriageRule;
import dev.vigil.spi.plugin.TriageVerdict;

/** Built-in triage rule {@code severity}: HIGH and CRITICAL escalate, LOW is dismissed, MEDIUM abstains. */
final class SeverityRule implements TriageRule {

    /** The reserved rule name. */
    static final String NAME = "severity";

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
        switch (ticket.severity()) {
            case HIGH:
            case CRITICAL:
                return TriageVerdict.escalate("severity >= HIGH");
            case LOW:
                return TriageVerdict.dismiss("LOW severity (transient)");
            default:
                return TriageVerdict.ABSTAIN;
        }
    }
}
