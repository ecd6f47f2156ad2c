package dev.vigil.trajectory;

import static dev.vigil.trajectory.Fixtures.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Candidate;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** examples.md §16 (trajectory scoring), row by row, plus the §9 events of scoring and selection. */
class TrajectoryScorerExamplesTest {

    private static void assertScore(
            TrajectoryScore score, int index, double vc, double len, double joint, boolean consistent) {
        assertEquals(index, score.candidateIndex(), "candidateIndex");
        assertEquals(vc, score.vcScore(), "vcScore");
        assertEquals(len, score.lenScore(), "lenScore");
        assertEquals(joint, score.jointScore(), "jointScore");
        assertEquals(consistent, score.consistent(), "consistent");
    }

    @Test
    void singleCandidateWithoutVcScoresLengthOnly() {
        List<Candidate> candidates = List.of(candidate(0, null, 100));
        List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(candidates);
        assertEquals(1, scores.size());
        assertScore(scores.get(0), 0, 0.0, -100.0, -100.0, true);
        assertEquals(0, TrajectoryScorer.selectBest(candidates).candidateIndex());
    }

    @Test
    void shorterTraceWinsWithoutVc() {
        List<Candidate> candidates = List.of(candidate(0, null, 500), candidate(1, null, 100));
        List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(candidates);
        assertScore(scores.get(0), 0, 0.0, -500.0, -500.0, true);
        assertScore(scores.get(1), 1, 0.0, -100.0, -100.0, true);
        assertEquals(1, TrajectoryScorer.selectBest(candidates).candidateIndex());
    }

    @Test
    void higherVcWinsAtEqualLength() {
        List<Candidate> candidates = List.of(candidate(0, 90.0, 100), candidate(1, 50.0, 100));
        List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(candidates);
        assertScore(scores.get(0), 0, -0.10536051565782628, -100.0, -110.53605156578263, true);
        assertScore(scores.get(1), 1, -0.6931471805599453, -100.0, -169.31471805599455, true);
        assertEquals(0, TrajectoryScorer.selectBest(candidates).candidateIndex());
    }

