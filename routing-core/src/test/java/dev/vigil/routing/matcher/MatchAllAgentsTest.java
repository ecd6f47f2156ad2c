package dev.vigil.routing.matcher;

import static dev.vigil.routing.matcher.ModelMatcherExamplesTest.M_A;
import static dev.vigil.routing.matcher.ModelMatcherExamplesTest.M_B;
import static dev.vigil.routing.matcher.ModelMatcherExamplesTest.M_C;
import static dev.vigil.routing.matcher.ModelMatcherExamplesTest.M_D;
import static dev.vigil.routing.matcher.ModelMatcherExamplesTest.P1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.routing.RecordingLogs;
import dev.vigil.spi.model.ModelTier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** matchAllAgents across providers (routing.md §B.5, examples.md §22 batch table). */
class MatchAllAgentsTest {

    private final ModelMatcher matcher = new ModelMatcher();

    @BeforeEach
    void clearLogs() {
        RecordingLogs.clear();
    }

    private static AgentModelSpec agent(ModelTier tier, ModelPriority priority, int minContext) {
        return AgentModelSpec.of(ModelRequirement.of(tier, priority, minContext));
    }

    @Test
    void agentIneligibleProvidersAreNeverUsed() {
        Provider p1 = new Provider("P1", false, List.of(new ProviderModel("m-x", 0.0001, 1_000_000, 1.0)));
        Provider p2 = new Provider("P2", true, List.of(new ProviderModel("m-y", 0.5, 1_000, null)));
        List<ModelMatch> matches = matcher.matchAllAgents(
                List.of(
                        agent(ModelTier.SMALL, ModelPriority.COST, 0),
                        agent(ModelTier.LARGE, ModelPriority.QUALITY, 500_000),
                        AgentModelSpec.of(ModelRequirement.pinned("m-x"))),
                List.of(p1, p2));
        assertEquals(2, matches.size());
        matches.forEach(m -> assertEquals("m-y", m.modelId()));
        assertEquals(0.0, matches.get(1).score()); // min_context unmet: the fallback
        var failed = RecordingLogs.named("vigil.matcher.match_failed");
        assertEquals(1, failed.size());
        assertEquals("pinned_model_unavailable", failed.get(0).field("reason"));
    }

    @Test
    void strictlyHigherScoreWinsAcrossProviders() {
        // LARGE balanced over P1 scores 0.875; a single-model provider scores 1.0.
        Provider p1 = new Provider("P1", P1);
        Provider p2 = new Provider("P2", List.of(new ProviderModel("solo", 0.02, 128_000, null)));
        ModelMatch match = matcher.matchAllAgents(
                        List.of(agent(ModelTier.LARGE, ModelPriority.BALANCED, 0)), List.of(p1, p2))
                .get(0);
        assertEquals("P2", match.providerName());
        assertEquals("solo", match.modelId());
        assertEquals(1.0, match.score());
        assertEquals(ModelTier.LARGE, match.tier());
    }

    @Test
    void equalScoresKeepTheFirstProvider() {
        Provider p1 = new Provider("P1", P1);
        Provider p2 = new Provider("P2", P1);
        ModelMatch match = matcher.matchAllAgents(
                        List.of(agent(ModelTier.LARGE, ModelPriority.QUALITY, 0)), List.of(p1, p2))
                .get(0);
        assertEquals("P1", match.providerName());
        assertEquals(1.0, match.score());
    }

    @Test
    void noCandidateForMinContextFallsBackToTheFirstCompliantModel() {
        List<ModelMatch> matches = matcher.matchAllAgents(
                List.of(agent(ModelTier.LARGE, ModelPriority.QUALITY, 1_000_000)), List.of(new Provider("P1", P1)));
        assertEquals(List.of(new ModelMatch(0, "P1", "m-a", ModelTier.LARGE, 0.0)), matches);
        assertTrue(matches.get(0).isFallback());
        var events = RecordingLogs.named("vigil.matcher.match_fallback");
        assertEquals(1, events.size());
        assertEquals(Level.DEBUG, events.get(0).level());
        assertEquals("P1", events.get(0).field("fallback_provider"));
        assertEquals("m-a", events.get(0).field("fallback_model"));
        assertEquals("large", events.get(0).field("tier"));
    }

