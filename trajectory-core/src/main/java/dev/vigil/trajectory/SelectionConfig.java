package dev.vigil.trajectory;

import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How recorded (or sampled) best-of-K candidates are selected (issue 12): what they vote with, which tools only read,
 * how the consistent ones are ranked, and whether a missing token count is estimated from the text.
 *
 * @param voteScope what each candidate votes with
 * @param readOnlyTools tool-name patterns ({@code *} matches any characters, case-sensitive) of tools that only read;
 *     no blanks
 * @param ranking how the consistent candidates are ranked
 * @param estimateMissingTokens estimate every candidate's length from its text when any candidate of the task lacks a
 *     token count ({@link TraceLength})
 * @param charsPerToken characters per token of the estimate, finite and &gt; 0
 */
public record SelectionConfig(
        VoteScope voteScope,
        List<String> readOnlyTools,
        CandidateRanking ranking,
        boolean estimateMissingTokens,
        double charsPerToken) {

    /** The settings defaults. */
    public static final SelectionConfig DEFAULTS = from(Settings.defaults());

    /**
     * The seed's selection (trajectory.md §3-§4), exactly: last-turn vote, joint score, no estimate. {@link
     * TrajectoryScorer}'s methods without a config use it.
     */
    public static final SelectionConfig SEED = new SelectionConfig(
            VoteScope.LAST_TURN,
            DEFAULTS.readOnlyTools(),
            CandidateRanking.JOINT_SCORE,
            false,
            TrajectorySettings.SELECTION_CHARS_PER_TOKEN.defaultValue());

    /** Validates every component and copies the patterns. */
    public SelectionConfig {
        Checks.required("voteScope", voteScope);
        Checks.required("readOnlyTools", readOnlyTools);
        List<String> patterns = new ArrayList<>(readOnlyTools.size());
        for (String pattern : readOnlyTools) {
            if (pattern == null || pattern.isBlank()) {
                throw new IllegalArgumentException("readOnlyTools must not contain null or blank patterns");
            }
            patterns.add(pattern.strip());
        }
        readOnlyTools = List.copyOf(patterns);
        Checks.required("ranking", ranking);
        Checks.positive("charsPerToken", Checks.finite("charsPerToken", charsPerToken));
    }

    /** The config from resolved settings. */
    public static SelectionConfig from(Settings settings) {
        Checks.required("settings", settings);
        return new SelectionConfig(
                settings.get(TrajectorySettings.SELECTION_VOTE_SCOPE),
                patterns(settings.get(TrajectorySettings.SELECTION_READ_ONLY_TOOLS)),
                settings.get(TrajectorySettings.SELECTION_RANKING),
                settings.get(TrajectorySettings.SELECTION_ESTIMATE_MISSING_TOKENS),
                settings.get(TrajectorySettings.SELECTION_CHARS_PER_TOKEN));
    }

    /** A comma-separated pattern list as its trimmed, non-blank items. */
    public static List<String> patterns(String text) {
        List<String> items = new ArrayList<>();
        if (text != null) {
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return List.copyOf(items);
    }

    /** Whether {@code toolName} matches one of the read-only patterns. */
    public boolean isReadOnly(String toolName) {
        for (String pattern : readOnlyTools) {
            if (matches(pattern, toolName)) {
                return true;
            }
        }
        return false;
    }

    /** A short description for reports, e.g. {@code vote=state_changing ranking=agreement estimate=4.0 chars/token}. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "vote=%s ranking=%s estimate=%s",
                voteScope.wireName(),
                ranking.wireName(),
                estimateMissingTokens ? charsPerToken + " chars/token" : "off");
    }

    private static boolean matches(String pattern, String name) {
        List<String> quoted = new ArrayList<>();
        for (String part : pattern.split("\\*", -1)) {
            quoted.add(Pattern.quote(part));
        }
        return Pattern.matches(String.join(".*", quoted), name);
    }
}
