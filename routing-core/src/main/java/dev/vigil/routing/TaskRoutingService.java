package dev.vigil.routing;

import dev.vigil.routing.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every subtask of a decomposition plan to the best-scoring agent (routing.md §A.4). Agents scoring below the
 * minimum score are not viable; among the viable ones the highest score wins, and on a tie the agent listed first
 * wins (D13). The other viable agents are kept as runners-up. A subtask no agent can take is reported as unroutable.
 * Immutable and thread-safe.
 */
public final class TaskRoutingService {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRoutingService.class);

    // List.sort is stable, so equal scores keep agent order (D13).
    private static final Comparator<RoutingCandidate> BY_SCORE_DESCENDING =
            Comparator.comparingDouble(RoutingCandidate::score).reversed();

    private final AgentTaskScorer scorer;

    /** A service using {@code scorer} for every agent-subtask pair. */
    public TaskRoutingService(AgentTaskScorer scorer) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
    }

    /** A service with the seed defaults. */
    public TaskRoutingService() {
        this(new AgentTaskScorer());
    }

    /** The scorer in use. */
    public AgentTaskScorer scorer() {
        return scorer;
    }

    /** Routes {@code plan} using its own parent task id. */
    public RoutingResult route(DecompositionPlan plan, List<AgentIdentity> agents) {
        Objects.requireNonNull(plan, "plan");
        return route(plan, agents, plan.parentTaskId());
    }

    /**
     * Routes each subtask of {@code plan}, in plan order, to one of {@code agents}.
     *
     * @param parentTaskId must equal {@code plan.parentTaskId()}
     * @return one decision per routed subtask (chosen agent with its score breakdown, runners-up best first) and the
     *     ids of unroutable subtasks
     * @throws IllegalArgumentException {@code parentTaskId '<a>' does not match plan.parentTaskId '<b>'}, or when
     *     {@code agents} contains null
     */
    public RoutingResult route(DecompositionPlan plan, List<AgentIdentity> agents, String parentTaskId) {
        Objects.requireNonNull(plan, "plan");
        List<AgentIdentity> pool = Checks.copyList(agents, "agents");
        if (!plan.parentTaskId().equals(parentTaskId)) {
            String error = "parentTaskId '" + parentTaskId + "' does not match plan.parentTaskId '"
                    + plan.parentTaskId() + "'";
            LOG.atWarn()
                    .setMessage("vigil.routing.failed")
                    .addKeyValue("parent_task_id", parentTaskId)
                    .addKeyValue("error", error)
                    .log();
            throw new IllegalArgumentException(error);
        }
        List<Subtask> subtasks = plan.subtasks();
        LOG.atInfo()
                .setMessage("vigil.routing.started")
                .addKeyValue("parent_task_id", parentTaskId)
                .addKeyValue("subtask_count", subtasks.size())
                .addKeyValue("agent_count", pool.size())
                .log();
        if (pool.isEmpty()) {
            LOG.atWarn()
                    .setMessage("vigil.routing.no_agents")
                    .addKeyValue("parent_task_id", parentTaskId)
                    .addKeyValue("subtask_count", subtasks.size())
                    .log();
            return new RoutingResult(
                    parentTaskId, List.of(), subtasks.stream().map(Subtask::id).toList());
        }
        try {
            return routeAll(parentTaskId, subtasks, pool);
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .setMessage("vigil.routing.failed")
                    .addKeyValue("parent_task_id", parentTaskId)
                    .addKeyValue("error_type", e.getClass().getSimpleName())
                    .addKeyValue("error", String.valueOf(e.getMessage()))
                    .log();
            throw e;
        }
    }

    /**
     * Every agent scored against {@code subtask}, best first, ties in agent order, including the agents below the
     * minimum score. Useful to explain an unroutable subtask ("the best agent scored 0.05, below 0.1").
     */
    public List<RoutingCandidate> rank(Subtask subtask, List<AgentIdentity> agents) {
        Objects.requireNonNull(subtask, "subtask");
        List<RoutingCandidate> candidates = new ArrayList<>();
        for (AgentIdentity agent : Checks.copyList(agents, "agents")) {
            candidates.add(scorer.score(agent, subtask));
        }
        candidates.sort(BY_SCORE_DESCENDING);
        return List.copyOf(candidates);
    }

    private RoutingResult routeAll(String parentTaskId, List<Subtask> subtasks, List<AgentIdentity> agents) {
        List<RoutingDecision> decisions = new ArrayList<>();
        List<String> unroutable = new ArrayList<>();
        for (Subtask subtask : subtasks) {
            List<RoutingCandidate> viable =
                    rank(subtask, agents).stream().filter(scorer::isViable).toList();
            if (viable.isEmpty()) {
                LOG.atWarn()
                        .setMessage("vigil.routing.subtask_unroutable")
                        .addKeyValue("subtask_id", subtask.id())
                        .addKeyValue("agent_count", agents.size())
                        .log();
                unroutable.add(subtask.id());
                continue;
            }
            RoutingCandidate selected = viable.get(0);
            List<RoutingCandidate> alternatives = viable.subList(1, viable.size());
            LOG.atDebug()
                    .setMessage("vigil.routing.subtask_routed")
                    .addKeyValue("subtask_id", subtask.id())
                    .addKeyValue("agent_name", selected.agent().name())
                    .addKeyValue("score", selected.score())
                    .addKeyValue("alternatives", alternatives.size())
                    .log();
            decisions.add(new RoutingDecision(subtask.id(), selected, alternatives));
        }
        RoutingResult result = new RoutingResult(parentTaskId, decisions, unroutable);
        LOG.atInfo()
                .setMessage("vigil.routing.complete")
                .addKeyValue("parent_task_id", parentTaskId)
                .addKeyValue("routed", decisions.size())
                .addKeyValue("unroutable", unroutable.size())
                .log();
        return result;
    }
}
