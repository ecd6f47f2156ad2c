package dev.vigil.quality.grounded;

import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.settings.Setting;
import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The thresholds of the {@code grounded} step classifier; each component is one {@link GroundedSettings} key.
 *
 * @param ruleConfidence confidence of a matched rule, in [0.0, 1.0]
 * @param defaultConfidence confidence of a step no rule objected to, in [0.0, 1.0]
 * @param minResultNovelty result novelty below which a tool step is unhelpful, in [0.0, 1.0]; 0 is off
 * @param noveltyShingleWords words per shingle, in [1, 50]
 * @param nearDuplicateSimilarity argument Jaccard at or above which a call repeats an earlier one, in (0.0, 1.0]
 * @param stallTolerance unhelpful steps tolerated before the next one is INCORRECT, &ge; 0
 * @param answerAfterStall whether an answer right after an unhelpful or failed tool step is INCORRECT
 * @param answerPattern a regular expression whose first group is the marked answer; empty means no marker
 * @param toolMarkup lower-case markers of a tool call written as text; empty is off
 * @param abstentionPhrases lower-case phrases of an answer that gives up; empty is off
 * @param groundingMinSupport share of an answer's words the tool results must contain, in [0.0, 1.0]; 0 is off
 * @param groundingMinWords content words an answer needs before grounding is judged, &ge; 1
 * @param minEvidenceSteps successful tool steps needed before an answer, &ge; 0; 0 is off
 */
