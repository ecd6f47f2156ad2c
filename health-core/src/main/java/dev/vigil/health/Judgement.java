package dev.vigil.health;

import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;

/**
 * A judge's finding before it becomes a ticket: what is wrong, how badly, and the evidence. The per-run monitor
 * checks de-duplication on a judgement, so a suppressed finding never builds or logs a ticket (health.md §3).
 *
 * @param cause the escalation cause
 * @param severity the escalation severity
 * @param evidence the text a person reads (which steps, how long)
 * @param stepsSinceLastProgress the ticket's stepsSinceLastProgress
 * @param stallDurationSeconds the ticket's stallDurationSeconds (may be invalid, e.g. negative; then building the
 *     ticket throws)
 */
public record Judgement(
        EscalationCause cause,
        EscalationSeverity severity,
        String evidence,
        int stepsSinceLastProgress,
        double stallDurationSeconds) {}
