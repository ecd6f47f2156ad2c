package dev.vigil.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.app.eval.TaskOutcomes.CandidateOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Selection success, pass@1, random, shortest and oracle on hand-made tasks with known answers. */
class SelectionScoresTest {

    /*
     * Task A (K=4): outcomes 0 1 0 0, lengths 50 90 10 40, selected 1   -> selected 1, mean 0.25, shortest (2) 0, oracle 1
     * Task B (K=2): outcomes 1 1, lengths 5 5, selected 0               -> 1, mean 1, shortest (first on a tie) 1, oracle 1
     * Task C (K=2): outcomes -1 -1 (AgentProcessBench labels), selected 0 -> 0, 0, 0, 0
     */
    final List<TaskOutcomes> tasks = List.of(
            new TaskOutcomes(
                    "A",
                    List.of(
                            new CandidateOutcome(0, 0, 50),
                            new CandidateOutcome(1, 1, 90),
                            new CandidateOutcome(2, 0, 10),
                            new CandidateOutcome(3, 0, 40)),
                    1),
            new TaskOutcomes("B", List.of(new CandidateOutcome(0, 1, 5), new CandidateOutcome(1, 1, 5)), 0),
            new TaskOutcomes("C", List.of(new CandidateOutcome(4, -1, 5), new CandidateOutcome(7, -1, 3)), 4));

    @Test
    void figuresOnKnownTasks() {
        SelectionScores s = SelectionScores.of(tasks);
        assertEquals(3, s.tasks());
        assertEquals(8, s.candidates());
        assertEquals(2 / 3.0, s.selected(), 1e-12);
        assertEquals(3 / 8.0, s.passAt1(), 1e-12, "1 + 2 successes over 8 candidates");
        assertEquals((0.25 + 1 + 0) / 3, s.random(), 1e-12, "per-task means, averaged");
        assertEquals(1 / 3.0, s.shortest(), 1e-12);
        assertEquals(2 / 3.0, s.oracle(), 1e-12);
    }

    @Test
    void outcomesAreClampedToSuccessInZeroOne() {
        assertEquals(0.0, new CandidateOutcome(0, -1, 0).success());
        assertEquals(1.0, new CandidateOutcome(0, 1, 0).success());
        assertEquals(1.0, new CandidateOutcome(0, 3, 0).success());
        assertEquals(0.5, new CandidateOutcome(0, 0.5, 0).success());
    }

    @Test
    void theSelectedIndexMustBeACandidate() {
        assertThrows(
                IllegalArgumentException.class, () -> new TaskOutcomes("A", List.of(new CandidateOutcome(0, 1, 1)), 5));
        assertThrows(IllegalArgumentException.class, () -> new TaskOutcomes("A", List.of(), 0));
    }

    @Test
    void noTasksGiveUndefinedFigures() {
        SelectionScores s = SelectionScores.of(List.of());
        assertTrue(Double.isNaN(s.selected()) && Double.isNaN(s.passAt1()) && Double.isNaN(s.oracle()));
    }

    @Test
    void oracleBoundsEveryOtherFigure() {
        SelectionScores s = SelectionScores.of(tasks);
        for (double figure : new double[] {s.selected(), s.random(), s.shortest()}) {
            assertTrue(figure <= s.oracle() + 1e-12);
        }
    }
}
