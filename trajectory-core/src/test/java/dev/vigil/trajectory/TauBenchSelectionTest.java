package dev.vigil.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.spi.model.Candidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real data: best-of-4 selection on 12 τ-bench airline tasks (gpt-4o, 4 trials each). Prints per task what the
 * selection picks, and its success rate next to pass@1 (mean reward) and the oracle (any trial succeeds). Asserts
 * only what holds whatever the tuning: the rate lies between the all-trials-succeed floor and the oracle, and so on.
 */
class TauBenchSelectionTest {

    private static final Path TRACE =
            Path.of("..", "..", "shared", "traces", "taubench-gpt4o-airline-12tasks-x4trials.json");

    private static List<TauBenchReader.Trial> trials;
    private static Map<String, List<TauBenchReader.Trial>> byTask;

    @BeforeAll
    static void read() throws IOException {
        assumeTrue(Files.isReadable(TRACE), "trace not found at " + TRACE.toAbsolutePath());
        trials = TauBenchReader.read(TRACE);
        byTask = trials.stream()
                .collect(Collectors.groupingBy(TauBenchReader.Trial::taskId, LinkedHashMap::new, Collectors.toList()));
    }

    @Test
    void readerSeesTwelveTasksOfFourTrials() {
        assertEquals(48, trials.size());
        assertEquals(12, byTask.size());
        byTask.values()
                .forEach(list -> assertEquals(
                        List.of(0, 1, 2, 3),
                        list.stream().map(TauBenchReader.Trial::trial).toList()));
        trials.forEach(t -> assertTrue(!t.run().turns().isEmpty(), "every trial has assistant turns"));
    }

    @Test
    void faithfulSelectionWithoutTokenCounts() {
        // The source has no token counts and no VC: every joint score is 0.0, so the selection is the first
        // consistent trial (D13). That is certain and asserted.
        List<TaskSelection> selections = select(t -> Candidate.of(t.trial(), t.run(), null));
        for (TaskSelection selection : selections) {
            int firstConsistent = selection.scores().stream()
                    .filter(TrajectoryScore::consistent)
                    .findFirst()
                    .orElseThrow()
                    .candidateIndex();
            assertEquals(firstConsistent, selection.selected().candidateIndex(), selection.taskId());
        }
        report("no token counts (joint 0.0 for all; first consistent wins)", selections);
    }

    @Test
    void selectionWithEstimatedTraceLength() {
        List<TaskSelection> selections =
                select(t -> new Candidate(t.trial(), t.run(), null, t.estimatedOutputTokens()));
        report("trace tokens estimated as assistant characters / 4", selections);
    }

    @Test
    void theVoteOnTaskOneFiltersTheTrialThatTransferredToAHuman() {
        // Trials 0, 1 and 3 of task 1 end with a text answer (empty vote), trial 2 with transfer_to_human_agents.
        TaskSelection task1 =
                select(t -> Candidate.of(t.trial(), t.run(), null)).get(0);
        assertEquals("1", task1.taskId());
        assertEquals(
                List.of(true, true, false, true),
                task1.scores().stream().map(TrajectoryScore::consistent).toList());
    }

    private static List<TaskSelection> select(Function<TauBenchReader.Trial, Candidate> toCandidate) {
        List<Candidate> candidates = new ArrayList<>();
        for (TauBenchReader.Trial trial : trials) {
            candidates.add(toCandidate.apply(trial));
        }
        List<TaskSelection> selections = TrajectoryScorer.selectPerTask(candidates);
        assertEquals(
                new ArrayList<>(byTask.keySet()),
                selections.stream().map(TaskSelection::taskId).toList());
        return selections;
    }

    /** Prints the per-task table and the three rates, and asserts the bounds that hold for any selection. */
    private static void report(String variant, List<TaskSelection> selections) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nτ-bench airline, gpt-4o, best-of-4 — %s%n", variant));
        out.append(String.format(
                Locale.ROOT,
                "%-5s %-10s %-18s %-34s %-8s %s%n",
                "task",
                "rewards",
                "consistent",
                "len scores",
                "picked",
                "reward"));
        double selectedSum = 0.0;
        double rewardSum = 0.0;
        int oracle = 0;
        int floor = 0;
        for (TaskSelection selection : selections) {
            List<TauBenchReader.Trial> task = byTask.get(selection.taskId());
            List<Double> rewards =
                    task.stream().map(TauBenchReader.Trial::reward).toList();
            double picked = task.get(selection.selected().candidateIndex()).reward();
            selectedSum += picked;
            rewardSum += rewards.stream().mapToDouble(Double::doubleValue).sum();
            double best =
                    rewards.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double worst =
                    rewards.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            oracle += best >= 1.0 ? 1 : 0;
            floor += worst >= 1.0 ? 1 : 0;
            // Certain: a task whose trials all have the same reward gives that reward whatever is picked.
            if (best == worst) {
                assertEquals(best, picked, selection.taskId());
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%-5s %-10s %-18s %-34s %-8d %.0f%n",
                    selection.taskId(),
                    rewards.stream()
                            .map(r -> String.format(Locale.ROOT, "%.0f", r))
                            .collect(Collectors.joining("")),
                    selection.scores().stream()
                            .map(s -> s.consistent() ? "T" : "F")
                            .collect(Collectors.joining(",")),
                    selection.scores().stream()
                            .map(s -> String.format(Locale.ROOT, "%.0f", s.lenScore()))
                            .collect(Collectors.joining(",")),
                    selection.selected().candidateIndex(),
                    picked));
        }
        int tasks = selections.size();
        double successRate = selectedSum / tasks;
        double passAt1 = rewardSum / trials.size();
        double oracleRate = oracle / (double) tasks;
        double floorRate = floor / (double) tasks;
        out.append(String.format(
                Locale.ROOT,
                "selection success %.3f | pass@1 (mean reward) %.3f | oracle (any trial) %.3f | all trials %.3f%n",
                successRate,
                passAt1,
                oracleRate,
                floorRate));
        System.out.print(out);

        assertTrue(floorRate <= successRate && successRate <= oracleRate, out.toString());
        assertTrue(floorRate <= passAt1 && passAt1 <= oracleRate, out.toString());
    }
}
