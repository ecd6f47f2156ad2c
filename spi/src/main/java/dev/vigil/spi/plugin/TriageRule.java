package dev.vigil.spi.plugin;

import dev.vigil.spi.model.EscalationTicket;

/**
 * One rule of the triage chain. Third-party rules run before the built-ins, in ascending {@link #priority()} and
 * then by name; the first answer that is not ABSTAIN decides. A rule that throws, hangs or returns null abstains.
 */
public interface TriageRule {

    /** The provider name this rule was created under. */
    String name();

    /** Lower runs earlier. */
    int priority();

    /** Decides on one ticket. */
    TriageVerdict evaluate(EscalationTicket ticket);
}
