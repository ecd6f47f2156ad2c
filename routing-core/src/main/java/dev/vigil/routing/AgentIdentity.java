package dev.vigil.routing;

import dev.vigil.routing.internal.Checks;

/**
 * An agent that subtasks can be routed to: who it is, its role and seniority, whether it is active, and its skills.
 *
 * @param id unique agent id; not blank
 * @param name display name, used in log events and messages; not blank
 * @param role the agent's role, e.g. {@code Backend Engineer}, compared case-insensitively with a subtask's required
 *     role; not blank
 * @param level seniority, matched against the subtask's complexity; required
 * @param status null means {@link AgentStatus#ACTIVE}
 * @param skills null means no skills
 */
public record AgentIdentity(
        String id, String name, String role, SeniorityLevel level, AgentStatus status, SkillSet skills) {

    public AgentIdentity {
        Checks.notBlank(id, "id");
        Checks.notBlank(name, "name");
        Checks.notBlank(role, "role");
        Checks.notNull(level, "level");
        if (status == null) {
            status = AgentStatus.ACTIVE;
        }
        if (skills == null) {
            skills = SkillSet.EMPTY;
        }
    }
}
