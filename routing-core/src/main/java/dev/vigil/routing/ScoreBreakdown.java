package dev.vigil.routing;

import dev.vigil.routing.internal.Checks;

/**
 * How an agent's routing score was made up, one contribution per criterion, for reports and the CLI. The score
 * itself is {@code min(uncappedTotal, 1.0)}.
 *
 * @param primarySkill (Σ proficiency of required skills found in the primary tier / required count) × primary weight
 * @param secondarySkill the same for the secondary tier, times the secondary weight
 * @param tagMatch the tag bonus when every required tag is carried by a matched skill, else 0
 * @param roleMatch the role bonus when the required role matches, else 0
 * @param seniorityAlignment the seniority bonus when the agent's level suits the complexity, else 0
 * @param uncappedTotal the contributions added in the order above, before the cap at 1.0
 */
public record ScoreBreakdown(
        double primarySkill,
        double secondarySkill,
        double tagMatch,
        double roleMatch,
        double seniorityAlignment,
        double uncappedTotal) {

    /** Every contribution zero: the breakdown of an inactive agent. */
    public static final ScoreBreakdown ZERO = new ScoreBreakdown(0.0, 0.0, 0.0, 0.0, 0.0, 0.0);

    public ScoreBreakdown {
        Checks.nonNegative(primarySkill, "primarySkill");
        Checks.nonNegative(secondarySkill, "secondarySkill");
        Checks.nonNegative(tagMatch, "tagMatch");
        Checks.nonNegative(roleMatch, "roleMatch");
        Checks.nonNegative(seniorityAlignment, "seniorityAlignment");
        Checks.nonNegative(uncappedTotal, "uncappedTotal");
    }

    /** True when the criteria added up to more than 1.0 and the score was capped. */
    public boolean capped() {
        return uncappedTotal > AgentTaskScorer.MAX_SCORE;
    }
}