    @Test
    void strictMajorityFiltersTheOddOneOut() {
        List<Candidate> candidates =
                List.of(candidate(0, null, 500, "A"), candidate(1, null, 400, "A"), candidate(2, null, 50, "B"));
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(candidates);
            assertTrue(scores.get(0).consistent());
            assertTrue(scores.get(1).consistent());
            assertFalse(scores.get(2).consistent());
            List<CapturingLogProvider.Event> filtered = logs.named("vigil.trajectory.consistency_filtered");
            assertEquals(1, filtered.size());
            assertEquals(Level.INFO, filtered.get(0).level());
            assertEquals(Map.of("filtered", 1, "total", 3), filtered.get(0).fields());
        }
        // The shortest trace (index 2) is inconsistent, so the shorter consistent one wins.
        assertEquals(1, TrajectoryScorer.selectBest(candidates).candidateIndex());
    }

    @Test
    void halfIsNotAMajority() {
        List<Candidate> candidates = List.of(candidate(0, null, 300, "A"), candidate(1, null, 200, "B"));
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(candidates);
            assertTrue(scores.stream().allMatch(TrajectoryScore::consistent));
            assertTrue(logs.named("vigil.trajectory.consistency_filtered").isEmpty());
        }
        assertEquals(1, TrajectoryScorer.selectBest(candidates).candidateIndex());
    }

    @Test
    void vcEightyGivesLnPointEight() {
        List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(List.of(candidate(0, 80.0, 100)));
        assertScore(scores.get(0), 0, -0.2231435513142097, -100.0, -122.31435513142097, true);
    }

    @Test
    void vcOneGivesLnPointZeroOne() {
        List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(List.of(candidate(0, 1.0, 100)));
        assertEquals(-4.605170185988091, scores.get(0).vcScore());
    }

    @Test
    void zeroVcIsFlooredWithAWarning() {
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(List.of(candidate(0, 0.0, 100)));
            assertScore(scores.get(0), 0, -100.0, -100.0, -10100.0, true);
            List<CapturingLogProvider.Event> warnings = logs.events().stream()
                    .filter(e -> e.message().equals("vigil.trajectory.candidate_scored") && e.level() == Level.WARN)
                    .toList();
            assertEquals(1, warnings.size());
            assertEquals(
                    Map.of("candidate_index", 0, "vc", 0.0, "reason", "zero or negative VC, flooring to -100.0"),
                    warnings.get(0).fields());
        }
    }

    @Test
    void zeroTokensGivePositiveZeroLengthAndJointEqualsVc() {
        List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(List.of(candidate(0, 80.0, 0)));
        TrajectoryScore score = scores.get(0);
        assertEquals(0.0, score.lenScore());
        assertEquals(
                Double.doubleToRawLongBits(0.0),
                Double.doubleToRawLongBits(score.lenScore()),
                "len must be +0.0, not -0.0");
        assertEquals(-0.2231435513142097, score.jointScore());
        assertEquals(score.vcScore(), score.jointScore());
    }

    @Test
    void equalJointsKeepTheFirst() {
        Candidate first = candidate(0, null, 100);
        Candidate second = candidate(1, null, 100);
        assertSame(first, TrajectoryScorer.selectBest(List.of(first, second)));
        assertSame(second, TrajectoryScorer.selectBest(List.of(second, first)));
    }

    @Test
    void emptyListIsRejectedByScoringAndSelection() {
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            IllegalArgumentException scoring =
                    assertThrows(IllegalArgumentException.class, () -> TrajectoryScorer.scoreCandidates(List.of()));
            assertEquals("Cannot score empty candidate list", scoring.getMessage());
            List<CapturingLogProvider.Event> start = logs.named("vigil.trajectory.scoring_start");
            assertEquals(1, start.size());
            assertEquals(Level.WARN, start.get(0).level());
            assertEquals(
                    Map.of("k", 0, "error", "Cannot score empty candidate list"),
                    start.get(0).fields());
        }
        IllegalArgumentException selection =
                assertThrows(IllegalArgumentException.class, () -> TrajectoryScorer.selectBest(List.of()));
        assertEquals("Cannot score empty candidate list", selection.getMessage());
    }

    @Test
    void duplicateIndicesAreRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TrajectoryScorer.scoreCandidates(List.of(candidate(0, null, 1), candidate(0, null, 2))));
        assertEquals("candidateIndex values must be unique, got duplicate 0", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> TrajectoryScorer.selectBest(List.of(candidate(3, null, 1), candidate(3, null, 2))));
    }

    @Nested
    class Voting {

        @Test
        void voteUsesOnlyTheLastTurnAndIgnoresCallOrder() {
            Turn early = Turn.builder(1, FinishReason.TOOL_USE)
                    .toolCall(ToolCall.of("search", Map.of("q", "x")))
                    .build();
            Turn lastAb = Turn.builder(2, FinishReason.TOOL_USE)
                    .toolCall(ToolCall.of("A", Map.of("k", 1)))
                    .toolCall(ToolCall.of("B", Map.of()))
                    .build();
            Turn lastBa = Turn.builder(2, FinishReason.TOOL_USE)
                    .toolCall(ToolCall.of("B", Map.of()))
                    .toolCall(ToolCall.of("A", Map.of("k", 1)))
                    .build();
            Run withEarly = Run.builder("r0", "a", "t", TerminationReason.COMPLETED)
                    .turns(List.of(early, lastAb))
                    .build();
            Run withoutEarly = Run.builder("r1", "a", "t", TerminationReason.COMPLETED)
                    .turn(lastBa)
                    .build();
            List<Candidate> candidates = List.of(
                    new Candidate(0, withEarly, null, 10),
                    new Candidate(1, withoutEarly, null, 10),
                    candidate(2, null, 1, "C"));
            List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(candidates);
            assertTrue(scores.get(0).consistent());
            assertTrue(scores.get(1).consistent());
            assertFalse(scores.get(2).consistent());
        }

        @Test
        void argumentsArePartOfTheVote() {
            Run a1 = Run.builder("r0", "a", "t", TerminationReason.COMPLETED)
                    .turn(Turn.builder(1, FinishReason.TOOL_USE)
                            .toolCall(ToolCall.of("A", Map.of("k", 1)))
                            .build())
                    .build();
            Run a2 = Run.builder("r1", "a", "t", TerminationReason.COMPLETED)
                    .turn(Turn.builder(1, FinishReason.TOOL_USE)
                            .toolCall(ToolCall.of("A", Map.of("k", 2)))
                            .build())
                    .build();
            List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(List.of(
                    new Candidate(0, a1, null, 5), new Candidate(1, a1, null, 5), new Candidate(2, a2, null, 1)));
            assertFalse(scores.get(2).consistent());
        }

        @Test
        void runsWithoutTurnsAndTextOnlyLastTurnsVoteTheEmptyList() {
            Run noTurns =
                    Run.builder("r0", "a", "t", TerminationReason.COMPLETED).build();
            List<Candidate> candidates =
                    List.of(new Candidate(0, noTurns, null, 9), candidate(1, null, 8), candidate(2, null, 1, "A"));
            List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(candidates);
            assertTrue(scores.get(0).consistent());
            assertTrue(scores.get(1).consistent());
            assertFalse(scores.get(2).consistent());
            assertEquals(1, TrajectoryScorer.selectBest(candidates).candidateIndex());
        }

        @Test
        void tiedCountsWithoutMajorityLeaveEveryoneConsistent() {
            List<Candidate> candidates = List.of(
                    candidate(0, null, 4, "A"),
                    candidate(1, null, 3, "A"),
                    candidate(2, null, 2, "B"),
                    candidate(3, null, 1, "B"));
            List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(candidates);
            assertTrue(scores.stream().allMatch(TrajectoryScore::consistent));
            assertEquals(3, TrajectoryScorer.selectBest(candidates).candidateIndex());
        }

        @Test
        void scoresKeepInputOrderNotIndexOrder() {
            List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(
                    List.of(candidate(7, null, 1), candidate(2, null, 1), candidate(5, null, 1)));
            assertEquals(
                    List.of(7, 2, 5),
                    scores.stream().map(TrajectoryScore::candidateIndex).toList());
            assertEquals(
                    7,
                    TrajectoryScorer.selectBest(List.of(candidate(7, null, 1), candidate(2, null, 1)))
                            .candidateIndex());
        }
    }

    @Test
    void selectionLogsTheWinner() {
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            TrajectoryScorer.selectBest(List.of(candidate(0, 90.0, 100), candidate(1, 50.0, 100)));
            List<CapturingLogProvider.Event> selected = logs.named("vigil.trajectory.best_selected");
            assertEquals(1, selected.size());
            assertEquals(Level.INFO, selected.get(0).level());
            assertEquals(
                    Map.of("candidate_index", 0, "joint_score", -110.53605156578263, "consistent", true, "k", 2),
                    selected.get(0).fields());
            List<CapturingLogProvider.Event> start = logs.named("vigil.trajectory.scoring_start");
            assertEquals(Level.DEBUG, start.get(0).level());
            assertEquals(Map.of("k", 2), start.get(0).fields());
            List<CapturingLogProvider.Event> scored = logs.named("vigil.trajectory.candidate_scored");
            assertEquals(2, scored.size());
            assertEquals(
                    Map.of(
                            "candidate_index",
                            1,
                            "vc_score",
                            -0.6931471805599453,
                            "len_score",
                            -100.0,
                            "joint_score",
                            -169.31471805599455,
                            "consistent",
                            true),
                    scored.get(1).fields());
        }
    }

    @Test
    void missingVcLogsLengthOnlyDegradation() {
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            TrajectoryScorer.scoreCandidates(List.of(candidate(4, null, 10)));
            CapturingLogProvider.Event first =
                    logs.named("vigil.trajectory.candidate_scored").get(0);
            assertEquals(Level.DEBUG, first.level());
            assertEquals(
                    Map.of(
                            "candidate_index",
                            4,
                            "vc_unavailable",
                            true,
                            "reason",
                            "verbalizedConfidence is null, using Len-only"),
                    first.fields());
        }
    }

    @Test
    void scoreRecordValidatesItsComponents() {
        assertThrows(IllegalArgumentException.class, () -> new TrajectoryScore(-1, 0.0, 0.0, true));
        assertEquals(
                "lenScore must be <= 0.0, got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new TrajectoryScore(0, 0.0, 1.0, true))
                        .getMessage());
        assertEquals(
                "vcScore must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new TrajectoryScore(0, Double.NaN, 0.0, true))
                        .getMessage());
    }
}
