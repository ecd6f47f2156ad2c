package dev.vigil.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.routing.matcher.AgentModelSpec;
import dev.vigil.routing.matcher.ModelMatch;
import dev.vigil.routing.matcher.ModelMatcher;
import dev.vigil.routing.matcher.Provider;
import dev.vigil.spi.model.Complexity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The input records bind with plain Jackson, as {@code vigil route --agents FILE --plan FILE} reads them (YAML goes
 * through the same databind): record constructors run, so defaults and validation apply; enums take their wire
 * names with {@link MapperFeature#ACCEPT_CASE_INSENSITIVE_ENUMS}.
 */
class JacksonBindingTest {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    @Test
    void agentsAndPlanBindAndRoute() throws Exception {
        String agentsJson =
                """
                [
                  {"id": "a1", "name": "Ada", "role": "Backend Engineer", "level": "senior",
                   "skills": {"primary": [{"id": "python", "tags": ["backend"]}],
                              "secondary": [{"id": "sql", "proficiency": 0.5}]}},
                  {"id": "b1", "name": "Bob", "role": "Designer", "level": "c_suite", "status": "on_leave"}
                ]
                """;
        String planJson =
                """
                {"parentTaskId": "p1",
                 "subtasks": [
                   {"id": "s1", "requiredSkills": ["python"], "requiredTags": ["backend"],
                    "requiredRole": "backend engineer", "estimatedComplexity": "complex"},
                   {"id": "s2", "requiredSkills": ["rust"], "estimatedComplexity": "epic"}
                 ]}
                """;
        List<AgentIdentity> agents = mapper.readValue(agentsJson, new TypeReference<List<AgentIdentity>>() {});
        DecompositionPlan plan = mapper.readValue(planJson, DecompositionPlan.class);

        assertEquals(1.0, agents.get(0).skills().primary().get(0).proficiency()); // omitted -> default 1.0
        assertEquals(AgentStatus.ACTIVE, agents.get(0).status()); // omitted -> active
        assertEquals(AgentStatus.ON_LEAVE, agents.get(1).status());
        assertEquals(SeniorityLevel.C_SUITE, agents.get(1).level());
        assertEquals(SkillSet.EMPTY, agents.get(1).skills());
        assertEquals(Complexity.COMPLEX, plan.subtasks().get(0).estimatedComplexity());
        assertEquals(List.of(), plan.subtasks().get(1).requiredTags());

        RoutingResult result = new TaskRoutingService().route(plan, agents);
        assertEquals("a1", result.decisions().get(0).selected().agent().id());
        assertEquals(0.8999999999999999, result.decisions().get(0).selected().score());
        assertEquals(List.of("s2"), result.unroutable());
        // The result serialises for the CLI's --json output.
        String json = mapper.writeValueAsString(result);
        assertTrue(json.contains("\"breakdown\""), json);
    }

    @Test
    void validationRunsOnBinding() {
        Exception e = assertThrows(
                Exception.class, () -> mapper.readValue("{\"id\": \"x\", \"proficiency\": 1.5}", Skill.class));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("proficiency must be in [0.0, 1.0], got 1.5", cause.getMessage());
    }

    @Test
    void providersAndAgentSpecsBind() throws Exception {
        String providersJson =
                """
                [{"name": "P1", "agentEligible": false, "models": [{"id": "m-x", "costPer1kInput": 0.001, "maxContext": 1000}]},
                 {"name": "P2", "models": [{"id": "m-y", "alias": "fast", "costPer1kInput": 0.01, "maxContext": 128000,
                    "metadata": {"supportsTools": true, "source": "litellm"}}]}]
                """;
        List<Provider> providers = mapper.readValue(providersJson, new TypeReference<List<Provider>>() {});
        List<AgentModelSpec> specs = mapper.readValue(
                "[{\"tier\": \"large\", \"personalityPreset\": \"visionary_leader\"},"
                        + " {\"requirementMap\": {\"model_id\": \"fast\"}}]",
                new TypeReference<List<AgentModelSpec>>() {});

        assertEquals(Boolean.TRUE, providers.get(1).agentEligible());
        List<ModelMatch> matches = new ModelMatcher().matchAllAgents(specs, providers);
        assertEquals(
                List.of("m-y", "m-y"), matches.stream().map(ModelMatch::modelId).toList());
        assertEquals(List.of(0.91, 1.0), matches.stream().map(ModelMatch::score).toList());
    }
}
