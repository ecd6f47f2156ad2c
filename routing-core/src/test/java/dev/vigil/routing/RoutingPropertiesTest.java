package dev.vigil.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Complexity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the routing scorer and service. */
class RoutingPropertiesTest {

    private static final List<String> SKILL_IDS = List.of("python", "java", "sql", "docs", "go");
    private static final List<String> TAGS = List.of("backend", "api", "ml", "writing");
    private static final List<String> ROLES = List.of("Backend Engineer", "backend engineer ", "Designer", "QA");

    @Property
    void scoresStayInTheUnitInterval(
            @ForAll("configs") RoutingScorerConfig config,
            @ForAll("agents") AgentIdentity agent,
            @ForAll("subtasks") Subtask subtask) {
        RoutingCandidate candidate = new AgentTaskScorer(config).score(agent, subtask);
        assertTrue(candidate.score() >= 0.0 && candidate.score() <= 1.0, () -> "score " + candidate.score());
        assertEquals(Math.min(candidate.breakdown().uncappedTotal(), 1.0), candidate.score());
    }

    @Property
    void addingAnAgentChangesAWinnerOnlyWhenItScoresStrictlyHigher(
            @ForAll("configs") RoutingScorerConfig config,
            @ForAll("agentLists") List<AgentIdentity> agents,
            @ForAll("agents") AgentIdentity extra,
            @ForAll("plans") DecompositionPlan plan) {
        AgentTaskScorer scorer = new AgentTaskScorer(config);
        TaskRoutingService service = new TaskRoutingService(scorer);
        AgentIdentity newcomer = renamed(extra, "newcomer");
        List<AgentIdentity> more = new ArrayList<>(agents);
        more.add(newcomer);

        RoutingResult before = service.route(plan, agents);
        RoutingResult after = service.route(plan, more);

        for (Subtask subtask : plan.subtasks()) {
            double newcomerScore = scorer.score(newcomer, subtask).score();
            var old = before.decisionFor(subtask.id());
            var now = after.decisionFor(subtask.id());
            if (old.isPresent()) {
                String winner = now.orElseThrow().selected().agent().id();
                if (newcomerScore > old.get().selected().score()) {
                    assertEquals("newcomer", winner);
                } else {
                    assertEquals(old.get().selected().agent().id(), winner);
                }
            } else {
                assertEquals(newcomerScore >= scorer.minScore(), now.isPresent());
            }
        }
    }

    @Property
    void everySubtaskIsEitherRoutedOrReported(
            @ForAll("agentLists") List<AgentIdentity> agents, @ForAll("plans") DecompositionPlan plan) {
        RoutingResult result = new TaskRoutingService().route(plan, agents);
        List<String> seen = new ArrayList<>();
        result.decisions().forEach(d -> seen.add(d.subtaskId()));
        seen.addAll(result.unroutable());
        assertEquals(
                plan.subtasks().stream().map(Subtask::id).sorted().toList(),
                seen.stream().sorted().toList());
        for (RoutingDecision decision : result.decisions()) {
            assertTrue(decision.selected().score() >= 0.1);
            for (RoutingCandidate alternative : decision.alternatives()) {
                assertTrue(alternative.score() <= decision.selected().score());
                assertTrue(alternative.score() >= 0.1);
            }
        }
    }

    @Property
    void hostileDoublesAreRejected(@ForAll("hostile") double value) {
        assertThrows(IllegalArgumentException.class, () -> new Skill("p", value, null));
        assertThrows(IllegalArgumentException.class, () -> new RoutingScorerConfig(value, 0.2, 0.1, 0.2, 0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new AgentTaskScorer(value, null));
        AgentIdentity agent = new AgentIdentity("a", "a", "r", SeniorityLevel.MID, null, null);
        assertThrows(IllegalArgumentException.class, () -> new RoutingCandidate(agent, value, null, "r"));
    }

    @Provide
    Arbitrary<Double> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        -Double.MIN_VALUE,
                        Math.nextUp(1.0),
                        Double.MAX_VALUE,
                        -Double.MAX_VALUE),
                Arbitraries.doubles().between(-1e12, -0.01),
                Arbitraries.doubles().between(1.01, 1e12));
    }

    @Provide
    Arbitrary<RoutingScorerConfig> configs() {
        Arbitrary<Double> unit = unitDoubles();
        return Combinators.combine(unit, unit, unit, unit, unit, unit).as(RoutingScorerConfig::new);
    }

    @Provide
    Arbitrary<AgentIdentity> agents() {
        Arbitrary<List<Skill>> skills = Combinators.combine(
                        Arbitraries.of(SKILL_IDS),
                        unitDoubles(),
                        Arbitraries.of(TAGS).list().ofMaxSize(3))
                .as(Skill::new)
                .list()
                .ofMaxSize(5);
        Arbitrary<SkillSet> skillSets = Combinators.combine(skills, skills).as(RoutingPropertiesTest::skillSet);
        return Combinators.combine(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
                        Arbitraries.of(ROLES),
                        Arbitraries.of(SeniorityLevel.class),
                        Arbitraries.of(AgentStatus.class),
                        skillSets)
                .as((id, role, level, status, set) -> new AgentIdentity(id, id, role, level, status, set));
    }

    @Provide
    Arbitrary<List<AgentIdentity>> agentLists() {
        // Unique ids: duplicates would make a result's decision list its own alternative.
        return agents().list().ofMaxSize(6).map(list -> {
            List<AgentIdentity> unique = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                unique.add(renamed(list.get(i), "agent-" + i));
            }
            return unique;
        });
    }

    @Provide
    Arbitrary<Subtask> subtasks() {
        return Combinators.combine(
                        Arbitraries.of(SKILL_IDS).list().ofMaxSize(4),
                        Arbitraries.of(TAGS).list().ofMaxSize(3),
                        Arbitraries.of(ROLES).injectNull(0.3),
                        Arbitraries.of(Complexity.class).injectNull(0.1))
                .as((skills, tags, role, complexity) -> new Subtask("s", skills, tags, role, complexity));
    }

    @Provide
    Arbitrary<DecompositionPlan> plans() {
        return subtasks().list().ofMaxSize(5).map(list -> {
            List<Subtask> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Subtask s = list.get(i);
                numbered.add(new Subtask(
                        "s" + i, s.requiredSkills(), s.requiredTags(), s.requiredRole(), s.estimatedComplexity()));
            }
            return new DecompositionPlan("parent", numbered);
        });
    }

    private static Arbitrary<Double> unitDoubles() {
        return Arbitraries.oneOf(
                Arbitraries.of(0.0, 1.0, 0.1, 0.2, 0.4), Arbitraries.doubles().between(0.0, 1.0));
    }

    /** Keeps each skill id once, in the first tier it appears in. */
    private static SkillSet skillSet(List<Skill> primary, List<Skill> secondary) {
        Map<String, Skill> first = primary.stream()
                .collect(Collectors.toMap(Skill::id, Function.identity(), (x, y) -> x, java.util.LinkedHashMap::new));
        LinkedHashSet<String> used = new LinkedHashSet<>(first.keySet());
        List<Skill> second = new ArrayList<>();
        for (Skill skill : secondary) {
            if (used.add(skill.id())) {
                second.add(skill);
            }
        }
        return new SkillSet(List.copyOf(first.values()), second);
    }

    private static AgentIdentity renamed(AgentIdentity agent, String id) {
        return new AgentIdentity(id, id, agent.role(), agent.level(), agent.status(), agent.skills());
    }
}
