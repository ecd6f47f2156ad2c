package dev.vigil.routing.matcher;

import dev.vigil.routing.internal.Checks;
import dev.vigil.spi.model.ModelTier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tier-bound model matcher (routing.md §B, F5). It filters a provider's models to the eligible ones (the
 * tool-calling floor, no embedding models, enough context, the required capabilities when the metadata is known),
 * splits them into cost thirds (small, medium, large), picks the best model of the requested tier for the
 * requirement's priority and scores it: tier base + context headroom + priority alignment, capped at 1.0. A pinned
 * model id or alias wins with score 1.0 if it can call tools. Across providers the highest score wins (the first on a
 * tie); when nothing scores, the first compliant model is taken with score 0.0, except for pinned requirements.
 * Immutable and thread-safe.
 */
public final class ModelMatcher {

    /** Below this many eligible models every tier gets the whole pool (settings.md §9 constant). */
    public static final int MIN_POOL_FOR_COST_THIRDS = 3;

    /** The cap on a match score. */
    public static final double MAX_SCORE = 1.0;

    /** The score of a pinned model. */
    public static final double PINNED_SCORE = 1.0;

    /** The score of a fallback match, which marks it as such. */
    public static final double FALLBACK_SCORE = 0.0;

    private static final Logger LOG = LoggerFactory.getLogger(ModelMatcher.class);

    private static final Map<ModelTier, List<ModelTier>> TIER_FALLBACKS = new EnumMap<>(Map.of(
            ModelTier.LARGE, List.of(ModelTier.MEDIUM, ModelTier.SMALL),
            ModelTier.MEDIUM, List.of(ModelTier.LARGE, ModelTier.SMALL),
            ModelTier.SMALL, List.of(ModelTier.MEDIUM, ModelTier.LARGE)));

    private static final Comparator<ProviderModel> BY_COST = Comparator.comparingDouble(ProviderModel::costPer1kInput);

    // Unknown latency ranks last for speed.
    private static final Comparator<ProviderModel> BY_LATENCY = Comparator.comparingDouble(
            m -> m.estimatedLatencyMs() == null ? Double.POSITIVE_INFINITY : m.estimatedLatencyMs());

    // Newest among pinned models: generation, then release date, then id.
    private static final Comparator<ProviderModel> BY_NEWEST = Comparator.<ProviderModel>comparingDouble(
                    m -> m.metadata().generation() == null ? -1.0 : m.metadata().generation())
            .thenComparing(m -> m.metadata().releaseDate() == null
                    ? LocalDate.MIN
                    : m.metadata().releaseDate())
            .thenComparing(ProviderModel::id);

    private final ModelMatcherConfig config;

