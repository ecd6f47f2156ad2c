package dev.vigil.routing;

import dev.vigil.routing.internal.Checks;
import java.util.List;

/**
 * One agent scored against one subtask.
 *
 * @param agent the agent
 * @param score in [0.0, 1.0]
 * @param matchedSkills the required skills the agent has: primary-tier matches, then secondary-tier ones, each sorted
 * @param reason why the agent scored what it did, e.g. {@code primary skills: [python]; role match}; not blank
 * @param breakdown the score's contributions per criterion; null only for candidates built by hand (the 4-argument
 *     constructor), never for those made by {@link AgentTaskScorer}
 */
public record RoutingCandidate(
        AgentIdentity agent, double score, List<String> matchedSkills, String reason, ScoreBreakdown breakdown) {

    public RoutingCandidate {
        Checks.notNull(agent, "agent");
        Checks.inRange(score, 0.0, 1.0, "score");
        matchedSkills = Checks.copyList(matchedSkills, "matchedSkills");
        Checks.notBlank(reason, "reason");
    }

    /** A candidate without a breakdown, as the spec's four components define it. */
    public RoutingCandidate(AgentIdentity agent, double score, List<String> matchedSkills, String reason) {
        this(agent, score, matchedSkills, reason, null);
    }
}
