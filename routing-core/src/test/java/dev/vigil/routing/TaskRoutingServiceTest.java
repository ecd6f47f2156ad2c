package dev.vigil.routing;

import static dev.vigil.routing.Fixtures.agent;
import static dev.vigil.routing.Fixtures.primary;
import static dev.vigil.routing.Fixtures.secondary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Complexity;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** TaskRoutingService.route (routing.md §A.4, examples.md §21 second table). */
class TaskRoutingServiceTest {

    private final TaskRoutingService service = new TaskRoutingService();

    // Against subtask "s1" (skills [python], epic): a 0.4 (primary), b 0.6 (primary + secondary), c 0.4 (primary).
    private final AgentIdentity a = agent("a", SeniorityLevel.JUNIOR, primary(new Skill("python")));
    private final AgentIdentity b =
            agent("b", SeniorityLevel.JUNIOR, new SkillSet(List.of(new Skill("python")), List.of(new Skill("sql"))));
    private final AgentIdentity c = agent("c", SeniorityLevel.JUNIOR, primary(new Skill("python")));
    private final Subtask s1 = new Subtask("s1", List.of("python"), List.of(), null, Complexity.EPIC);

    @BeforeEach
    void clearLogs() {
        RecordingLogs.clear();
    }

    @Test
    void bestScoreWinsAndTiesKeepAgentOrder() {
        AgentIdentity bBoth = agent(
                "b",
                "Engineer",
                SeniorityLevel.JUNIOR,
                new SkillSet(List.of(new Skill("python")), List.of(new Skill("sql"))));
        Subtask task = new Subtask("s1", List.of("python", "sql"), List.of(), null, Complexity.EPIC);
        // a: 0.5*0.4 = 0.2, b: 0.2 + 0.1 = 0.30000000000000004, c: 0.2
        RoutingResult result = service.route(new DecompositionPlan("p", List.of(task)), List.of(a, bBoth, c), "p");

        RoutingDecision decision = result.decisions().get(0);
        assertEquals("b", decision.selected().agent().id());
        assertEquals(
                List.of("a", "c"),
                decision.alternatives().stream().map(x -> x.agent().id()).toList());
    }

    @Test
    void exampleScoresPointFourPointSixPointFour() {
        // Weights chosen so that a, b, c score exactly 0.4, 0.6, 0.4 as in examples.md.
        AgentIdentity bSenior = agent("b", "Engineer", SeniorityLevel.LEAD, primary(new Skill("python")));
        RoutingResult result = service.route(new DecompositionPlan("p", List.of(s1)), List.of(a, bSenior, c));

        RoutingDecision decision = result.decisions().get(0);
        assertEquals(0.6000000000000001, decision.selected().score(), 1e-12);
        assertEquals("b", decision.selected().agent().id());
        assertEquals(
                List.of(0.4, 0.4),
                decision.alternatives().stream().map(RoutingCandidate::score).toList());
        assertEquals(
                List.of("a", "c"),
                decision.alternatives().stream().map(x -> x.agent().id()).toList());
        assertEquals(List.of(), result.unroutable());
    }

    @Test
    void equalScoresFirstAgentWins() {
        RoutingResult result = service.route(new DecompositionPlan("p", List.of(s1)), List.of(c, a));
        assertEquals("c", result.decisions().get(0).selected().agent().id());
        assertEquals(
                "a", result.decisions().get(0).alternatives().get(0).agent().id());
    }

    @Test
    void everyScoreBelowMinimumMakesTheSubtaskUnroutable() {
        Subtask java = new Subtask("s2", List.of("java"), List.of(), null, Complexity.EPIC);
        AgentIdentity weak = agent("w", SeniorityLevel.JUNIOR, secondary(new Skill("java", 0.4, null))); // 0.08
        RoutingResult result = service.route(new DecompositionPlan("p", List.of(s1, java)), List.of(a, weak));

        assertEquals(
                List.of("s1"),
                result.decisions().stream().map(RoutingDecision::subtaskId).toList());
        assertEquals(List.of("s2"), result.unroutable());
        var events = RecordingLogs.named("vigil.routing.subtask_unroutable");
        assertEquals(1, events.size());
        assertEquals(Level.WARN, events.get(0).level());
        assertEquals("s2", events.get(0).field("subtask_id"));
        assertEquals(2, events.get(0).field("agent_count"));
    }

    @Test
    void belowMinimumCandidatesAreNotAlternatives() {
        AgentIdentity none = agent("n", SeniorityLevel.MID, SkillSet.EMPTY); // 0.0 on s1
        RoutingResult result = service.route(new DecompositionPlan("p", List.of(s1)), List.of(none, a));
        assertEquals("a", result.decisions().get(0).selected().agent().id());
        assertEquals(List.of(), result.decisions().get(0).alternatives());
    }

