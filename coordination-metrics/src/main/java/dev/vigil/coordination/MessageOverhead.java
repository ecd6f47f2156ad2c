package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;

/**
 * Whether a team's message count grows like n² in its size n: quadratic when {@code messageCount > n² ×
 * quadraticThreshold} (strict).
 *
 * <p>Rejections: {@code teamSize must be > 0, got <v>}, {@code messageCount must be >= 0, got <v>}, {@code
 * quadraticThreshold must be finite, got <v>}, {@code quadraticThreshold must be in (0.0, 1.0], got <v>}.
 *
 * @param teamSize number of agents, > 0
 * @param messageCount messages of this team run, >= 0
 * @param quadraticThreshold share of n² that flags quadratic coordination, in (0, 1]
 *     ({@code coordination.message_overhead.quadratic_threshold}, 0.5)
 */
public record MessageOverhead(int teamSize, int messageCount, double quadraticThreshold) {

    public MessageOverhead {
        Checks.positive("teamSize", teamSize);
        Checks.nonNegative("messageCount", messageCount);
        Checks.finite("quadraticThreshold", quadraticThreshold);
        if (!(quadraticThreshold > 0.0 && quadraticThreshold <= 1.0)) {
            throw new IllegalArgumentException("quadraticThreshold must be in (0.0, 1.0], got " + quadraticThreshold);
        }
    }

    /** The message count above which the team counts as quadratic: n² × threshold (n² in long, so it never wraps). */
    public double quadraticLimit() {
        return (double) ((long) teamSize * teamSize) * quadraticThreshold;
    }

    /** messageCount > n² × quadraticThreshold (strict: exactly at the limit is not quadratic). */
    public boolean isQuadratic() {
        return messageCount > quadraticLimit();
    }
}
