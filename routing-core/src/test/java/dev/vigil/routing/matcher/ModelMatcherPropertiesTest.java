package dev.vigil.routing.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.routing.RecordingLogs;
import dev.vigil.spi.model.ModelTier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the model matcher: scores in range, never an ineligible model, a pin never falls back. */
class ModelMatcherPropertiesTest {

    private static final List<String> IDS = List.of("m0", "m1", "m2", "m3", "m4", "m5");

    @Property
    void matchModelScoresStayInRangeAndNeverPickAnIneligibleModel(
            @ForAll("configs") ModelMatcherConfig config,
            @ForAll("requirements") ModelRequirement requirement,
            @ForAll("models") List<ProviderModel> models) {
        ModelSelection selection = ModelMatcher.matchModel(requirement, models, config);
        assertTrue(selection.score() >= 0.0 && selection.score() <= 1.0);
        if (selection.model() == null) {
            assertEquals(0.0, selection.score());
            return;
        }
        assertTrue(models.stream().anyMatch(m -> m == selection.model()));
        if (requirement.isPinned()) {
            assertTrue(isNamedBy(selection.model(), requirement.modelId()));
            assertTrue(ModelMatcher.isToolCapable(selection.model()));
            assertEquals(1.0, selection.score());
        } else {
            assertTrue(ModelMatcher.passesHardFilters(selection.model(), requirement, false));
        }
    }

