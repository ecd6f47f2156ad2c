package dev.vigil.routing;

import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import java.util.List;

/**
 * Every setting of {@code routing-core} (settings.md §6): the agent-task scorer's weights and minimum score, and the
 * model matcher's score components. All are live: the assembly rebuilds {@link RoutingScorerConfig} and
 * {@code ModelMatcherConfig} from them for the next call.
 */
public final class RoutingSettings {

    private RoutingSettings() {}

    public static final Setting<Double> WEIGHT_PRIMARY_SKILL = Setting.ofDouble(
            "engine.routing.weight_primary_skill",
            0.4,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Primary-skill overlap dominates. Audit-set placeholder; revisit when routing-decision telemetry"
                    + " exists.");

    public static final Setting<Double> WEIGHT_SECONDARY_SKILL = Setting.ofDouble(
            "engine.routing.weight_secondary_skill",
            0.2,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Secondary-skill overlap, excluding primary matches.");

    public static final Setting<Double> WEIGHT_TAG_MATCH_BONUS = Setting.ofDouble(
            "engine.routing.weight_tag_match_bonus",
            0.1,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Tag match is a tiebreaker, not a primary axis; with it the weights sum to 1.1 and the score is"
                    + " capped at 1.0.");

    public static final Setting<Double> WEIGHT_ROLE_MATCH_BONUS = Setting.ofDouble(
            "engine.routing.weight_role_match_bonus",
            0.2,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Role match pushes fit by 0.2 on its own.");

    public static final Setting<Double> WEIGHT_SENIORITY_ALIGNMENT_BONUS = Setting.ofDouble(
            "engine.routing.weight_seniority_alignment_bonus",
            0.2,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Seniority alignment pushes fit by 0.2 on its own.");

    public static final Setting<Double> MIN_SCORE = Setting.ofDouble(
            "engine.routing.min_score",
            0.1,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. The minimum viable score (inclusive). The seed's rationale, \"filters out candidates that score on"
                    + " seniority alone\", does not hold with these weights: a seniority-only match scores 0.2 and"
                    + " passes. The filter removes zero scores and weak partial matches below 0.1.");

    public static final Setting<Double> MATCHER_TIER_BASE_SCORE = Setting.ofDouble(
            "engine.matcher.tier_base_score",
            0.5,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. A tier match alone gives 0.5. Audit-set placeholder; revisit with matcher-quality telemetry.");

    public static final Setting<Double> MATCHER_HEADROOM_MAX_BONUS = Setting.ofDouble(
            "engine.matcher.headroom_max_bonus",
            0.25,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Headroom adds up to 0.25.");

    public static final Setting<Double> MATCHER_PRIORITY_MAX_BONUS = Setting.ofDouble(
            "engine.matcher.priority_max_bonus",
            0.25,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Priority alignment adds up to 0.25.");

    public static final Setting<Double> MATCHER_HEADROOM_RATIO_CAP = Setting.ofDouble(
            "engine.matcher.headroom_ratio_cap",
            2.0,
            Constraint.between(1.0, 100.0),
            Reload.LIVE,
            "Seed. Twice the requested context earns the full headroom bonus; more headroom beyond that is wasted on"
                    + " the priority axis.");

    public static final Setting<Double> MATCHER_BALANCED_PARTIAL_CREDIT = Setting.ofDouble(
            "engine.matcher.balanced_partial_credit",
            0.125,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. The balanced \"no preference\" bonus is half of priority_max_bonus.");

    /** Every setting of this module, in settings.md order. */
    public static List<Setting<?>> all() {
        return List.of(
                WEIGHT_PRIMARY_SKILL,
                WEIGHT_SECONDARY_SKILL,
                WEIGHT_TAG_MATCH_BONUS,
                WEIGHT_ROLE_MATCH_BONUS,
                WEIGHT_SENIORITY_ALIGNMENT_BONUS,
                MIN_SCORE,
                MATCHER_TIER_BASE_SCORE,
                MATCHER_HEADROOM_MAX_BONUS,
                MATCHER_PRIORITY_MAX_BONUS,
                MATCHER_HEADROOM_RATIO_CAP,
                MATCHER_BALANCED_PARTIAL_CREDIT);
    }
}
