package dev.vigil.trajectory;

import dev.vigil.spi.model.Candidate;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores best-of-K candidates and picks the best one (trajectory.md §3, §4, §6 offline selection).
 *
 * <p>A candidate is consistent when its last turn's sorted tool-call fingerprints equal the strict-majority vote of
 * all candidates (or when no strict majority exists). Among the consistent candidates, the one with the highest
 * {@link TrajectoryScore#jointScore() joint score} wins, which rewards a high verbalized confidence and a short trace;
 * ties go to the first candidate in input order (D13). Those are the methods without a {@link SelectionConfig}, which
 * keep the seed's rule exactly ({@link SelectionConfig#SEED}).
 *
 * <p>The methods with a {@link SelectionConfig} (issue 12) choose what candidates vote with ({@link VoteScope}), how
 * the consistent candidates are ranked ({@link CandidateRanking}), and estimate every candidate's trace length from its
 * text ({@link TraceLength}) when any candidate of the set lacks a token count, so that lengths stay comparable.
 */
public final class TrajectoryScorer {

    private static final Logger LOG = LoggerFactory.getLogger(TrajectoryScorer.class);

    /** Verbalized confidence is on a 0-100 scale (settings.md §9 constant, not a tunable). */
    static final double VC_SCALE = 100.0;

    /** Score for a VC of zero or less, where ln would be -infinity (settings.md §9 constant, not a tunable). */
    static final double VC_FLOOR = -100.0;

    static final String EMPTY_MESSAGE = "Cannot score empty candidate list";

    /** Agreements closer than this are a tie (they are means of a handful of ratios). */
    private static final double AGREEMENT_TIE = 1e-12;

    /** Prefix that keeps a final answer apart from tool-call fingerprints in a candidate's action set. */
    private static final String ANSWER_ITEM_PREFIX = "answer:";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private TrajectoryScorer() {}

    /**
     * Scores every candidate, in input order: consistency by majority vote, VC score, length score.
     *
     * @throws IllegalArgumentException {@code Cannot score empty candidate list} for an empty list, {@code
     *     candidateIndex values must be unique, got duplicate <i>} for a repeated index, or for a null list or element
     */
    public static List<TrajectoryScore> scoreCandidates(List<Candidate> candidates) {
        return scoreCandidates(candidates, SelectionConfig.SEED);
    }

    /**
     * Scores every candidate, in input order, under {@code config}: consistency by majority vote over the configured
     * scope, VC score, length score (estimated when the set lacks token counts and the config estimates), and, under
     * the agreement ranking, each candidate's agreement with the others.
     *
     * @throws IllegalArgumentException as {@link #scoreCandidates(List)}, or for a null config
     */
    public static List<TrajectoryScore> scoreCandidates(List<Candidate> candidates, SelectionConfig config) {
        Checks.required("config", config);
        checkCandidates(candidates);
        int k = candidates.size();
        LOG.atDebug()
                .setMessage("vigil.trajectory.scoring_start")
                .addKeyValue("k", k)
                .log();

        boolean[] consistent = consistency(candidates, config);
        boolean estimate =
                config.estimateMissingTokens() && candidates.stream().anyMatch(c -> !TraceLength.hasTokenCount(c));
        double[] agreement = config.ranking() == CandidateRanking.AGREEMENT ? agreement(candidates) : new double[k];
        List<TrajectoryScore> scores = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Candidate candidate = candidates.get(i);
            double vcScore = vcScore(candidate);
            // Negate the long first, so zero tokens give 0.0 and not -0.0.
            double lenScore = (double) (-TraceLength.tokensFor(candidate, estimate, config.charsPerToken()));
            TrajectoryScore score =
                    new TrajectoryScore(candidate.candidateIndex(), vcScore, lenScore, consistent[i], agreement[i]);
            var event = LOG.atDebug()
                    .setMessage("vigil.trajectory.candidate_scored")
                    .addKeyValue("candidate_index", score.candidateIndex())
                    .addKeyValue("vc_score", score.vcScore())
                    .addKeyValue("len_score", score.lenScore())
                    .addKeyValue("joint_score", score.jointScore())
                    .addKeyValue("consistent", score.consistent());
            // The seed's fields stay exactly as specified; issue-12 fields appear only when in use.
            if (config.ranking() == CandidateRanking.AGREEMENT) {
                event = event.addKeyValue("agreement", score.agreement());
            }
            if (estimate) {
                event = event.addKeyValue("length_estimated", true);
            }
            event.log();
            scores.add(score);
        }
        return List.copyOf(scores);
    }

    /**
     * Scores the candidates and returns the best: the highest joint score among the consistent candidates (or among
     * all, if none is consistent); on equal scores the first in input order.
     *
     * @throws IllegalArgumentException as {@link #scoreCandidates}
     */
    public static Candidate selectBest(List<Candidate> candidates) {
        return selectBest(candidates, SelectionConfig.SEED);
    }

    /**
     * Scores the candidates under {@code config} and returns the best consistent one (or the best of all, if none is
     * consistent): by joint score, or by agreement then joint score; remaining ties go to the first in input order.
     *
     * @throws IllegalArgumentException as {@link #scoreCandidates(List, SelectionConfig)}
     */
    public static Candidate selectBest(List<Candidate> candidates, SelectionConfig config) {
        List<TrajectoryScore> scores = scoreCandidates(candidates, config);
        return pick(candidates, scores, config.ranking());
    }

    /**
     * Offline selection for recorded candidates (for example several trials of each task): groups the candidates by
     * {@code run.taskId} in order of first appearance, keeps input order within a group, and runs {@link #selectBest}
     * per group. Candidate indices need to be unique only within a task. An empty input gives an empty result.
     *
     * @return one selection per task, in order of first appearance
     * @throws IllegalArgumentException for a null list or element, or a repeated index within one task
     */
    public static List<TaskSelection> selectPerTask(List<Candidate> candidates) {
        return selectPerTask(candidates, SelectionConfig.SEED);
    }

    /**
     * Offline selection under {@code config}: as {@link #selectPerTask(List)}, with {@link #selectBest(List,
     * SelectionConfig)} per task.
     *
     * @throws IllegalArgumentException as {@link #selectPerTask(List)}, or for a null config
     */
    public static List<TaskSelection> selectPerTask(List<Candidate> candidates, SelectionConfig config) {
        Checks.required("config", config);
        Checks.required("candidates", candidates);
        Map<String, List<Candidate>> byTask = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            if (candidate == null) {
                throw new IllegalArgumentException("candidates must not contain null");
            }
            byTask.computeIfAbsent(candidate.run().taskId(), taskId -> new ArrayList<>())
                    .add(candidate);
        }
        List<TaskSelection> selections = new ArrayList<>(byTask.size());
        for (Map.Entry<String, List<Candidate>> group : byTask.entrySet()) {
            List<TrajectoryScore> scores = scoreCandidates(group.getValue(), config);
            Candidate selected = pick(group.getValue(), scores, config.ranking());
            selections.add(new TaskSelection(group.getKey(), selected, scores));
        }
        return List.copyOf(selections);
    }

    private static void checkCandidates(List<Candidate> candidates) {
        Checks.required("candidates", candidates);
        if (candidates.isEmpty()) {
            LOG.atWarn()
                    .setMessage("vigil.trajectory.scoring_start")
                    .addKeyValue("k", 0)
                    .addKeyValue("error", EMPTY_MESSAGE)
                    .log();
            throw new IllegalArgumentException(EMPTY_MESSAGE);
        }
        Set<Integer> seen = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (candidate == null) {
                throw new IllegalArgumentException("candidates must not contain null");
            }
            if (!seen.add(candidate.candidateIndex())) {
                throw new IllegalArgumentException(
                        "candidateIndex values must be unique, got duplicate " + candidate.candidateIndex());
            }
        }
    }

    /** Majority vote over each candidate's vote in the configured scope (§3 step 4 for the last turn). */
    private static boolean[] consistency(List<Candidate> candidates, SelectionConfig config) {
        int k = candidates.size();
        boolean[] consistent = new boolean[k];
        if (k < 2) {
            consistent[0] = true;
            return consistent;
        }
        List<List<String>> votes = new ArrayList<>(k);
        // Insertion order makes the first-seen list win a tie in count (D13).
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            List<String> vote = vote(candidate, config);
            votes.add(vote);
            counts.merge(vote, 1, Integer::sum);
        }
        List<String> winner = null;
        int winnerCount = 0;
        for (Map.Entry<List<String>, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > winnerCount) {
                winner = entry.getKey();
                winnerCount = entry.getValue();
            }
        }
        boolean hasMajority = winnerCount > k / 2.0;
        int filtered = 0;
        for (int i = 0; i < k; i++) {
            consistent[i] = !hasMajority || votes.get(i).equals(winner);
            if (!consistent[i]) {
                filtered++;
            }
        }
        if (filtered > 0) {
            LOG.atInfo()
                    .setMessage("vigil.trajectory.consistency_filtered")
                    .addKeyValue("filtered", filtered)
                    .addKeyValue("total", k)
                    .log();
        }
        return consistent;
    }

    private static List<String> vote(Candidate candidate, SelectionConfig config) {
        return switch (config.voteScope()) {
            case LAST_TURN -> lastTurnVote(candidate);
            case STATE_CHANGING -> stateChangingVote(candidate.run(), config);
            case FINAL_ANSWER -> {
                String answer = finalAnswer(candidate.run());
                yield answer.isEmpty() ? List.of() : List.of(answer);
            }
        };
    }

    /** The distinct sorted fingerprints of the run's calls to tools that are not read-only and did not fail. */
    private static List<String> stateChangingVote(Run run, SelectionConfig config) {
        Set<String> fingerprints = new TreeSet<>();
        for (Turn turn : run.turns()) {
            for (ToolCall call : turn.toolCalls()) {
                boolean failed = call.result() != null && call.result().error();
                if (!failed && !config.isReadOnly(call.name())) {
                    fingerprints.add(call.fingerprint());
                }
            }
        }
        return List.copyOf(fingerprints);
    }

    /**
     * The run's final answer, normalised: its final output (else the text of its last turn with text), lower case,
     * letter and digit words joined by single spaces; empty when there is none.
     */
    static String finalAnswer(Run run) {
        String text = run.finalOutput();
        if (text == null || text.isBlank()) {
            text = null;
            for (Turn turn : run.turns()) {
                if (turn.content() != null && !turn.content().isBlank()) {
                    text = turn.content();
                }
            }
        }
        if (text == null) {
            return "";
        }
        StringBuilder normalised = new StringBuilder();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            if (normalised.length() > 0) {
                normalised.append(' ');
            }
            normalised.append(matcher.group());
        }
        return normalised.toString();
    }

    /**
     * Each candidate's mean Jaccard similarity with every other candidate, over action sets: the fingerprints of all
     * its tool calls plus its final answer. A single candidate agrees with itself (1.0).
     */
    private static double[] agreement(List<Candidate> candidates) {
        int k = candidates.size();
        List<Set<String>> actions = new ArrayList<>(k);
        for (Candidate candidate : candidates) {
            Set<String> items = new HashSet<>();
            for (Turn turn : candidate.run().turns()) {
                for (ToolCall call : turn.toolCalls()) {
                    items.add(call.fingerprint());
                }
            }
            String answer = finalAnswer(candidate.run());
            if (!answer.isEmpty()) {
                items.add(ANSWER_ITEM_PREFIX + answer);
            }
            actions.add(items);
        }
        double[] agreement = new double[k];
        for (int i = 0; i < k; i++) {
            if (k == 1) {
                agreement[i] = 1.0;
                continue;
            }
            double sum = 0.0;
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    sum += jaccard(actions.get(i), actions.get(j));
                }
            }
            agreement[i] = Math.min(1.0, sum / (k - 1));
        }
        return agreement;
    }

    /** |a ∩ b| / |a ∪ b|; two empty sets are identical (1.0). */
    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        int common = 0;
        for (String item : a) {
            if (b.contains(item)) {
                common++;
            }
        }
        return common / (double) (a.size() + b.size() - common);
    }

    /** The sorted fingerprints of the last turn; a run without turns votes the empty list. */
    private static List<String> lastTurnVote(Candidate candidate) {
        List<Turn> turns = candidate.run().turns();
        if (turns.isEmpty()) {
            return List.of();
        }
        // toolCallFingerprints() is already sorted (D1); sorting again keeps the vote independent of that contract.
        List<String> fingerprints = new ArrayList<>(turns.get(turns.size() - 1).toolCallFingerprints());
        fingerprints.sort(null);
        return List.copyOf(fingerprints);
    }

    private static double vcScore(Candidate candidate) {
        Double vc = candidate.verbalizedConfidence();
        if (vc == null) {
            LOG.atDebug()
                    .setMessage("vigil.trajectory.candidate_scored")
                    .addKeyValue("candidate_index", candidate.candidateIndex())
                    .addKeyValue("vc_unavailable", true)
                    .addKeyValue("reason", "verbalizedConfidence is null, using Len-only")
                    .log();
            return 0.0;
        }
        if (vc <= 0.0) {
            LOG.atWarn()
                    .setMessage("vigil.trajectory.candidate_scored")
                    .addKeyValue("candidate_index", candidate.candidateIndex())
                    .addKeyValue("vc", vc)
                    .addKeyValue("reason", "zero or negative VC, flooring to -100.0")
                    .log();
            return VC_FLOOR;
        }
        double score = Math.log(vc / VC_SCALE);
        if (score == Double.NEGATIVE_INFINITY) {
            // A subnormal VC (e.g. 1e-323) underflows to 0 when divided; the difference of logs stays finite.
            score = Math.log(vc) - Math.log(VC_SCALE);
        }
        return score;
    }

    /**
     * §4 steps 2-5: the pool, the strict-greater scan (first wins), the log. Under the agreement ranking the scan
     * compares agreement first and the joint score on a tie.
     */
    private static Candidate pick(List<Candidate> candidates, List<TrajectoryScore> scores, CandidateRanking ranking) {
        boolean anyConsistent = scores.stream().anyMatch(TrajectoryScore::consistent);
        TrajectoryScore best = null;
        int bestPosition = -1;
        for (int i = 0; i < scores.size(); i++) {
            TrajectoryScore score = scores.get(i);
            if (anyConsistent && !score.consistent()) {
                continue;
            }
            if (best == null || better(score, best, ranking)) {
                best = score;
                bestPosition = i;
            }
        }
        // Never null: the list is non-empty, and the pool is all candidates when none is consistent.
        TrajectoryScore winner = Checks.required("best", best);
        var event = LOG.atInfo()
                .setMessage("vigil.trajectory.best_selected")
                .addKeyValue("candidate_index", winner.candidateIndex())
                .addKeyValue("joint_score", winner.jointScore())
                .addKeyValue("consistent", winner.consistent());
        if (ranking == CandidateRanking.AGREEMENT) {
            event = event.addKeyValue("agreement", winner.agreement());
        }
        event.addKeyValue("k", candidates.size()).log();
        return candidates.get(bestPosition);
    }

    private static boolean better(TrajectoryScore score, TrajectoryScore best, CandidateRanking ranking) {
        if (ranking == CandidateRanking.AGREEMENT) {
            double difference = score.agreement() - best.agreement();
            if (Math.abs(difference) > AGREEMENT_TIE) {
                return difference > 0;
            }
        }
        return score.jointScore() > best.jointScore();
    }
}