    @Test
    void fallbackSkipsNonCompliantModels() {
        ProviderModel failed = new ProviderModel(
                "bad",
                null,
                0.01,
                1_000,
                null,
                new ModelMetadata(true, false, false, false, false, null, null, MetadataSource.LITELLM));
        Provider p1 = new Provider("P1", List.of(failed));
        Provider p2 = new Provider("P2", List.of(M_B));
        List<ModelMatch> matches =
                matcher.matchAllAgents(List.of(agent(ModelTier.SMALL, ModelPriority.COST, 900_000)), List.of(p1, p2));
        assertEquals("m-b", matches.get(0).modelId());
        assertEquals("P2", matches.get(0).providerName());
        assertEquals(0.0, matches.get(0).score());
    }

    @Test
    void onlyEmbeddingModelsLeaveTheAgentOmitted() {
        ProviderModel embedding = new ProviderModel(
                "emb", null, 0.01, 8_000, null, new ModelMetadata(false, false, false, true, null, null, null, null));
        List<ModelMatch> matches = matcher.matchAllAgents(
                List.of(agent(ModelTier.MEDIUM, ModelPriority.BALANCED, 0)),
                List.of(new Provider("P", List.of(embedding))));
        assertEquals(List.of(), matches);
        var failed = RecordingLogs.named("vigil.matcher.match_failed");
        assertEquals(1, failed.size());
        assertEquals(Level.WARN, failed.get(0).level());
        assertEquals("no_compliant_model", failed.get(0).field("reason"));
        assertEquals(0, failed.get(0).field("agent_index"));
        assertEquals("medium", failed.get(0).field("tier"));
    }

    @Test
    void noModelsAtAll() {
        assertEquals(
                List.of(),
                matcher.matchAllAgents(
                        List.of(agent(ModelTier.MEDIUM, ModelPriority.BALANCED, 0)),
                        List.of(new Provider("P", List.of()), new Provider("Q", false, List.of(M_A)))));
        assertEquals(
                "no_models_available",
                RecordingLogs.named("vigil.matcher.match_failed").get(0).field("reason"));
        assertEquals(List.of(), matcher.matchAllAgents(List.of(agent(ModelTier.SMALL, null, 0)), List.of()));
    }

    @Test
    void pinNotFoundAnywhere() {
        List<ModelMatch> matches = matcher.matchAllAgents(
                List.of(AgentModelSpec.of(ModelRequirement.pinned("nowhere"))),
                List.of(new Provider("P1", P1), new Provider("P2", List.of(M_D))));
        assertEquals(List.of(), matches);
        assertEquals(
                "pinned_model_unavailable",
                RecordingLogs.named("vigil.matcher.match_failed").get(0).field("reason"));
        assertTrue(RecordingLogs.named("vigil.matcher.match_fallback").isEmpty());
    }

    @Test
    void pinFoundInASecondProvider() {
        List<ModelMatch> matches = matcher.matchAllAgents(
                List.of(AgentModelSpec.of(ModelRequirement.pinned("m-c"))),
                List.of(new Provider("P1", List.of(M_A)), new Provider("P2", List.of(M_C))));
        assertEquals(List.of(new ModelMatch(0, "P2", "m-c", ModelTier.MEDIUM, 1.0)), matches);
    }

