package dev.vigil.routing;

import dev.vigil.routing.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing of a whole decomposition plan: one decision per routed subtask, in plan order, and the ids of the
 * subtasks no agent could take (reported, never dropped). Each subtask id appears at most once overall.
 *
 * @param parentTaskId the plan's parent task; not blank
 * @param decisions the routed subtasks; null means none
 * @param unroutable ids of subtasks where no agent reached the minimum score; null means none
 */
public record RoutingResult(String parentTaskId, List<RoutingDecision> decisions, List<String> unroutable) {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingResult.class);

    public RoutingResult {
        Checks.notBlank(parentTaskId, "parentTaskId");
        decisions = Checks.copyList(decisions, "decisions");
        unroutable = Checks.copyList(unroutable, "unroutable");
        List<String> decided =
                decisions.stream().map(RoutingDecision::subtaskId).toList();
        List<String> duplicateDecisions = Checks.sortedDuplicates(decided);
        if (!duplicateDecisions.isEmpty()) {
            fail(parentTaskId, "Duplicate subtask IDs in decisions: " + duplicateDecisions);
        }
        List<String> duplicateUnroutable = Checks.sortedDuplicates(unroutable);
        if (!duplicateUnroutable.isEmpty()) {
            fail(parentTaskId, "Duplicate subtask IDs in unroutable: " + duplicateUnroutable);
        }
        Set<String> decidedSet = new HashSet<>(decided);
        Set<String> both = new TreeSet<>();
        for (String id : unroutable) {
            if (decidedSet.contains(id)) {
                both.add(id);
            }
        }
        if (!both.isEmpty()) {
            fail(parentTaskId, "Subtask IDs appear in both decisions and unroutable: " + new ArrayList<>(both));
        }
    }

    /** The decision for {@code subtaskId}, or empty when that subtask was unroutable or is unknown. */
    public Optional<RoutingDecision> decisionFor(String subtaskId) {
        return decisions.stream()
                .filter(decision -> decision.subtaskId().equals(subtaskId))
                .findFirst();
    }

    private static void fail(String parentTaskId, String error) {
        LOG.atWarn()
                .setMessage("vigil.routing.failed")
                .addKeyValue("parent_task_id", parentTaskId)
                .addKeyValue("error", error)
                .log();
        throw new IllegalArgumentException(error);
    }
}
