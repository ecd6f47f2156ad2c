package dev.vigil.routing.matcher;

import dev.vigil.routing.internal.Checks;
import dev.vigil.spi.model.ModelTier;
import dev.vigil.spi.model.WireEnum;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an agent needs from its model: a cost tier, a priority within the tier, a minimum context window, required
 * capabilities, and optionally a pinned model id or alias (a pin always wins and never falls back).
 *
 * @param tier cost tier; null means {@link ModelTier#MEDIUM}
 * @param priority null means {@link ModelPriority#BALANCED}
 * @param minContext minimum context window in tokens, >= 0 (0 = no requirement)
 * @param requiresTools the agent needs tool calls declared (every agent needs the tool-calling floor regardless)
 * @param requiresVision the agent needs image input
 * @param requiresReasoning the agent needs a reasoning model
 * @param modelId a pinned model id or alias; null for none, otherwise not blank
 */
public record ModelRequirement(
        ModelTier tier,
        ModelPriority priority,
        int minContext,
        boolean requiresTools,
        boolean requiresVision,
        boolean requiresReasoning,
        String modelId) {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRequirement.class);

    /** Tier wire names sorted, as the invalid-tier message lists them: {@code [large, medium, small]}. */
    private static final List<String> VALID_TIERS =
            Arrays.stream(ModelTier.values()).map(ModelTier::wireName).sorted().toList();

    private static final Set<String> MAP_KEYS = Set.of(
            "tier", "priority", "min_context", "requires_tools", "requires_vision", "requires_reasoning", "model_id");

    public ModelRequirement {
        if (tier == null) {
            tier = ModelTier.MEDIUM;
        }
        if (priority == null) {
            priority = ModelPriority.BALANCED;
        }
        if (minContext < 0) {
            throw new IllegalArgumentException("minContext must be >= 0, got " + minContext);
        }
        if (modelId != null) {
            Checks.notBlank(modelId, "modelId");
        }
    }

    /** A requirement for {@code tier} with every other component at its default. */
    public ModelRequirement(ModelTier tier) {
        this(tier, ModelPriority.BALANCED, 0, false, false, false, null);
    }

    /** A requirement for a tier, priority and minimum context, with no capability flags and no pin. */
    public static ModelRequirement of(ModelTier tier, ModelPriority priority, int minContext) {
        return new ModelRequirement(tier, priority, minContext, false, false, false, null);
    }

    /** A requirement pinned to a model id or alias (tier medium, balanced, no other needs). */
    public static ModelRequirement pinned(String modelId) {
        return new ModelRequirement(ModelTier.MEDIUM, ModelPriority.BALANCED, 0, false, false, false, modelId);
    }

    /** True when the requirement pins a model by id or alias. */
    public boolean isPinned() {
        return modelId != null;
    }

    /**
     * Parses a bare tier such as {@code "  LARGE "} (stripped, lower-cased).
     *
     * @throws IllegalArgumentException {@code Invalid model tier 'huge'. Valid tiers: [large, medium, small]}
     */
    public static ModelRequirement parse(String raw) {
        ModelTier tier = parseTier(raw);
        ModelRequirement requirement = new ModelRequirement(tier);
        logParsed(requirement);
        return requirement;
    }

    /**
     * Parses a requirement map with the keys {@code tier}, {@code priority}, {@code min_context},
     * {@code requires_tools}, {@code requires_vision}, {@code requires_reasoning} and {@code model_id}. Missing keys
     * and null values take the defaults; enum values are exact wire names.
     *
     * @throws IllegalArgumentException on an unknown key ({@code unknown requirement key '<k>'}) or an invalid value
     */
    public static ModelRequirement parse(Map<String, Object> raw) {
        try {
            if (raw == null) {
                throw new IllegalArgumentException("requirement map must not be null");
            }
            for (String key : raw.keySet()) {
                if (key == null || !MAP_KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown requirement key '" + key + "'");
                }
            }
            ModelRequirement requirement = new ModelRequirement(
                    enumValue(raw.get("tier"), ModelTier.class, "tier"),
                    enumValue(raw.get("priority"), ModelPriority.class, "priority"),
                    intValue(raw.get("min_context"), "min_context"),
                    boolValue(raw.get("requires_tools"), "requires_tools"),
                    boolValue(raw.get("requires_vision"), "requires_vision"),
                    boolValue(raw.get("requires_reasoning"), "requires_reasoning"),
                    stringValue(raw.get("model_id"), "model_id"));
            logParsed(requirement);
            return requirement;
        } catch (IllegalArgumentException e) {
            LOG.atWarn()
                    .setMessage("vigil.matcher.requirement_invalid")
                    .addKeyValue("reason", "dict_validation_failed")
                    .addKeyValue("error", e.getMessage())
                    .log();
            throw e;
        }
    }

    /**
     * Builds a requirement from a tier and a personality preset. The tier always wins; a known preset (stripped,
     * lower-cased) supplies the priority and minimum context of the affinity table, an unknown or null preset supplies
     * nothing (balanced, 0).
     *
     * @throws IllegalArgumentException for an invalid tier, as {@link #parse(String)}
     */
    public static ModelRequirement resolve(String tier, String preset) {
        ModelTier parsedTier = parseTier(tier);
        String normalizedPreset = preset == null ? null : preset.strip().toLowerCase(Locale.ROOT);
        PresetAffinity affinity = normalizedPreset == null ? null : PresetAffinity.lookup(normalizedPreset);
        ModelRequirement requirement = affinity == null
                ? new ModelRequirement(parsedTier)
                : of(parsedTier, affinity.priority(), affinity.minContext());
        LOG.atDebug()
                .setMessage("vigil.matcher.requirement_resolved")
                .addKeyValue("tier", requirement.tier().wireName())
                .addKeyValue("priority", requirement.priority().wireName())
                .addKeyValue("min_context", requirement.minContext())
                .addKeyValue("preset", preset)
                .log();
        return requirement;
    }

    private static ModelTier parseTier(String raw) {
        String normalized = raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
        for (ModelTier tier : ModelTier.values()) {
            if (tier.wireName().equals(normalized)) {
                return tier;
            }
        }
        LOG.atWarn()
                .setMessage("vigil.matcher.requirement_invalid")
                .addKeyValue("raw_tier", raw)
                .addKeyValue("valid_tiers", VALID_TIERS)
                .log();
        throw new IllegalArgumentException("Invalid model tier '" + raw + "'. Valid tiers: " + VALID_TIERS);
    }

    private static void logParsed(ModelRequirement requirement) {
        LOG.atDebug()
                .setMessage("vigil.matcher.requirement_parsed")
                .addKeyValue("tier", requirement.tier().wireName())
                .addKeyValue("priority", requirement.priority().wireName())
                .log();
    }

    private static <E extends Enum<E> & WireEnum> E enumValue(Object value, Class<E> type, String key) {
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(key + " must be one of " + WireEnum.wireNames(type) + ", got " + value);
        }
        return WireEnum.parse(type, key, text);
    }

    private static int intValue(Object value, String key) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw new IllegalArgumentException(key + " must be an integer, got " + render(value));
    }

    private static boolean boolValue(Object value, String key) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new IllegalArgumentException(key + " must be true or false, got " + render(value));
    }

    private static String stringValue(Object value, String key) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            if (text.strip().isEmpty()) {
                throw new IllegalArgumentException(key + " must not be blank");
            }
            return text;
        }
        throw new IllegalArgumentException(key + " must be a string, got " + render(value));
    }

    private static String render(Object value) {
        return value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
    }
}
