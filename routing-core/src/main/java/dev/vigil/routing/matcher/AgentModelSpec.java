package dev.vigil.routing.matcher;

import dev.vigil.routing.internal.Checks;
import java.util.Map;

/**
 * What one agent asks of its model, in one of three forms, tried in this order: a ready {@code requirement}, a
 * {@code requirementMap} to parse ({@link ModelRequirement#parse(Map)}), or a {@code tier} plus an optional
 * personality preset ({@link ModelRequirement#resolve}).
 *
 * @param requirement a ready requirement; nullable
 * @param requirementMap raw requirement keys ({@code tier}, {@code priority}, {@code min_context}, ...); nullable
 * @param tier tier wire name used when neither of the above is given; null means {@code medium}
 * @param personalityPreset personality preset supplying priority and min context; nullable
 */
public record AgentModelSpec(
        ModelRequirement requirement, Map<String, Object> requirementMap, String tier, String personalityPreset) {

    /** The tier of a spec that gives none. */
    public static final String DEFAULT_TIER = "medium";

    public AgentModelSpec {
        requirementMap = Checks.copyJsonMap(requirementMap);
        if (tier == null) {
            tier = DEFAULT_TIER;
        }
    }

    /** An agent with a ready requirement. */
    public static AgentModelSpec of(ModelRequirement requirement) {
        return new AgentModelSpec(requirement, null, null, null);
    }

    /** An agent with a raw requirement map. */
    public static AgentModelSpec ofMap(Map<String, Object> requirementMap) {
        return new AgentModelSpec(null, requirementMap, null, null);
    }

    /** An agent with a tier and an optional personality preset. */
    public static AgentModelSpec ofTier(String tier, String personalityPreset) {
        return new AgentModelSpec(null, null, tier, personalityPreset);
    }
}
