package dev.vigil.routing.matcher;

import dev.vigil.routing.internal.Checks;
import dev.vigil.spi.model.ModelTier;

/**
 * The model chosen for one agent by {@link ModelMatcher#matchAllAgents}.
 *
 * @param agentIndex the agent's position in the input list, >= 0
 * @param providerName the provider serving the model; not blank
 * @param modelId the chosen model's id (its id, also when it was pinned by alias); not blank
 * @param tier the requirement's tier
 * @param score in [0.0, 1.0]; exactly 0.0 marks a fallback (no model scored, the first compliant one was taken)
 */
public record ModelMatch(int agentIndex, String providerName, String modelId, ModelTier tier, double score) {

    public ModelMatch {
        if (agentIndex < 0) {
            throw new IllegalArgumentException("agentIndex must be >= 0, got " + agentIndex);
        }
        Checks.notBlank(providerName, "providerName");
        Checks.notBlank(modelId, "modelId");
        Checks.notNull(tier, "tier");
        Checks.inRange(score, 0.0, 1.0, "score");
    }

    /** True when this match is the score-0 fallback rather than a scored choice. */
    public boolean isFallback() {
        return score == 0.0;
    }
}
