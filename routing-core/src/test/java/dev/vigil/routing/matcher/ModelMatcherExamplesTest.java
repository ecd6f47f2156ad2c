package dev.vigil.routing.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.routing.RecordingLogs;
import dev.vigil.spi.model.ModelTier;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §22, matchModel over one provider with the default config. */
class ModelMatcherExamplesTest {

    static final ProviderModel M_A = new ProviderModel("m-a", "fast", 0.001, 32_000, 300.0, null);
    static final ProviderModel M_B = new ProviderModel("m-b", 0.003, 128_000, 800.0);
    static final ProviderModel M_C = new ProviderModel("m-c", 0.01, 200_000, 1200.0);
    static final ProviderModel M_D = new ProviderModel("m-d", 0.03, 200_000, null);
    static final List<ProviderModel> P1 = List.of(M_A, M_B, M_C, M_D);

    private final ModelMatcher matcher = new ModelMatcher();

    static ModelMetadata meta(boolean tools, Boolean verified, MetadataSource source) {
        return new ModelMetadata(tools, false, false, false, verified, null, null, source);
    }

    static ProviderModel model(String id, ModelMetadata metadata) {
        return new ProviderModel(id, null, 0.01, 100_000, 100.0, metadata);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(
            nullValues = "null",
            value = {
                "LARGE, QUALITY, 100000, m-d, 1.0",
                "MEDIUM, BALANCED, 0, m-b, 1.0",
                "LARGE, SPEED, 0, m-c, 1.0",
                "LARGE, COST, 0, m-c, 1.0",
                "LARGE, QUALITY, 0, m-d, 1.0",
                "LARGE, BALANCED, 0, m-d, 0.875",
                "SMALL, BALANCED, 100000, m-b, 0.91",
                "SMALL, COST, 0, m-a, 1.0",
                "MEDIUM, QUALITY, 150000, m-d, 0.9166666666666666",
                "SMALL, QUALITY, 250000, null, 0.0"
            })
    void providerP1(ModelTier tier, ModelPriority priority, int minContext, String expectedModel, double score) {
        ModelSelection selection = matcher.matchModel(ModelRequirement.of(tier, priority, minContext), P1);
        assertEquals(
                expectedModel,
                selection.model() == null ? null : selection.model().id());
        assertEquals(score, selection.score());
    }

    @Test
    void firstMaximumWinsAndCostRankZeroEarnsNoQualityBonus() {
        ProviderModel e1 = new ProviderModel("e1", 0.01, 100_000, null);
        ProviderModel e2 = new ProviderModel("e2", 0.01, 100_000, null);
        ModelSelection selection =
                matcher.matchModel(ModelRequirement.of(ModelTier.LARGE, ModelPriority.QUALITY, 0), List.of(e1, e2));
        assertEquals("e1", selection.model().id());
        assertEquals(0.75, selection.score());
    }

    @Test
    void smallPoolGivesEveryTierAllCandidates() {
        ModelSelection selection =
                matcher.matchModel(ModelRequirement.of(ModelTier.LARGE, ModelPriority.SPEED, 0), List.of(M_A, M_B));
        assertEquals("m-a", selection.model().id());
        assertEquals(1.0, selection.score());
    }

    @Test
    void emptyPool() {
        for (ModelTier tier : ModelTier.values()) {
            assertEquals(ModelSelection.NONE, matcher.matchModel(new ModelRequirement(tier), List.of()));
        }
    }

    // --- eligibility -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "tools={0} verified={1} source={2} -> {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "false, null, LITELLM, false",
                "true, null, LITELLM, true",
                "false, null, UNKNOWN, true",
                "true, false, UNKNOWN, false",
                "true, false, LITELLM, false",
                "false, true, LITELLM, true",
                "true, true, LITELLM, true"
            })
    void toolFloorMatrix(boolean supportsTools, Boolean verified, MetadataSource source, boolean passes) {
        ProviderModel m = model("x", meta(supportsTools, verified, source));
        assertEquals(passes, ModelMatcher.isToolCapable(m));
        assertEquals(passes, ModelMatcher.passesHardFilters(m, new ModelRequirement(ModelTier.MEDIUM), false));
    }

    @Test
    void embeddingModelsAreNeverChosen() {
        ProviderModel embedding = model("emb", new ModelMetadata(true, false, false, true, true, null, null, null));
        ProviderModel chat = new ProviderModel("chat", 0.5, 8_000, null);
        assertFalse(ModelMatcher.passesHardFilters(embedding, new ModelRequirement(ModelTier.SMALL), true));
        for (ModelTier tier : ModelTier.values()) {
            assertEquals(
                    "chat",
                    matcher.matchModel(new ModelRequirement(tier), List.of(embedding, chat))
                            .model()
                            .id());
        }
    }

    @Test
    void requiredVisionPicksTheKnownCapableModel() {
        ProviderModel v1 =
                model("v1", new ModelMetadata(true, false, false, false, null, null, null, MetadataSource.LITELLM));
        ProviderModel v2 =
                model("v2", new ModelMetadata(true, true, false, false, null, null, null, MetadataSource.LITELLM));
        ModelRequirement vision =
                new ModelRequirement(ModelTier.MEDIUM, ModelPriority.BALANCED, 0, false, true, false, null);
        assertEquals("v2", matcher.matchModel(vision, List.of(v1, v2)).model().id());
    }

    @Test
    void requiredVisionAllowsAnUnknownSourceModel() {
        ProviderModel unknown = new ProviderModel("u", 0.01, 8_000, null);
        ModelRequirement vision =
                new ModelRequirement(ModelTier.MEDIUM, ModelPriority.BALANCED, 0, false, true, false, null);
        ModelSelection selection = matcher.matchModel(vision, List.of(unknown));
        assertEquals("u", selection.model().id());
        assertTrue(selection.score() > 0.0);
    }

    @Test
    void requiredToolsAndReasoningFiltersUseKnownMetadata() {
        ProviderModel verifiedOnly = model("v", meta(false, true, MetadataSource.PROBE));
        ModelRequirement tools = new ModelRequirement(ModelTier.MEDIUM, null, 0, true, false, false, null);
        assertTrue(ModelMatcher.passesHardFilters(verifiedOnly, tools, false));
        ModelRequirement reasoning = new ModelRequirement(ModelTier.MEDIUM, null, 0, false, false, true, null);
        assertFalse(ModelMatcher.passesHardFilters(verifiedOnly, reasoning, false));
        ProviderModel reasoner =
                model("r", new ModelMetadata(true, false, true, false, null, null, null, MetadataSource.PRESET));
        assertTrue(ModelMatcher.passesHardFilters(reasoner, reasoning, false));
    }

    @Test
    void runtimeFailedModelIsExcludedForEveryRequirement() {
        ProviderModel failed = model("f", meta(true, false, MetadataSource.LITELLM));
        for (ModelTier tier : ModelTier.values()) {
            for (ModelPriority priority : ModelPriority.values()) {
                assertNull(matcher.matchModel(ModelRequirement.of(tier, priority, 0), List.of(failed))
                        .model());
            }
        }
    }

    @Test
    void minContextFilterIsSkippedOnlyWhenAsked() {
        ModelRequirement big = ModelRequirement.of(ModelTier.LARGE, ModelPriority.QUALITY, 1_000_000);
        assertFalse(ModelMatcher.passesHardFilters(M_A, big, false));
        assertTrue(ModelMatcher.passesHardFilters(M_A, big, true));
    }

    // --- pinning -----------------------------------------------------------------------------------------------

    @Test
    void pinBypassesMinContext() {
        ModelRequirement pin =
                new ModelRequirement(ModelTier.SMALL, ModelPriority.COST, 1_000_000, false, false, false, "m-c");
        ModelSelection selection = matcher.matchModel(pin, P1);
        assertEquals("m-c", selection.model().id());
        assertEquals(1.0, selection.score());
    }

    @Test
    void pinByAlias() {
        ModelSelection selection = matcher.matchModel(ModelRequirement.pinned("fast"), P1);
        assertEquals("m-a", selection.model().id());
        assertEquals(1.0, selection.score());
    }

    @Test
    void pinMissing() {
        RecordingLogs.clear();
        assertEquals(ModelSelection.NONE, matcher.matchModel(ModelRequirement.pinned("missing"), P1));
        assertTrue(RecordingLogs.named("vigil.matcher.match_skipped").isEmpty());
    }

    @Test
    void pinNamingOnlyAVerifiedFalseModel() {
        RecordingLogs.clear();
        ProviderModel broken = model("x", meta(true, false, MetadataSource.LITELLM));
        assertEquals(ModelSelection.NONE, matcher.matchModel(ModelRequirement.pinned("x"), List.of(broken)));
        var events = RecordingLogs.named("vigil.matcher.match_skipped");
        assertEquals(1, events.size());
        assertEquals("pinned_model_cannot_call_tools", events.get(0).field("reason"));
        assertEquals("x", events.get(0).field("model_id"));
    }

    @Test
    void pinPrefersTheCapableModelAmongIdAndAlias() {
        ProviderModel broken = model("X", meta(true, false, MetadataSource.LITELLM));
        ProviderModel capable = new ProviderModel("other", "X", 0.01, 8_000, null, null);
        assertEquals(
                "other",
                matcher.matchModel(ModelRequirement.pinned("X"), List.of(broken, capable))
                        .model()
                        .id());
    }

    @Test
    void pinBypassesEmbeddingAndCapabilityFiltersButNotTheToolFloor() {
        ProviderModel embedding =
                model("emb", new ModelMetadata(true, false, false, true, null, null, null, MetadataSource.LITELLM));
        ModelRequirement pinVision =
                new ModelRequirement(ModelTier.MEDIUM, ModelPriority.BALANCED, 0, false, true, false, "emb");
        assertEquals(
                "emb", matcher.matchModel(pinVision, List.of(embedding)).model().id());
    }

    @Test
    void pinMatchingTwoModelsTakesTheNewestGeneration() {
        ProviderModel g3 = model("g", new ModelMetadata(false, false, false, false, null, 3.0, null, null));
        ProviderModel g2 = new ProviderModel(
                "h", "g", 0.01, 8_000, null, new ModelMetadata(false, false, false, false, null, 2.0, null, null));
        assertEquals(
                "g",
                matcher.matchModel(ModelRequirement.pinned("g"), List.of(g2, g3))
                        .model()
                        .id());
        assertEquals(
                "g",
                matcher.matchModel(ModelRequirement.pinned("g"), List.of(g3, g2))
                        .model()
                        .id());
    }

    @Test
    void pinMatchingTwoModelsWithEqualGenerationsTakesTheLaterRelease() {
        ProviderModel jan =
                model("d", new ModelMetadata(false, false, false, false, null, 1.0, LocalDate.of(2025, 1, 1), null));
        ProviderModel jun = new ProviderModel(
                "e",
                "d",
                0.01,
                8_000,
                null,
                new ModelMetadata(false, false, false, false, null, 1.0, LocalDate.of(2025, 6, 1), null));
        assertEquals(
                "e",
                matcher.matchModel(ModelRequirement.pinned("d"), List.of(jan, jun))
                        .model()
                        .id());
        assertEquals(
                "e",
                matcher.matchModel(ModelRequirement.pinned("d"), List.of(jun, jan))
                        .model()
                        .id());
    }

    // --- validation --------------------------------------------------------------------------------------------

    @Test
    void configValidation() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new ModelMatcherConfig(0.5, 0.25, 0.25, 0.5, 0.125));
        assertEquals("headroomRatioCap must be in [1.0, 100.0], got 0.5", e.getMessage());
    }
}
