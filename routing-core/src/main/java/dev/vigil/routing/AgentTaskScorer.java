package dev.vigil.routing;

import dev.vigil.spi.model.Complexity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores how well one agent fits one subtask (routing.md §A.3). The score adds a skill part (required skills found
 * in the primary and secondary tiers, weighted by proficiency, plus a tag bonus when the matched skills carry every
 * required tag), a role bonus and a seniority-alignment bonus, and is capped at 1.0. Inactive agents score 0.0.
 * Immutable and thread-safe.
 */
public final class AgentTaskScorer {

    /** The cap on a routing score. */
    public static final double MAX_SCORE = 1.0;

    private static final Logger LOG = LoggerFactory.getLogger(AgentTaskScorer.class);

    private final RoutingScorerConfig config;
    private final double minScore;

    /**
     * A scorer with an explicit minimum score.
     *
     * @param minScore the minimum viable score; null means {@code config.minScore()}
     * @param config the weights; null means {@link RoutingScorerConfig#DEFAULTS}
     * @throws IllegalArgumentException {@code minScore must be between 0.0 and 1.0, got <v>}
     */
    public AgentTaskScorer(Double minScore, RoutingScorerConfig config) {
        this.config = config == null ? RoutingScorerConfig.DEFAULTS : config;
        double effective = minScore == null ? this.config.minScore() : minScore;
        if (!(effective >= 0.0 && effective <= 1.0)) { // written this way so that NaN fails too
            String error = "minScore must be between 0.0 and 1.0, got " + effective;
            LOG.atWarn()
                    .setMessage("vigil.routing.scorer_invalid_config")
                    .addKeyValue("min_score", effective)
                    .addKeyValue("error", error)
                    .log();
            throw new IllegalArgumentException(error);
        }
        this.minScore = effective;
    }

    /** A scorer with the config's own minimum score. */
    public AgentTaskScorer(RoutingScorerConfig config) {
        this(null, config);
    }

    /** A scorer with the seed defaults. */
    public AgentTaskScorer() {
        this(null, RoutingScorerConfig.DEFAULTS);
    }

    /** The minimum viable score (inclusive) in effect. */
    public double minScore() {
        return minScore;
    }

    /** The weights in effect. */
    public RoutingScorerConfig config() {
        return config;
    }

    /** True when {@code candidate} reaches the minimum score (inclusive) and may be routed to. */
    public boolean isViable(RoutingCandidate candidate) {
        return candidate.score() >= minScore;
    }

    /**
     * Scores {@code agent} against {@code subtask}.
     *
     * @return the candidate with its score in [0.0, 1.0], the matched skill ids (primary tier first), the reasons
     *     joined with {@code "; "} and the per-criterion breakdown
     */
    public RoutingCandidate score(AgentIdentity agent, Subtask subtask) {
        if (agent.status() != AgentStatus.ACTIVE) {
            String reason = "Agent status is " + agent.status().wireName() + ", not active";
            logScored(agent, subtask, 0.0, reason);
            return new RoutingCandidate(agent, 0.0, List.of(), reason, ScoreBreakdown.ZERO);
        }
        List<String> reasons = new ArrayList<>();

        // Skill tiers; the denominator is the number of distinct required skills.
        Set<String> required = new LinkedHashSet<>(subtask.requiredSkills());
        List<String> primaryMatched = List.of();
        List<String> secondaryMatched = List.of();
        double primaryContribution = 0.0;
        double secondaryContribution = 0.0;
        double tagContribution = 0.0;
        double skillPart = 0.0;
        if (required.isEmpty()) {
            reasons.add("no skills required, skill matching skipped");
        } else {
            Map<String, Skill> primary = byId(agent.skills().primary());
            Map<String, Skill> secondary = byId(agent.skills().secondary());
            primaryMatched = sortedMatches(required, primary, Set.of());
            secondaryMatched = sortedMatches(required, secondary, Set.copyOf(primaryMatched));
            primaryContribution = contribution(primaryMatched, primary, required.size(), config.primarySkillWeight());
            secondaryContribution =
                    contribution(secondaryMatched, secondary, required.size(), config.secondarySkillWeight());
            skillPart = 0.0 + primaryContribution + secondaryContribution;
            if (!primaryMatched.isEmpty()) {
                reasons.add("primary skills: " + primaryMatched);
            }
            if (!secondaryMatched.isEmpty()) {
                reasons.add("secondary skills: " + secondaryMatched);
            }
            Set<String> requiredTags = new TreeSet<>(subtask.requiredTags());
            if (!requiredTags.isEmpty()) {
                Set<String> carried = new HashSet<>();
                primaryMatched.forEach(id -> carried.addAll(primary.get(id).tags()));
                secondaryMatched.forEach(id -> carried.addAll(secondary.get(id).tags()));
                if (carried.containsAll(requiredTags)) {
                    tagContribution = config.tagMatchBonus();
                    skillPart += tagContribution;
                    reasons.add("tag match: " + new ArrayList<>(requiredTags));
                }
            }
        }

        double roleContribution = 0.0;
        if (subtask.requiredRole() != null && fold(subtask.requiredRole()).equals(fold(agent.role()))) {
            roleContribution = config.roleMatchBonus();
            reasons.add("role match");
        }

        double seniorityContribution = 0.0;
        Complexity complexity = subtask.estimatedComplexity();
        if (agent.level().alignsWith(complexity)) {
            seniorityContribution = config.seniorityAlignmentBonus();
            reasons.add("seniority " + agent.level().wireName() + " aligns with complexity " + complexity.wireName());
        }

        double uncapped = skillPart + roleContribution + seniorityContribution;
        double total = Math.min(uncapped, MAX_SCORE);
        String reason = reasons.isEmpty() ? "no matching criteria" : String.join("; ", reasons);
        List<String> matched = new ArrayList<>(primaryMatched);
        matched.addAll(secondaryMatched);
        logScored(agent, subtask, total, reason);
        ScoreBreakdown breakdown = new ScoreBreakdown(
                primaryContribution,
                secondaryContribution,
                tagContribution,
                roleContribution,
                seniorityContribution,
                uncapped);
        return new RoutingCandidate(agent, total, matched, reason, breakdown);
    }

    private static Map<String, Skill> byId(List<Skill> skills) {
        return skills.stream().collect(Collectors.toMap(Skill::id, Function.identity()));
    }

    private static List<String> sortedMatches(Set<String> required, Map<String, Skill> tier, Set<String> exclude) {
        return required.stream()
                .filter(tier::containsKey)
                .filter(id -> !exclude.contains(id))
                .sorted()
                .toList();
    }

    /** (Σ proficiency over the sorted matches, from 0.0) / required count × weight, in that order. */
    private static double contribution(
            List<String> matched, Map<String, Skill> tier, int requiredCount, double weight) {
        double sum = 0.0;
        for (String id : matched) {
            sum += tier.get(id).proficiency();
        }
        return (sum / requiredCount) * weight;
    }

    /** Full case folding as the spec defines it: strip, upper-case, lower-case (so "Straße" equals "STRASSE"). */
    private static String fold(String role) {
        return role.strip().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static void logScored(AgentIdentity agent, Subtask subtask, double score, String reason) {
        LOG.atDebug()
                .setMessage("vigil.routing.agent_scored")
                .addKeyValue("agent_name", agent.name())
                .addKeyValue("subtask_id", subtask.id())
                .addKeyValue("score", score)
                .addKeyValue("reason", reason)
                .log();
    }
}
