package dev.vigil.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Candidate;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.ToolResult;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Selection with a {@link SelectionConfig}: the vote scopes, the agreement ranking and the length estimate. */
class ConfiguredSelectionTest {

    static ToolCall call(String name, String argument, boolean failed) {
        return new ToolCall(name, Map.of("id", argument), null, new ToolResult(failed ? "Error: no" : "ok", failed));
    }

    /** A run whose first turn makes {@code calls} and whose last turn says {@code answer}. */
    static Run run(String answer, ToolCall... calls) {
        return runOf("t", answer, calls);
    }

    static Run runOf(String task, String answer, ToolCall... calls) {
        Turn acting =
                Turn.builder(1, FinishReason.TOOL_USE).toolCalls(List.of(calls)).build();
        Turn speaking = Turn.builder(2, FinishReason.STOP).content(answer).build();
        return Run.builder("r", "a", task, TerminationReason.COMPLETED)
                .turns(List.of(acting, speaking))
                .build();
    }

    static SelectionConfig config(VoteScope scope, CandidateRanking ranking) {
        return new SelectionConfig(scope, SelectionConfig.DEFAULTS.readOnlyTools(), ranking, true, 4.0);
    }

    static List<Boolean> consistency(List<Candidate> candidates, SelectionConfig config) {
        return TrajectoryScorer.scoreCandidates(candidates, config).stream()
                .map(TrajectoryScore::consistent)
                .toList();
    }

    @Test
    void theStateChangingVoteIgnoresReadsAndFailedWrites() {
        List<Candidate> candidates = List.of(
                Candidate.of(0, run("done", call("get_user", "u1", false), call("cancel", "R1", false)), null),
                Candidate.of(1, run("ok", call("cancel", "R1", true), call("cancel", "R1", false)), null),
                Candidate.of(2, run("done!", call("search_flights", "x", false), call("cancel", "R2", false)), null));
        assertEquals(
                List.of(true, true, false),
                consistency(candidates, config(VoteScope.STATE_CHANGING, CandidateRanking.JOINT_SCORE)),
                "0 and 1 both cancelled R1 (1's failed first try changed nothing); 2 cancelled R2");
        assertEquals(
                List.of(true, true, true),
                consistency(candidates, config(VoteScope.LAST_TURN, CandidateRanking.JOINT_SCORE)),
                "every last turn is a text reply: the seed's vote sees no difference");
    }

    @Test
    void theFinalAnswerVoteNormalisesCaseAndPunctuation() {
        List<Candidate> candidates = List.of(
                Candidate.of(0, run("Paris."), null),
                Candidate.of(1, run("Lyon"), null),
                Candidate.of(2, run("  paris "), null));
        assertEquals(
                List.of(true, false, true),
                consistency(candidates, config(VoteScope.FINAL_ANSWER, CandidateRanking.JOINT_SCORE)));
        assertEquals("the answer is 42", TrajectoryScorer.finalAnswer(run("The answer is: 42!")));
    }

    @Test
    void missingTokenCountsAreEstimatedForTheWholeSet() {
        // No token counts: without the estimate every joint score is 0 and the first candidate wins.
        List<Candidate> candidates = List.of(
                Candidate.of(0, run("a much longer reply that goes on and on and on"), null),
                Candidate.of(1, run("short"), null));
        SelectionConfig estimate = config(VoteScope.LAST_TURN, CandidateRanking.JOINT_SCORE);
        SelectionConfig noEstimate =
                new SelectionConfig(VoteScope.LAST_TURN, List.of(), CandidateRanking.JOINT_SCORE, false, 4.0);
        assertEquals(1, TrajectoryScorer.selectBest(candidates, estimate).candidateIndex());
        assertEquals(0, TrajectoryScorer.selectBest(candidates, noEstimate).candidateIndex());
        assertEquals(0, TrajectoryScorer.selectBest(candidates).candidateIndex(), "the seed never estimates");

        // One candidate with a real count and one without: all are estimated, so lengths stay comparable.
        List<Candidate> mixed = List.of(
                new Candidate(0, run("a much longer reply that goes on and on and on"), null, 1),
                Candidate.of(1, run("short"), null));
        assertEquals(1, TrajectoryScorer.selectBest(mixed, estimate).candidateIndex());
        List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(mixed, estimate);
        assertEquals(-12.0, scores.get(0).lenScore(), "46 characters / 4, rounded up");
    }