public record GroundedConfig(
        double ruleConfidence,
        double defaultConfidence,
        double minResultNovelty,
        int noveltyShingleWords,
        double nearDuplicateSimilarity,
        int stallTolerance,
        boolean answerAfterStall,
        String answerPattern,
        List<String> toolMarkup,
        List<String> abstentionPhrases,
        double groundingMinSupport,
        int groundingMinWords,
        int minEvidenceSteps) {

    /** The defaults of {@link GroundedSettings}. */
    public static final GroundedConfig DEFAULTS = from(Settings.defaults());

    /** Validates every component and normalises the phrase lists (lower case, trimmed, no blanks). */
    public GroundedConfig {
        unit("ruleConfidence", ruleConfidence);
        unit("defaultConfidence", defaultConfidence);
        unit("minResultNovelty", minResultNovelty);
        if (noveltyShingleWords < 1 || noveltyShingleWords > 50) {
            throw new IllegalArgumentException("noveltyShingleWords must be in [1, 50], got " + noveltyShingleWords);
        }
        if (!(nearDuplicateSimilarity > 0.0 && nearDuplicateSimilarity <= 1.0)) {
            throw new IllegalArgumentException(
                    "nearDuplicateSimilarity must be in (0.0, 1.0], got " + nearDuplicateSimilarity);
        }
        atLeast("stallTolerance", stallTolerance, 0);
        Objects.requireNonNull(answerPattern, "answerPattern must not be null");
        if (!answerPattern.isEmpty()) {
            try {
                if (Pattern.compile(answerPattern).matcher("").groupCount() < 1) {
                    throw new IllegalArgumentException(
                            "answerPattern must have a capturing group for the answer, got '" + answerPattern + "'");
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "answerPattern must be a regular expression, got '" + answerPattern + "': "
                                + e.getDescription(),
                        e);
            }
        }
        toolMarkup = normalise(toolMarkup, "toolMarkup");
        abstentionPhrases = normalise(abstentionPhrases, "abstentionPhrases");
        unit("groundingMinSupport", groundingMinSupport);
        atLeast("groundingMinWords", groundingMinWords, 1);
        atLeast("minEvidenceSteps", minEvidenceSteps, 0);
    }

    /** The config from resolved settings. */
    public static GroundedConfig from(Settings settings) {
        Objects.requireNonNull(settings, "settings must not be null");
        return new GroundedConfig(
                settings.get(GroundedSettings.RULE_CONFIDENCE),
                settings.get(GroundedSettings.DEFAULT_CONFIDENCE),
                settings.get(GroundedSettings.MIN_RESULT_NOVELTY),
                settings.get(GroundedSettings.NOVELTY_SHINGLE_WORDS),
                settings.get(GroundedSettings.NEAR_DUPLICATE_SIMILARITY),
                settings.get(GroundedSettings.STALL_TOLERANCE),
                settings.get(GroundedSettings.ANSWER_AFTER_STALL),
                settings.get(GroundedSettings.ANSWER_PATTERN),
                splitList(settings.get(GroundedSettings.TOOL_MARKUP)),
                splitList(settings.get(GroundedSettings.ABSTENTION_PHRASES)),
                settings.get(GroundedSettings.GROUNDING_MIN_SUPPORT),
                settings.get(GroundedSettings.GROUNDING_MIN_WORDS),
                settings.get(GroundedSettings.MIN_EVIDENCE_STEPS));
    }

    /**
     * This config with the overrides of {@code config} (the settings under {@code plugins.grounded.}), whose keys are
     * the {@link GroundedSettings} keys without {@link GroundedSettings#PREFIX}, e.g. {@code min_result_novelty}.
     *
     * @throws IllegalArgumentException when an override is malformed or out of range
     */
    public GroundedConfig withOverrides(PluginConfig config) {
        if (config == null || config.asMap().isEmpty()) {
            return this;
        }
        return new GroundedConfig(
                config.getDouble(suffix(GroundedSettings.RULE_CONFIDENCE), ruleConfidence),
                config.getDouble(suffix(GroundedSettings.DEFAULT_CONFIDENCE), defaultConfidence),
                config.getDouble(suffix(GroundedSettings.MIN_RESULT_NOVELTY), minResultNovelty),
                config.getInt(suffix(GroundedSettings.NOVELTY_SHINGLE_WORDS), noveltyShingleWords),
                config.getDouble(suffix(GroundedSettings.NEAR_DUPLICATE_SIMILARITY), nearDuplicateSimilarity),
                config.getInt(suffix(GroundedSettings.STALL_TOLERANCE), stallTolerance),
                config.getBoolean(suffix(GroundedSettings.ANSWER_AFTER_STALL), answerAfterStall),
                config.getString(suffix(GroundedSettings.ANSWER_PATTERN), answerPattern),
                config.get(suffix(GroundedSettings.TOOL_MARKUP))
                        .map(GroundedConfig::splitList)
                        .orElse(toolMarkup),
                config.get(suffix(GroundedSettings.ABSTENTION_PHRASES))
                        .map(GroundedConfig::splitList)
                        .orElse(abstentionPhrases),
                config.getDouble(suffix(GroundedSettings.GROUNDING_MIN_SUPPORT), groundingMinSupport),
                config.getInt(suffix(GroundedSettings.GROUNDING_MIN_WORDS), groundingMinWords),
                config.getInt(suffix(GroundedSettings.MIN_EVIDENCE_STEPS), minEvidenceSteps));
    }

    /** The override key of {@code setting}: its key without {@link GroundedSettings#PREFIX}. */
    public static String suffix(Setting<?> setting) {
        return setting.key().substring(GroundedSettings.PREFIX.length());
    }

    /** A comma-separated list as its trimmed, non-blank items; null or blank gives the empty list. */
    public static List<String> splitList(String text) {
        List<String> items = new ArrayList<>();
        if (text == null) {
            return List.of();
        }
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return List.copyOf(items);
    }

    private static List<String> normalise(List<String> items, String parameter) {
        if (items == null) {
            return List.of();
        }
        List<String> copy = new ArrayList<>(items.size());
        for (String item : items) {
            if (item == null) {
                throw new IllegalArgumentException(parameter + " must not contain null");
            }
            if (!item.isBlank()) {
                copy.add(item.strip().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(copy);
    }

    private static void unit(String parameter, double value) {
        if (!Double.isFinite(value) || value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException(parameter + " must be in [0.0, 1.0], got " + value);
        }
    }

    private static void atLeast(String parameter, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(parameter + " must be >= " + min + ", got " + value);
        }
    }
}