    @Test
    void invalidRequirementMapSkipsOnlyThatAgent() {
        List<ModelMatch> matches = matcher.matchAllAgents(
                List.of(
                        agent(ModelTier.SMALL, ModelPriority.COST, 0),
                        AgentModelSpec.ofMap(Map.of("tier", "huge")),
                        AgentModelSpec.ofMap(Map.of("tier", "large", "priority", "quality"))),
                List.of(new Provider("P1", P1)));
        assertEquals(List.of(0, 2), matches.stream().map(ModelMatch::agentIndex).toList());
        assertEquals(
                List.of("m-a", "m-d"), matches.stream().map(ModelMatch::modelId).toList());
        var skipped = RecordingLogs.named("vigil.matcher.match_skipped");
        assertEquals(1, skipped.size());
        assertEquals(1, skipped.get(0).field("agent_index"));
        assertEquals("invalid_model_requirement_dict", skipped.get(0).field("reason"));
        assertEquals("IllegalArgumentException", skipped.get(0).field("error_type"));
    }

    @Test
    void invalidTierSkipsTheAgentWithInvalidRequirement() {
        List<ModelMatch> matches = matcher.matchAllAgents(
                List.of(AgentModelSpec.ofTier("gigantic", "visionary_leader"), AgentModelSpec.ofTier("small", null)),
                List.of(new Provider("P1", P1)));
        assertEquals(List.of(1), matches.stream().map(ModelMatch::agentIndex).toList());
        var skipped = RecordingLogs.named("vigil.matcher.match_skipped");
        assertEquals("invalid_requirement", skipped.get(0).field("reason"));
        assertEquals("gigantic", skipped.get(0).field("tier"));
        assertEquals("visionary_leader", skipped.get(0).field("preset"));
    }

    @Test
    void tierAndPresetAreResolved() {
        // visionary_leader: quality, min_context 100000 -> candidates b, c, d -> LARGE [d]
        ModelMatch match = matcher.matchAllAgents(
                        List.of(AgentModelSpec.ofTier("large", "visionary_leader")), List.of(new Provider("P1", P1)))
                .get(0);
        assertEquals("m-d", match.modelId());
        assertEquals(1.0, match.score());
        // no tier given: medium
        ModelMatch medium = matcher.matchAllAgents(
                        List.of(new AgentModelSpec(null, null, null, null)), List.of(new Provider("P1", P1)))
                .get(0);
        assertEquals("m-b", medium.modelId());
        assertEquals(ModelTier.MEDIUM, medium.tier());
    }

    @Test
    void successIsLogged() {
        matcher.matchAllAgents(List.of(agent(ModelTier.SMALL, ModelPriority.COST, 0)), List.of(new Provider("P1", P1)));
        var events = RecordingLogs.named("vigil.matcher.match_success");
        assertEquals(1, events.size());
        assertEquals(0, events.get(0).field("agent_index"));
        assertEquals("P1", events.get(0).field("provider"));
        assertEquals("m-a", events.get(0).field("model"));
        assertEquals(1.0, events.get(0).field("score"));
    }

    @Test
    void requiredVisionWithNoKnownCapableModelOmitsTheAgent() {
        ProviderModel blind = new ProviderModel(
                "blind",
                null,
                0.01,
                8_000,
                null,
                new ModelMetadata(true, false, false, false, null, null, null, MetadataSource.LITELLM));
        ModelRequirement vision =
                new ModelRequirement(ModelTier.MEDIUM, ModelPriority.BALANCED, 0, false, true, false, null);
        assertEquals(
                List.of(),
                matcher.matchAllAgents(List.of(AgentModelSpec.of(vision)), List.of(new Provider("P", List.of(blind)))));
    }

    @Test
    void zeroScoreConfigNeverWinsAndFallsBack() {
        ModelMatcher zero = new ModelMatcher(new ModelMatcherConfig(0.0, 0.0, 0.0, 1.0, 0.0));
        List<ModelMatch> matches = zero.matchAllAgents(
                List.of(agent(ModelTier.LARGE, ModelPriority.QUALITY, 0)), List.of(new Provider("P1", P1)));
        assertEquals(List.of(new ModelMatch(0, "P1", "m-a", ModelTier.LARGE, 0.0)), matches);
    }
}