    @Test
    void agreementPrefersTheCandidateClosestToTheOthers() {
        // 0 and 1 did the same lookups and the same cancellation; 2 is a short outlier that did nothing.
        List<Candidate> candidates = List.of(
                Candidate.of(0, run("Cancelled R1.", call("get_user", "u1", false), call("cancel", "R1", false)), null),
                Candidate.of(
                        1, run("R1 is cancelled", call("get_user", "u1", false), call("cancel", "R1", false)), null),
                Candidate.of(2, run("Bye"), null));
        SelectionConfig joint = config(VoteScope.LAST_TURN, CandidateRanking.JOINT_SCORE);
        SelectionConfig agreement = config(VoteScope.LAST_TURN, CandidateRanking.AGREEMENT);
        assertEquals(2, TrajectoryScorer.selectBest(candidates, joint).candidateIndex(), "shortest wins");
        List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(candidates, agreement);
        assertEquals(0.25, scores.get(0).agreement(), 1e-12, "Jaccard 2/4 with candidate 1, 0 with 2: mean 0.25");
        assertEquals(scores.get(0).agreement(), scores.get(1).agreement(), 1e-12);
        assertEquals(0.0, scores.get(2).agreement());
        assertEquals(
                0,
                TrajectoryScorer.selectBest(candidates, agreement).candidateIndex(),
                "0 and 1 tie on agreement; the joint score breaks it: 0's reply is shorter");
    }

    @Test
    void aSingleCandidateAgreesWithItself() {
        List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(
                List.of(Candidate.of(3, run("x"), null)), config(VoteScope.STATE_CHANGING, CandidateRanking.AGREEMENT));
        assertEquals(1.0, scores.get(0).agreement());
        assertTrue(scores.get(0).consistent());
    }

    @Test
    void perTaskSelectionUsesTheConfigForEveryTask() {
        List<Candidate> candidates = new ArrayList<>();
        for (String task : List.of("a", "b")) {
            candidates.add(new Candidate(0, runOf(task, "long long long long reply"), null, 0));
            candidates.add(new Candidate(1, runOf(task, "short"), null, 0));
        }
        List<TaskSelection> selections =
                TrajectoryScorer.selectPerTask(candidates, config(VoteScope.LAST_TURN, CandidateRanking.JOINT_SCORE));
        assertEquals(
                List.of("a", "b"),
                selections.stream().map(TaskSelection::taskId).toList());
        selections.forEach(s -> assertEquals(1, s.selected().candidateIndex()));
    }

    @Property
    void anyCandidateSetSelectsOneOfItsOwn(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 5) Integer> actions,
            @ForAll VoteScope scope,
            @ForAll CandidateRanking ranking) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            int a = actions.get(i);
            candidates.add(Candidate.of(
                    i,
                    run("answer " + (a % 2), call(a % 3 == 0 ? "get_x" : "book", "v" + a, a == 4)),
                    a == 5 ? null : (double) (a * 20)));
        }
        SelectionConfig config = config(scope, ranking);
        List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(candidates, config);
        assertEquals(candidates.size(), scores.size());
        scores.forEach(s -> assertTrue(s.agreement() >= 0.0 && s.agreement() <= 1.0));
        assertTrue(scores.stream().anyMatch(TrajectoryScore::consistent));
        Candidate best = TrajectoryScorer.selectBest(candidates, config);
        assertTrue(candidates.contains(best));
    }
}