    @Test
    void minScoreIsInclusive() {
        AgentIdentity exactlyMin = agent("m", SeniorityLevel.JUNIOR, secondary(new Skill("python", 0.5, null)));
        RoutingResult result = service.route(new DecompositionPlan("p", List.of(s1)), List.of(exactlyMin));
        assertEquals(0.1, result.decisions().get(0).selected().score());
    }

    @Test
    void noAgentsMakesEverySubtaskUnroutable() {
        Subtask s2 = new Subtask("s2", null, null, null, null);
        RoutingResult result = service.route(new DecompositionPlan("p", List.of(s1, s2)), List.of(), "p");

        assertEquals(List.of(), result.decisions());
        assertEquals(List.of("s1", "s2"), result.unroutable());
        var events = RecordingLogs.named("vigil.routing.no_agents");
        assertEquals(1, events.size());
        assertEquals(Level.WARN, events.get(0).level());
        assertEquals("p", events.get(0).field("parent_task_id"));
        assertEquals(2, events.get(0).field("subtask_count"));
    }

    @Test
    void parentTaskIdMustMatchThePlan() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> service.route(new DecompositionPlan("p2", List.of(s1)), List.of(a), "p1"));
        assertEquals("parentTaskId 'p1' does not match plan.parentTaskId 'p2'", e.getMessage());
        assertEquals(1, RecordingLogs.named("vigil.routing.failed").size());
    }

    @Test
    void decisionsFollowPlanOrderAndCarryBreakdowns() {
        Subtask s0 = new Subtask("s0", List.of(), List.of(), null, Complexity.SIMPLE); // juniors align: 0.2
        RoutingResult result = service.route(new DecompositionPlan("p", List.of(s1, s0)), List.of(a, b));

        assertEquals(
                List.of("s1", "s0"),
                result.decisions().stream().map(RoutingDecision::subtaskId).toList());
        RoutingCandidate chosen = result.decisionFor("s0").orElseThrow().selected();
        assertEquals("a", chosen.agent().id());
        assertEquals(0.2, chosen.breakdown().seniorityAlignment());
        assertTrue(result.decisionFor("nope").isEmpty());
    }

    @Test
    void startedAndCompleteAreLogged() {
        service.route(new DecompositionPlan("p", List.of(s1)), List.of(a, b));

        var started = RecordingLogs.named("vigil.routing.started");
        assertEquals(1, started.size());
        assertEquals(Level.INFO, started.get(0).level());
        assertEquals(1, started.get(0).field("subtask_count"));
        assertEquals(2, started.get(0).field("agent_count"));
        var routed = RecordingLogs.named("vigil.routing.subtask_routed");
        assertEquals(1, routed.size());
        assertEquals("a", routed.get(0).field("agent_name"));
        assertEquals(1, routed.get(0).field("alternatives"));
        var complete = RecordingLogs.named("vigil.routing.complete");
        assertEquals(1, complete.size());
        assertEquals(1, complete.get(0).field("routed"));
        assertEquals(0, complete.get(0).field("unroutable"));
    }

    @Test
    void duplicateSubtaskIdsFailWithTheResultMessage() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> service.route(new DecompositionPlan("p", List.of(s1, s1)), List.of(a)));
        assertEquals("Duplicate subtask IDs in decisions: [s1]", e.getMessage());
        var failed = RecordingLogs.named("vigil.routing.failed");
        assertTrue(failed.stream().anyMatch(ev -> "IllegalArgumentException".equals(ev.field("error_type"))));
    }

    @Test
    void customMinScoreIsHonoured() {
        TaskRoutingService strict = new TaskRoutingService(new AgentTaskScorer(0.5, RoutingScorerConfig.DEFAULTS));
        RoutingResult result = strict.route(new DecompositionPlan("p", List.of(s1)), List.of(a, b));
        assertEquals(List.of("s1"), result.unroutable());
    }

    @Test
    void nullAgentIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> service.route(new DecompositionPlan("p", List.of(s1)), java.util.Arrays.asList(a, null)));
    }

    @Test
    void rankExplainsAnUnroutableSubtask() {
        Subtask java = new Subtask("s2", List.of("java"), List.of(), null, Complexity.EPIC);
        AgentIdentity weak = agent("w", SeniorityLevel.JUNIOR, secondary(new Skill("java", 0.4, null)));
        List<RoutingCandidate> ranked = service.rank(java, List.of(a, weak));
        assertEquals(List.of("w", "a"), ranked.stream().map(x -> x.agent().id()).toList());
        assertEquals(0.08000000000000002, ranked.get(0).score(), 1e-12);
        assertEquals(0.0, ranked.get(1).score());
    }
}
