package dev.vigil.trajectory;

import dev.vigil.spi.model.Candidate;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores best-of-K candidates and picks the best one (trajectory.md §3, §4, §6 offline selection).
 *
 * <p>A candidate is consistent when its last turn's sorted tool-call fingerprints equal the strict-majority vote of
 * all candidates (or when no strict majority exists). Among the consistent candidates, the one with the highest
 * {@link TrajectoryScore#jointScore() joint score} wins, which rewards a high verbalized confidence and a short trace;
 * ties go to the first candidate in input order (D13).
 */
public final class TrajectoryScorer {

    private static final Logger LOG = LoggerFactory.getLogger(TrajectoryScorer.class);

    /** Verbalized confidence is on a 0-100 scale (settings.md §9 constant, not a tunable). */
    static final double VC_SCALE = 100.0;

    /** Score for a VC of zero or less, where ln would be -infinity (settings.md §9 constant, not a tunable). */
    static final double VC_FLOOR = -100.0;

    static final String EMPTY_MESSAGE = "Cannot score empty candidate list";

    private TrajectoryScorer() {}

    /**
     * Scores every candidate, in input order: consistency by majority vote, VC score, length score.
     *
     * @throws IllegalArgumentException {@code Cannot score empty candidate list} for an empty list, {@code
     *     candidateIndex values must be unique, got duplicate <i>} for a repeated index, or for a null list or element
     */
    public static List<TrajectoryScore> scoreCandidates(List<Candidate> candidates) {
        checkCandidates(candidates);
        int k = candidates.size();
        LOG.atDebug()
                .setMessage("vigil.trajectory.scoring_start")
                .addKeyValue("k", k)
                .log();

        boolean[] consistent = consistency(candidates);
        List<TrajectoryScore> scores = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Candidate candidate = candidates.get(i);
            double vcScore = vcScore(candidate);
            // Negate the long first, so zero tokens give 0.0 and not -0.0.
            double lenScore = (double) (-candidate.traceTokens());
            TrajectoryScore score = new TrajectoryScore(candidate.candidateIndex(), vcScore, lenScore, consistent[i]);
            LOG.atDebug()
                    .setMessage("vigil.trajectory.candidate_scored")
                    .addKeyValue("candidate_index", score.candidateIndex())
                    .addKeyValue("vc_score", score.vcScore())
                    .addKeyValue("len_score", score.lenScore())
                    .addKeyValue("joint_score", score.jointScore())
                    .addKeyValue("consistent", score.consistent())
                    .log();
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
        List<TrajectoryScore> scores = scoreCandidates(candidates);
        return pick(candidates, scores);
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
            List<TrajectoryScore> scores = scoreCandidates(group.getValue());
            Candidate selected = pick(group.getValue(), scores);
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

    /** Majority vote over the sorted fingerprints of each run's last turn (§3 step 4). */
    private static boolean[] consistency(List<Candidate> candidates) {
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
            List<String> vote = lastTurnVote(candidate);
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

    /** §4 steps 2-5: the pool, the strict-greater scan (first wins), the log. */
    private static Candidate pick(List<Candidate> candidates, List<TrajectoryScore> scores) {
        boolean anyConsistent = scores.stream().anyMatch(TrajectoryScore::consistent);
        TrajectoryScore best = null;
        int bestPosition = -1;
        for (int i = 0; i < scores.size(); i++) {
            TrajectoryScore score = scores.get(i);
            if (anyConsistent && !score.consistent()) {
                continue;
            }
            if (best == null || score.jointScore() > best.jointScore()) {
                best = score;
                bestPosition = i;
            }
        }
        // Never null: the list is non-empty, and the pool is all candidates when none is consistent.
        TrajectoryScore winner = Checks.required("best", best);
        LOG.atInfo()
                .setMessage("vigil.trajectory.best_selected")
                .addKeyValue("candidate_index", winner.candidateIndex())
                .addKeyValue("joint_score", winner.jointScore())
                .addKeyValue("consistent", winner.consistent())
                .addKeyValue("k", candidates.size())
                .log();
        return candidates.get(bestPosition);
    }
}
