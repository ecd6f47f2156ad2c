package dev.vigil.routing.matcher;

import dev.vigil.routing.RoutingSettings;
import dev.vigil.routing.internal.Checks;
import dev.vigil.spi.settings.Settings;

/**
 * The model matcher's score components (routing.md §B.1): a model in the requested tier starts at
 * {@code tierBaseScore}, gains up to {@code headroomMaxBonus} for context headroom over the requirement and up to
 * {@code priorityMaxBonus} for fitting the requirement's priority.
 *
 * @param tierBaseScore score of a tier match alone, in [0.0, 1.0]
 * @param headroomMaxBonus the full headroom bonus, in [0.0, 1.0]
 * @param priorityMaxBonus the full priority bonus, in [0.0, 1.0]
 * @param headroomRatioCap the context/minContext ratio that earns the full headroom bonus, in [1.0, 100.0]
 * @param balancedPartialCredit the priority bonus of a balanced requirement (capped at priorityMaxBonus), in [0.0, 1.0]
 */
public record ModelMatcherConfig(
        double tierBaseScore,
        double headroomMaxBonus,
        double priorityMaxBonus,
        double headroomRatioCap,
        double balancedPartialCredit) {

    /** The seed defaults 0.5 / 0.25 / 0.25 / 2.0 / 0.125. */
    public static final ModelMatcherConfig DEFAULTS = from(Settings.defaults());

    public ModelMatcherConfig {
        Checks.inRange(tierBaseScore, 0.0, 1.0, "tierBaseScore");
        Checks.inRange(headroomMaxBonus, 0.0, 1.0, "headroomMaxBonus");
        Checks.inRange(priorityMaxBonus, 0.0, 1.0, "priorityMaxBonus");
        Checks.inRange(headroomRatioCap, 1.0, 100.0, "headroomRatioCap");
        Checks.inRange(balancedPartialCredit, 0.0, 1.0, "balancedPartialCredit");
    }

    /** Builds the config from the module's settings ({@link RoutingSettings}). */
    public static ModelMatcherConfig from(Settings settings) {
        return new ModelMatcherConfig(
                settings.get(RoutingSettings.MATCHER_TIER_BASE_SCORE),
                settings.get(RoutingSettings.MATCHER_HEADROOM_MAX_BONUS),
                settings.get(RoutingSettings.MATCHER_PRIORITY_MAX_BONUS),
                settings.get(RoutingSettings.MATCHER_HEADROOM_RATIO_CAP),
                settings.get(RoutingSettings.MATCHER_BALANCED_PARTIAL_CREDIT));
    }
}
