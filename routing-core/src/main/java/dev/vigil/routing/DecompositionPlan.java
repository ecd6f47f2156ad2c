package dev.vigil.routing;

import dev.vigil.routing.internal.Checks;
import java.util.List;

/**
 * A parent task split into subtasks, the input of {@link TaskRoutingService#route}.
 *
 * @param parentTaskId the task that was decomposed; not blank
 * @param subtasks the subtasks, routed in this order; null means none
 */
public record DecompositionPlan(String parentTaskId, List<Subtask> subtasks) {

    public DecompositionPlan {
        Checks.notBlank(parentTaskId, "parentTaskId");
        subtasks = Checks.copyList(subtasks, "subtasks");
    }
}