    /** A matcher with the given score components. */
    public ModelMatcher(ModelMatcherConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A matcher with the seed defaults. */
    public ModelMatcher() {
        this(ModelMatcherConfig.DEFAULTS);
    }

    /** The score components in use. */
    public ModelMatcherConfig config() {
        return config;
    }

    /** {@link #matchModel(ModelRequirement, List, ModelMatcherConfig)} with this matcher's config. */
    public ModelSelection matchModel(ModelRequirement requirement, List<ProviderModel> available) {
        return matchModel(requirement, available, config);
    }

    /** {@link #matchAllAgents(List, List, ModelMatcherConfig)} with this matcher's config. */
    public List<ModelMatch> matchAllAgents(List<AgentModelSpec> agents, List<Provider> providers) {
        return matchAllAgents(agents, providers, config);
    }

    /**
     * True when the model may serve an agent at all: proven to call tools, or not proven incapable and either declared
     * able or of unknown source (routing.md §B.3 tool-calling floor).
     */
    public static boolean isToolCapable(ProviderModel model) {
        ModelMetadata metadata = model.metadata();
        Boolean verified = metadata.toolCallsVerified();
        return Boolean.TRUE.equals(verified)
                || (!Boolean.FALSE.equals(verified)
                        && (metadata.supportsTools() || metadata.source() == MetadataSource.UNKNOWN));
    }

    /**
     * The hard eligibility filters: enough context (unless {@code ignoreContext}), not an embedding model, the
     * tool-calling floor, and each required capability the model's known-source metadata says it lacks.
     */
    public static boolean passesHardFilters(ProviderModel model, ModelRequirement requirement, boolean ignoreContext) {
        ModelMetadata metadata = model.metadata();
        if (!ignoreContext && model.maxContext() < requirement.minContext()) {
            return false;
        }
        if (metadata.supportsEmbeddings()) {
            return false; // embedding models never chat
        }
        if (!isToolCapable(model)) {
            return false;
        }
        boolean known = metadata.source() != MetadataSource.UNKNOWN;
        boolean toolsSupported = Boolean.TRUE.equals(metadata.toolCallsVerified()) || metadata.supportsTools();
        if (known && requirement.requiresTools() && !toolsSupported) {
            return false;
        }
        if (known && requirement.requiresVision() && !metadata.supportsVision()) {
            return false;
        }
        return !(known && requirement.requiresReasoning() && !metadata.supportsReasoning());
    }

    /**
     * Chooses the best of one provider's models for {@code requirement} (routing.md §B.4).
     *
     * @return the model and its score in [0.0, 1.0]; {@code (null, 0.0)} when no model fits
     */
    public static ModelSelection matchModel(
            ModelRequirement requirement, List<ProviderModel> available, ModelMatcherConfig config) {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(config, "config");
        List<ProviderModel> models = Checks.copyList(available, "available");
        if (models.isEmpty()) {
            return ModelSelection.NONE;
        }
        if (requirement.isPinned()) {
            return matchPinned(requirement.modelId(), models);
        }
        List<ProviderModel> candidates = models.stream()
                .filter(m -> passesHardFilters(m, requirement, false))
                .toList();
        if (candidates.isEmpty()) {
            return ModelSelection.NONE;
        }
        List<ProviderModel> tierCandidates = tierCandidates(candidates, requirement.tier());
        if (tierCandidates.isEmpty()) {
            return ModelSelection.NONE;
        }
        ProviderModel best = rank(tierCandidates, requirement.priority());
        return new ModelSelection(best, score(best, tierCandidates, requirement, config));
    }

    /**
     * Chooses a model for each agent across the agent-eligible providers (routing.md §B.5). An agent whose
     * requirement is invalid, or for whom no compliant model exists, is omitted (and a warning logged).
     *
     * @return the matches in agent-index order
     */
    public static List<ModelMatch> matchAllAgents(
            List<AgentModelSpec> agents, List<Provider> providers, ModelMatcherConfig config) {
        List<AgentModelSpec> specs = Checks.copyList(agents, "agents");
        List<Provider> eligible = Checks.copyList(providers, "providers").stream()
                .filter(Provider::agentEligible)
                .toList();
        Objects.requireNonNull(config, "config");
        List<ModelMatch> matches = new ArrayList<>();
        for (int index = 0; index < specs.size(); index++) {
            ModelRequirement requirement = requirementOf(index, specs.get(index));
            if (requirement != null) {
                ModelMatch match = matchAgent(index, requirement, eligible, config);
                if (match != null) {
                    matches.add(match);
                }
            }
        }
        return List.copyOf(matches);
    }

    private static ModelSelection matchPinned(String modelId, List<ProviderModel> models) {
        List<ProviderModel> named = models.stream()
                .filter(m -> modelId.equals(m.id()) || modelId.equals(m.alias()))
                .toList();
        // The pin bypasses context, embedding and capability filters, but not the tool floor.
        List<ProviderModel> kept =
                named.stream().filter(ModelMatcher::isToolCapable).toList();
        if (kept.isEmpty()) {
            if (!named.isEmpty()) {
                LOG.atWarn()
                        .setMessage("vigil.matcher.match_skipped")
                        .addKeyValue("model_id", modelId)
                        .addKeyValue("reason", "pinned_model_cannot_call_tools")
                        .log();
            }
            return ModelSelection.NONE;
        }
        return new ModelSelection(firstMaximum(kept, BY_NEWEST), PINNED_SCORE);
    }

    /** The requirement's tier out of the cost thirds, or the first non-empty fallback tier. */
    private static List<ProviderModel> tierCandidates(List<ProviderModel> candidates, ModelTier tier) {
        Map<ModelTier, List<ProviderModel>> tiers = splitTiers(candidates);
        List<ProviderModel> chosen = tiers.get(tier);
        if (chosen.isEmpty()) {
            for (ModelTier fallback : TIER_FALLBACKS.get(tier)) {
                if (!tiers.get(fallback).isEmpty()) {
                    return tiers.get(fallback);
                }
            }
        }
        return chosen;
    }

    private static Map<ModelTier, List<ProviderModel>> splitTiers(List<ProviderModel> candidates) {
        Map<ModelTier, List<ProviderModel>> tiers = new EnumMap<>(ModelTier.class);
        int n = candidates.size();
        if (n < MIN_POOL_FOR_COST_THIRDS) {
            for (ModelTier tier : ModelTier.values()) {
                tiers.put(tier, candidates);
            }
            return tiers;
        }
        List<ProviderModel> byCost = sortedStable(candidates, BY_COST);
        int third = n / 3;
        tiers.put(ModelTier.SMALL, byCost.subList(0, third));
        tiers.put(ModelTier.MEDIUM, byCost.subList(third, 2 * third));
        tiers.put(ModelTier.LARGE, byCost.subList(2 * third, n));
        return tiers;
    }

    /** The best model for the priority; the first one wins every tie (D13). */
    private static ProviderModel rank(List<ProviderModel> tierCandidates, ModelPriority priority) {
        return switch (priority) {
            case QUALITY -> firstMaximum(tierCandidates, BY_COST);
            case SPEED -> firstMaximum(tierCandidates, BY_LATENCY.reversed());
            case COST -> firstMaximum(tierCandidates, BY_COST.reversed());
            case BALANCED -> closestToMidCost(tierCandidates);
        };
    }

    /** mid = (max cost + min cost) / 2 over the tier; the model with the smallest |cost - mid|. */
    private static ProviderModel closestToMidCost(List<ProviderModel> tierCandidates) {
        double max = tierCandidates.stream()
                .mapToDouble(ProviderModel::costPer1kInput)
                .max()
                .orElseThrow();
        double min = tierCandidates.stream()
                .mapToDouble(ProviderModel::costPer1kInput)
                .min()
                .orElseThrow();
        double mid = (max + min) / 2;
        Comparator<ProviderModel> distance = Comparator.comparingDouble(m -> Math.abs(m.costPer1kInput() - mid));
        return firstMaximum(tierCandidates, distance.reversed());
    }

    /** tier base + headroom + priority alignment, added in that order and capped at 1.0. */
    private static double score(
            ProviderModel best,
            List<ProviderModel> tierCandidates,
            ModelRequirement requirement,
            ModelMatcherConfig config) {
        double s = config.tierBaseScore();
        double headroomMax = config.headroomMaxBonus();
        if (requirement.minContext() > 0) {
            double cap = config.headroomRatioCap();
            double ratio = best.maxContext() / (double) requirement.minContext();
            s += Math.min(headroomMax, headroomMax * Math.min(ratio, cap) / cap);
        } else {
            s += headroomMax;
        }
        double priorityMax = config.priorityMaxBonus();
        if (tierCandidates.size() <= 1) {
            s += priorityMax;
        } else {
            double maxRank = tierCandidates.size() - 1;
            int costRank = indexByIdentity(sortedStable(tierCandidates, BY_COST), best);
            s += switch (requirement.priority()) {
                case QUALITY -> priorityMax * (costRank / maxRank);
                case COST -> priorityMax * (1 - costRank / maxRank);
                case SPEED ->
                    priorityMax * (1 - indexByIdentity(sortedStable(tierCandidates, BY_LATENCY), best) / maxRank);
                case BALANCED -> Math.min(config.balancedPartialCredit(), priorityMax);
            };
        }
        return Math.min(MAX_SCORE, s);
    }

    private static ModelRequirement requirementOf(int index, AgentModelSpec spec) {
        if (spec.requirement() != null) {
            return spec.requirement();
        }
        if (spec.requirementMap() != null) {
            try {
                return ModelRequirement.parse(spec.requirementMap());
            } catch (RuntimeException e) {
                LOG.atWarn()
                        .setMessage("vigil.matcher.match_skipped")
                        .addKeyValue("agent_index", index)
                        .addKeyValue("reason", "invalid_model_requirement_dict")
                        .addKeyValue("error_type", e.getClass().getSimpleName())
                        .addKeyValue("error", String.valueOf(e.getMessage()))
                        .log();
                return null;
            }
        }
        try {
            return ModelRequirement.resolve(spec.tier(), spec.personalityPreset());
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .setMessage("vigil.matcher.match_skipped")
                    .addKeyValue("agent_index", index)
                    .addKeyValue("tier", spec.tier())
                    .addKeyValue("preset", spec.personalityPreset())
                    .addKeyValue("reason", "invalid_requirement")
                    .addKeyValue("error_type", e.getClass().getSimpleName())
                    .addKeyValue("error", String.valueOf(e.getMessage()))
                    .log();
            return null;
        }
    }

    private static ModelMatch matchAgent(
            int index, ModelRequirement requirement, List<Provider> eligible, ModelMatcherConfig config) {
        Provider bestProvider = null;
        ProviderModel bestModel = null;
        double bestScore = 0.0;
        for (Provider provider : eligible) {
            ModelSelection selection = matchModel(requirement, provider.models(), config);
            // Strictly greater: a score of 0.0 never wins, and the first provider keeps a tie.
            if (selection.model() != null && selection.score() > bestScore) {
                bestProvider = provider;
                bestModel = selection.model();
                bestScore = selection.score();
            }
        }
        if (bestModel != null) {
            LOG.atDebug()
                    .setMessage("vigil.matcher.match_success")
                    .addKeyValue("agent_index", index)
                    .addKeyValue("provider", bestProvider.name())
                    .addKeyValue("model", bestModel.id())
                    .addKeyValue("score", bestScore)
                    .log();
            return new ModelMatch(index, bestProvider.name(), bestModel.id(), requirement.tier(), bestScore);
        }
        if (!requirement.isPinned()) {
            for (Provider provider : eligible) {
                for (ProviderModel model : provider.models()) {
                    if (passesHardFilters(model, requirement, true)) {
                        LOG.atDebug()
                                .setMessage("vigil.matcher.match_fallback")
                                .addKeyValue("agent_index", index)
                                .addKeyValue("tier", requirement.tier().wireName())
                                .addKeyValue("fallback_provider", provider.name())
                                .addKeyValue("fallback_model", model.id())
                                .log();
                        return new ModelMatch(index, provider.name(), model.id(), requirement.tier(), FALLBACK_SCORE);
                    }
                }
            }
        }
        String reason;
        if (eligible.stream().allMatch(provider -> provider.models().isEmpty())) {
            reason = "no_models_available";
        } else if (requirement.isPinned()) {
            reason = "pinned_model_unavailable";
        } else {
            reason = "no_compliant_model";
        }
        LOG.atWarn()
                .setMessage("vigil.matcher.match_failed")
                .addKeyValue("agent_index", index)
                .addKeyValue("tier", requirement.tier().wireName())
                .addKeyValue("reason", reason)
                .log();
        return null;
    }

    /** The first element that no later element strictly exceeds under {@code order}. */
    private static ProviderModel firstMaximum(List<ProviderModel> models, Comparator<ProviderModel> order) {
        ProviderModel best = models.get(0);
        for (ProviderModel model : models) {
            if (order.compare(model, best) > 0) {
                best = model;
            }
        }
        return best;
    }

    private static List<ProviderModel> sortedStable(List<ProviderModel> models, Comparator<ProviderModel> order) {
        List<ProviderModel> sorted = new ArrayList<>(models);
        sorted.sort(order); // List.sort is stable
        return sorted;
    }

    private static int indexByIdentity(List<ProviderModel> models, ProviderModel target) {
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i) == target) {
                return i;
            }
        }
        throw new IllegalStateException("model not in its tier");
    }
}