    @Property
    void matchAllAgentsNeverPicksAnIneligibleModelAndPinsNeverFallBack(
            @ForAll("configs") ModelMatcherConfig config,
            @ForAll("requirementsList") List<ModelRequirement> requirements,
            @ForAll("providers") List<Provider> providers) {
        RecordingLogs.clear();
        List<AgentModelSpec> agents =
                requirements.stream().map(AgentModelSpec::of).toList();

        List<ModelMatch> matches = ModelMatcher.matchAllAgents(agents, providers, config);

        int previousIndex = -1;
        for (ModelMatch match : matches) {
            assertTrue(match.agentIndex() > previousIndex, "agent-index order");
            previousIndex = match.agentIndex();
            ModelRequirement requirement = requirements.get(match.agentIndex());
            assertEquals(requirement.tier(), match.tier());
            Provider provider = providers.stream()
                    .filter(p -> p.name().equals(match.providerName()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(provider.agentEligible(), "agent-ineligible provider used");
            Predicate<ProviderModel> eligible;
            if (requirement.isPinned()) {
                assertEquals(1.0, match.score(), "a pinned requirement never falls back");
                eligible = m -> isNamedBy(m, requirement.modelId()) && ModelMatcher.isToolCapable(m);
            } else if (match.score() > 0.0) {
                eligible = m -> ModelMatcher.passesHardFilters(m, requirement, false);
            } else {
                eligible = m -> ModelMatcher.passesHardFilters(m, requirement, true);
            }
            assertTrue(
                    provider.models().stream().anyMatch(m -> m.id().equals(match.modelId()) && eligible.test(m)),
                    () -> "ineligible model " + match + " for " + requirement);
        }
        for (var fallback : RecordingLogs.named("vigil.matcher.match_fallback")) {
            int index = (Integer) fallback.field("agent_index");
            assertTrue(!requirements.get(index).isPinned(), "fallback logged for a pinned requirement");
        }
    }

    @Property
    void runtimeFailedModelsAreNeverChosen(
            @ForAll("requirements") ModelRequirement requirement, @ForAll("providers") List<Provider> providers) {
        List<ModelMatch> matches = ModelMatcher.matchAllAgents(
                List.of(AgentModelSpec.of(requirement)), providers, ModelMatcherConfig.DEFAULTS);
        for (ModelMatch match : matches) {
            Provider provider = providers.stream()
                    .filter(p -> p.name().equals(match.providerName()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(provider.models().stream()
                    .anyMatch(m -> m.id().equals(match.modelId())
                            && !Boolean.FALSE.equals(m.metadata().toolCallsVerified())));
        }
    }

    @Property
    void hostileNumbersAreRejected(@ForAll("hostile") double value) {
        assertThrows(IllegalArgumentException.class, () -> new ProviderModel("m", value, 10, null));
        assertThrows(IllegalArgumentException.class, () -> new ProviderModel("m", 0.1, 10, value));
        assertThrows(IllegalArgumentException.class, () -> new ModelMatcherConfig(value, 0.25, 0.25, 2.0, 0.125));
        assertThrows(IllegalArgumentException.class, () -> new ModelSelection(null, value));
        assertNotEquals(0, value); // the generator only yields invalid values
    }

    @Provide
    Arbitrary<Double> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MIN_VALUE),
                Arbitraries.doubles().between(-1e12, -0.01));
    }

    @Provide
    Arbitrary<ModelMatcherConfig> configs() {
        Arbitrary<Double> unit = Arbitraries.oneOf(
                Arbitraries.of(0.0, 1.0, 0.25, 0.5), Arbitraries.doubles().between(0.0, 1.0));
        Arbitrary<Double> cap = Arbitraries.oneOf(
                Arbitraries.of(1.0, 2.0, 100.0), Arbitraries.doubles().between(1.0, 100.0));
        return Combinators.combine(unit, unit, unit, cap, unit).as(ModelMatcherConfig::new);
    }

    @Provide
    Arbitrary<ModelRequirement> requirement() {
        return Combinators.combine(
                        Arbitraries.of(ModelTier.class),
                        Arbitraries.of(ModelPriority.class),
                        Arbitraries.of(0, 1, 8_000, 100_000, 200_000, Integer.MAX_VALUE),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as((tier, priority, minContext, tools, vision, reasoning) ->
                        new ModelRequirement(tier, priority, minContext, tools, vision, reasoning, null));
    }

    @Provide
    Arbitrary<ModelRequirement> requirements() {
        Arbitrary<String> pins = Arbitraries.oneOf(Arbitraries.of(IDS), Arbitraries.of("a0", "a1", "nowhere"));
        return Arbitraries.oneOf(
                requirement(),
                requirement(),
                Combinators.combine(requirement(), pins)
                        .as((r, pin) -> new ModelRequirement(
                                r.tier(),
                                r.priority(),
                                r.minContext(),
                                r.requiresTools(),
                                r.requiresVision(),
                                r.requiresReasoning(),
                                pin)));
    }

    @Provide
    Arbitrary<List<ModelRequirement>> requirementsList() {
        return requirements().list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<ModelMetadata> metadata() {
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(
                        flag,
                        flag,
                        flag,
                        Arbitraries.of(true, false, false, false),
                        Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.5),
                        Arbitraries.of(1.0, 2.0, 3.0).injectNull(0.5),
                        Arbitraries.of(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 1))
                                .injectNull(0.5),
                        Arbitraries.of(MetadataSource.class))
                .as(ModelMetadata::new)
                .injectNull(0.3);
    }

    @Provide
    Arbitrary<ProviderModel> model() {
        return Combinators.combine(
                        Arbitraries.of(IDS),
                        Arbitraries.of("a0", "a1").injectNull(0.7),
                        Arbitraries.oneOf(
                                Arbitraries.of(0.0, 0.01, 0.01, 1e9),
                                Arbitraries.doubles().between(0.0, 1.0)),
                        Arbitraries.of(1, 8_000, 128_000, 200_000, Integer.MAX_VALUE),
                        Arbitraries.of(0.0, 100.0, 1e12).injectNull(0.3),
                        metadata())
                .as(ProviderModel::new);
    }

    @Provide
    Arbitrary<List<ProviderModel>> models() {
        return model().list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Provider>> providers() {
        return Combinators.combine(Arbitraries.of(true, true, false), models())
                .as((eligible, models) -> new Provider("x", eligible, models))
                .list()
                .ofMaxSize(4)
                .map(list -> {
                    List<Provider> named = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        Provider p = list.get(i);
                        named.add(new Provider("P" + i, p.agentEligible(), p.models()));
                    }
                    return named;
                });
    }

    private static boolean isNamedBy(ProviderModel model, String pin) {
        return pin.equals(model.id()) || pin.equals(model.alias());
    }
}
