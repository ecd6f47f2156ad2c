package dev.vigil.routing;

import dev.vigil.routing.internal.Checks;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing of one subtask: the chosen agent and the runners-up that also passed the minimum score, best first.
 *
 * @param subtaskId the subtask; not blank
 * @param selected the highest-scoring candidate (the first one in agent order on a tie)
 * @param alternatives the other viable candidates, by score descending, ties in agent order; never contains the
 *     selected agent; null means none
 */
public record RoutingDecision(String subtaskId, RoutingCandidate selected, List<RoutingCandidate> alternatives) {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingDecision.class);

    public RoutingDecision {
        Checks.notBlank(subtaskId, "subtaskId");
        Checks.notNull(selected, "selected");
        alternatives = Checks.copyList(alternatives, "alternatives");
        String selectedId = selected.agent().id();
        for (RoutingCandidate alternative : alternatives) {
            if (alternative.agent().id().equals(selectedId)) {
                String error = "Selected candidate '" + selected.agent().name() + "' also appears in alternatives";
                LOG.atWarn()
                        .setMessage("vigil.routing.failed")
                        .addKeyValue("subtask_id", subtaskId)
                        .addKeyValue("error", error)
                        .log();
                throw new IllegalArgumentException(error);
            }
        }
    }
}
