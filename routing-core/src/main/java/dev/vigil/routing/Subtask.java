package dev.vigil.routing;

import dev.vigil.routing.internal.Checks;
import dev.vigil.spi.model.Complexity;
import java.util.List;

/**
 * One unit of work from a decomposition plan, with what an agent needs to take it.
 *
 * @param id the subtask id, unique within its plan; not blank
 * @param requiredSkills skill ids the agent should have; null means none (skill matching is then skipped)
 * @param requiredTags tags the matched skills should carry, all of them, for the tag bonus; null means none
 * @param requiredRole the role wanted, compared case-insensitively; null means any role
 * @param estimatedComplexity how hard the subtask is, compared with the agent's seniority; null means
 *     {@link Complexity#MEDIUM}
 */
public record Subtask(
        String id,
        List<String> requiredSkills,
        List<String> requiredTags,
        String requiredRole,
        Complexity estimatedComplexity) {

    public Subtask {
        Checks.notBlank(id, "id");
        requiredSkills = Checks.copyList(requiredSkills, "requiredSkills");
        requiredTags = Checks.copyList(requiredTags, "requiredTags");
        if (estimatedComplexity == null) {
            estimatedComplexity = Complexity.MEDIUM;
        }
    }
}
