package dev.vigil.routing;

import dev.vigil.routing.internal.Checks;
import dev.vigil.spi.settings.Settings;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent-task scorer's weights and minimum score (routing.md §A.2). Every component is in [0.0, 1.0]. When the
 * five weights sum to more than the documented maximum 1.1 the config still applies (the final score is capped at
 * 1.0), but a warning {@code vigil.routing.scorer_invalid_config} is logged.
 *
 * @param primarySkillWeight weight of required skills found in the primary tier
 * @param secondarySkillWeight weight of required skills found only in the secondary tier
 * @param tagMatchBonus bonus when the matched skills carry every required tag
 * @param roleMatchBonus bonus when the agent has the required role
 * @param seniorityAlignmentBonus bonus when the agent's seniority suits the subtask's complexity
 * @param minScore the lowest score (inclusive) at which an agent can be routed to
 */
public record RoutingScorerConfig(
        double primarySkillWeight,
        double secondarySkillWeight,
        double tagMatchBonus,
        double roleMatchBonus,
        double seniorityAlignmentBonus,
        double minScore) {

    /** The documented maximum weight sum; above it the config warns (settings.md §9 constant). */
    public static final double DOCUMENTED_MAX_WEIGHT_SUM = 1.1;

    /** The "hard ceiling" the warning mentions; it is deliberately not enforced (settings.md §9 constant). */
    public static final double MENTIONED_WEIGHT_CEILING = 1.3;

    private static final Logger LOG = LoggerFactory.getLogger(RoutingScorerConfig.class);

    /** The seed defaults: 0.4 / 0.2 / 0.1 / 0.2 / 0.2, min score 0.1. */
    public static final RoutingScorerConfig DEFAULTS = from(Settings.defaults());

    public RoutingScorerConfig {
        Checks.inRange(primarySkillWeight, 0.0, 1.0, "primarySkillWeight");
        Checks.inRange(secondarySkillWeight, 0.0, 1.0, "secondarySkillWeight");
        Checks.inRange(tagMatchBonus, 0.0, 1.0, "tagMatchBonus");
        Checks.inRange(roleMatchBonus, 0.0, 1.0, "roleMatchBonus");
        Checks.inRange(seniorityAlignmentBonus, 0.0, 1.0, "seniorityAlignmentBonus");
        Checks.inRange(minScore, 0.0, 1.0, "minScore");
        double weightSum = weightSum(
                primarySkillWeight, secondarySkillWeight, tagMatchBonus, roleMatchBonus, seniorityAlignmentBonus);
        if (weightSum > DOCUMENTED_MAX_WEIGHT_SUM) {
            LOG.atWarn()
                    .setMessage("vigil.routing.scorer_invalid_config")
                    .addKeyValue("weight_sum", weightSum)
                    .addKeyValue("error", weightSumWarning(weightSum))
                    .log();
        }
    }

    /** Builds the config from the module's settings ({@link RoutingSettings}). */
    public static RoutingScorerConfig from(Settings settings) {
        return new RoutingScorerConfig(
                settings.get(RoutingSettings.WEIGHT_PRIMARY_SKILL),
                settings.get(RoutingSettings.WEIGHT_SECONDARY_SKILL),
                settings.get(RoutingSettings.WEIGHT_TAG_MATCH_BONUS),
                settings.get(RoutingSettings.WEIGHT_ROLE_MATCH_BONUS),
                settings.get(RoutingSettings.WEIGHT_SENIORITY_ALIGNMENT_BONUS),
                settings.get(RoutingSettings.MIN_SCORE));
    }

    /** primary + secondary + tag + role + seniority, summed in that order (the default sum is exactly 1.1). */
    public double weightSum() {
        return weightSum(
                primarySkillWeight, secondarySkillWeight, tagMatchBonus, roleMatchBonus, seniorityAlignmentBonus);
    }

    /** True when {@link #weightSum()} exceeds the documented maximum and the config logs a warning. */
    public boolean exceedsDocumentedMaximum() {
        return weightSum() > DOCUMENTED_MAX_WEIGHT_SUM;
    }

    /** The warning text for an over-weight config, e.g. {@code routing weights sum to 1.200 (...)}. */
    static String weightSumWarning(double weightSum) {
        return String.format(
                Locale.ROOT,
                "routing weights sum to %.3f (documented max ~%s, hard ceiling %s); final score is still capped at 1.0",
                weightSum,
                DOCUMENTED_MAX_WEIGHT_SUM,
                MENTIONED_WEIGHT_CEILING);
    }

    private static double weightSum(double primary, double secondary, double tag, double role, double seniority) {
        return primary + secondary + tag + role + seniority;
    }
}
