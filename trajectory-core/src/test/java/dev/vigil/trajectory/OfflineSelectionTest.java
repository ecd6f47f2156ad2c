package dev.vigil.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Candidate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offline selection grouped by task (trajectory.md §6), and hostile VC values. */
class OfflineSelectionTest {

    private static Candidate of(String task, int index, long tokens, String... tools) {
        return new Candidate(index, Fixtures.run(task, tools), null, tokens);
    }

    @Test
    void groupsByTaskInOrderOfFirstAppearance() {
        Candidate b0 = of("b", 0, 50);
        Candidate a0 = of("a", 0, 90);
        Candidate b1 = of("b", 1, 10);
        Candidate a1 = of("a", 1, 20, "X");
        Candidate a2 = of("a", 2, 30);
        List<TaskSelection> selections = TrajectoryScorer.selectPerTask(List.of(b0, a0, b1, a1, a2));
        assertEquals(
                List.of("b", "a"),
                selections.stream().map(TaskSelection::taskId).toList());

        TaskSelection b = selections.get(0);
        assertSame(b1, b.selected());
        assertEquals(
                List.of(0, 1),
                b.scores().stream().map(TrajectoryScore::candidateIndex).toList());

        TaskSelection a = selections.get(1);
        // a1 is shortest but votes [X] against the majority [] of a0 and a2.
        assertEquals(
                List.of(true, false, true),
                a.scores().stream().map(TrajectoryScore::consistent).toList());
        assertSame(a2, a.selected());
        assertEquals(-30.0, a.selectedScore().jointScore());
        assertEquals(TrajectoryScorer.selectBest(List.of(a0, a1, a2)), a.selected());
    }

    @Test
    void indicesNeedToBeUniqueOnlyWithinATask() {
        List<TaskSelection> selections = TrajectoryScorer.selectPerTask(List.of(of("a", 0, 1), of("b", 0, 1)));
        assertEquals(2, selections.size());
        assertEquals(
                "candidateIndex values must be unique, got duplicate 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TrajectoryScorer.selectPerTask(List.of(of("a", 0, 1), of("a", 0, 2))))
                        .getMessage());
    }

    @Test
    void emptyInputHasNoTasksAndNullsAreRejected() {
        assertTrue(TrajectoryScorer.selectPerTask(List.of()).isEmpty());
        List<Candidate> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals(
                "candidates must not contain null",
                assertThrows(IllegalArgumentException.class, () -> TrajectoryScorer.selectPerTask(withNull))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrajectoryScorer.selectPerTask(null));
        assertThrows(IllegalArgumentException.class, () -> TrajectoryScorer.selectBest(withNull));
    }

    @Test
    void subnormalVcStaysFinite() {
        // Double.MIN_VALUE / 100 underflows to 0; the score must still be a finite, very low number.
        TrajectoryScore score = TrajectoryScorer.scoreCandidates(
                        List.of(new Candidate(0, Fixtures.run("t"), Double.MIN_VALUE, 10)))
                .get(0);
        assertEquals(Math.log(Double.MIN_VALUE) - Math.log(100.0), score.vcScore());
        assertTrue(score.vcScore() > -800.0 && score.vcScore() < -700.0);
        TrajectoryScore full = TrajectoryScorer.scoreCandidates(List.of(new Candidate(0, Fixtures.run("t"), 100.0, 10)))
                .get(0);
        assertEquals(0.0, full.vcScore());
        assertEquals(-10.0, full.jointScore());
    }

    @Test
    void hugeTraceStaysFinite() {
        TrajectoryScore score = TrajectoryScorer.scoreCandidates(
                        List.of(new Candidate(0, Fixtures.run("t"), 0.0, Long.MAX_VALUE)))
                .get(0);
        assertEquals((double) -Long.MAX_VALUE, score.lenScore());
        assertTrue(Double.isFinite(score.jointScore()));
    }

    @Test
    void taskSelectionValidates() {
        Candidate c = of("a", 3, 1);
        TrajectoryScore s = new TrajectoryScore(3, 0.0, -1.0, true);
        assertThrows(IllegalArgumentException.class, () -> new TaskSelection(" ", c, List.of(s)));
        assertThrows(IllegalArgumentException.class, () -> new TaskSelection("a", c, List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TaskSelection("a", c, List.of(new TrajectoryScore(4, 0.0, -1.0, true))));
        assertEquals(s, new TaskSelection("a", c, List.of(s)).selectedScore());
    }
}
