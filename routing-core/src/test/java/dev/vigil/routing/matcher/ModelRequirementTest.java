package dev.vigil.routing.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.routing.RecordingLogs;
import dev.vigil.spi.model.ModelTier;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Requirement parsing and resolution (routing.md §B.2, examples.md §22 batch table). */
class ModelRequirementTest {

    @BeforeEach
    void clearLogs() {
        RecordingLogs.clear();
    }

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @Test
    void parseStripsAndLowerCases() {
        assertEquals(new ModelRequirement(ModelTier.LARGE), ModelRequirement.parse("  LARGE "));
        var parsed = RecordingLogs.named("vigil.matcher.requirement_parsed");
        assertEquals(1, parsed.size());
        assertEquals("large", parsed.get(0).field("tier"));
        assertEquals("balanced", parsed.get(0).field("priority"));
    }

    @Test
    void parseRejectsAnUnknownTier() {
        assertEquals(
                "Invalid model tier 'huge'. Valid tiers: [large, medium, small]",
                message(() -> ModelRequirement.parse("huge")));
        var events = RecordingLogs.named("vigil.matcher.requirement_invalid");
        assertEquals(1, events.size());
        assertEquals("huge", events.get(0).field("raw_tier"));
        assertEquals(List.of("large", "medium", "small"), events.get(0).field("valid_tiers"));
        assertEquals(
                "Invalid model tier 'null'. Valid tiers: [large, medium, small]",
                message(() -> ModelRequirement.parse((String) null)));
    }

