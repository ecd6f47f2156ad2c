package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;

/**
 * Inter-agent messages per reasoning turn of one team run (D4: only that run's messages count).
 *
 * <p>Rejections: {@code interAgentMessages must be >= 0, got <v>}, {@code reasoningTurns must be > 0, got <v>}.
 *
 * @param interAgentMessages messages exchanged between the agents of this team run, >= 0
 * @param reasoningTurns LLM calls of this team run, > 0
 */
public record MessageDensity(int interAgentMessages, int reasoningTurns) {

    public MessageDensity {
        Checks.nonNegative("interAgentMessages", interAgentMessages);
        Checks.positive("reasoningTurns", reasoningTurns);
    }

    /** messages / (double) turns. */
    public double value() {
        return interAgentMessages / (double) reasoningTurns;
    }
}