    @Test
    void parseMapReadsEveryKey() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("tier", "large");
        raw.put("priority", "speed");
        raw.put("min_context", 64_000);
        raw.put("requires_tools", true);
        raw.put("requires_vision", true);
        raw.put("requires_reasoning", false);
        raw.put("model_id", "m-c");
        assertEquals(
                new ModelRequirement(ModelTier.LARGE, ModelPriority.SPEED, 64_000, true, true, false, "m-c"),
                ModelRequirement.parse(raw));
    }

    @Test
    void parseMapDefaultsMissingAndNullKeys() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("priority", null);
        raw.put("min_context", 5L);
        assertEquals(
                new ModelRequirement(ModelTier.MEDIUM, ModelPriority.BALANCED, 5, false, false, false, null),
                ModelRequirement.parse(raw));
        assertEquals(new ModelRequirement(ModelTier.MEDIUM), ModelRequirement.parse(Map.of()));
    }

    @Test
    void parseMapRejectsUnknownKeysAndInvalidValues() {
        assertEquals(
                "unknown requirement key 'tierr'", message(() -> ModelRequirement.parse(Map.of("tierr", "large"))));
        assertEquals(
                "tier must be one of [small, medium, large], got 'huge'",
                message(() -> ModelRequirement.parse(Map.of("tier", "huge"))));
        assertEquals(
                "min_context must be an integer, got '100'",
                message(() -> ModelRequirement.parse(Map.of("min_context", "100"))));
        assertEquals(
                "min_context must be an integer, got 1.5",
                message(() -> ModelRequirement.parse(Map.of("min_context", 1.5))));
        assertEquals(
                "minContext must be >= 0, got -1", message(() -> ModelRequirement.parse(Map.of("min_context", -1))));
        assertEquals(
                "requires_tools must be true or false, got 'yes'",
                message(() -> ModelRequirement.parse(Map.of("requires_tools", "yes"))));
        assertEquals("model_id must not be blank", message(() -> ModelRequirement.parse(Map.of("model_id", " "))));
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, "large");
        assertEquals("unknown requirement key 'null'", message(() -> ModelRequirement.parse(nullKey)));
        var events = RecordingLogs.named("vigil.matcher.requirement_invalid");
        assertEquals(8, events.size());
        events.forEach(e -> assertEquals("dict_validation_failed", e.field("reason")));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "large, visionary_leader, LARGE, QUALITY, 100000",
                "small, rapid_prototyper, SMALL, SPEED, 0",
                "medium, nobody, MEDIUM, BALANCED, 0",
                "medium, null, MEDIUM, BALANCED, 0",
                "small, '  Disciplined_Executor ', SMALL, COST, 0",
                "LARGE, code_craftsman, LARGE, QUALITY, 0",
                "small, team_diplomat, SMALL, BALANCED, 0"
            })
    void resolve(String tier, String preset, ModelTier expectedTier, ModelPriority priority, int minContext) {
        assertEquals(ModelRequirement.of(expectedTier, priority, minContext), ModelRequirement.resolve(tier, preset));
        var events = RecordingLogs.named("vigil.matcher.requirement_resolved");
        assertEquals(1, events.size());
        assertEquals(minContext, events.get(0).field("min_context"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "strategic_planner",
                "systems_thinker",
                "methodical_analyst",
                "quality_guardian",
                "security_sentinel",
                "data_driven_optimizer",
                "code_craftsman",
                "devil_advocate"
            })
    void qualityPresets(String preset) {
        assertEquals(
                ModelPriority.QUALITY, ModelRequirement.resolve("small", preset).priority());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pragmatic_builder",
                "creative_innovator",
                "team_diplomat",
                "independent_researcher",
                "empathetic_mentor",
                "communication_bridge",
                "user_advocate",
                "process_optimizer",
                "technical_communicator",
                "client_advisor"
            })
    void balancedPresets(String preset) {
        assertEquals(
                ModelRequirement.of(ModelTier.SMALL, ModelPriority.BALANCED, 0),
                ModelRequirement.resolve("small", preset));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eager_learner", "rapid_prototyper", "growth_hacker"})
    void speedPresets(String preset) {
        assertEquals(
                ModelPriority.SPEED, ModelRequirement.resolve("small", preset).priority());
    }

    @Test
    void resolveRejectsAnInvalidTierWhateverThePreset() {
        assertEquals(
                "Invalid model tier 'xl'. Valid tiers: [large, medium, small]",
                message(() -> ModelRequirement.resolve("xl", "visionary_leader")));
    }

    @Test
    void recordValidationAndDefaults() {
        ModelRequirement defaults = new ModelRequirement(null, null, 0, false, false, false, null);
        assertEquals(ModelTier.MEDIUM, defaults.tier());
        assertEquals(ModelPriority.BALANCED, defaults.priority());
        assertEquals("minContext must be >= 0, got -5", message(() -> ModelRequirement.of(ModelTier.SMALL, null, -5)));
        assertEquals("modelId must not be blank", message(() -> ModelRequirement.pinned("  ")));
    }

    @Test
    void otherRecordsValidate() {
        assertEquals("maxContext must be > 0, got 0", message(() -> new ProviderModel("m", 0.1, 0, null)));
        assertEquals("costPer1kInput must be >= 0.0, got -0.1", message(() -> new ProviderModel("m", -0.1, 10, null)));
        assertEquals(
                "costPer1kInput must be finite, got NaN", message(() -> new ProviderModel("m", Double.NaN, 10, null)));
        assertEquals(
                "estimatedLatencyMs must be >= 0.0, got -1.0", message(() -> new ProviderModel("m", 0.1, 10, -1.0)));
        assertEquals("id must not be blank", message(() -> new ProviderModel(" ", 0.1, 10, null)));
        assertEquals(
                "generation must be >= 0.0, got -1.0",
                message(() -> new ModelMetadata(false, false, false, false, null, -1.0, null, null)));
        assertEquals("name must not be blank", message(() -> new Provider("", List.of())));
        assertEquals(
                "agentIndex must be >= 0, got -1", message(() -> new ModelMatch(-1, "p", "m", ModelTier.SMALL, 0.5)));
        assertEquals(
                "score must be in [0.0, 1.0], got 1.5",
                message(() -> new ModelMatch(0, "p", "m", ModelTier.SMALL, 1.5)));
        assertEquals(ModelMetadata.DEFAULTS, new ProviderModel("m", 0.1, 10, null).metadata());
        assertEquals(Boolean.TRUE, new Provider("p", null, null).agentEligible());
        assertEquals("medium", new AgentModelSpec(null, null, null, null).tier());
    }
}
