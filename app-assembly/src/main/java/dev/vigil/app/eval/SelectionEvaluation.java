package dev.vigil.app.eval;

import dev.vigil.app.ingest.CandidateInfo;
import dev.vigil.app.ingest.InputProblem;
import dev.vigil.spi.model.Candidate;
import dev.vigil.trajectory.SelectionConfig;
import dev.vigil.trajectory.TaskSelection;
import dev.vigil.trajectory.TraceLength;
import dev.vigil.trajectory.TrajectoryScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code vigil eval select}: for every task with at least two recorded candidates whose outcomes are all known, the
 * configured best-of-K selection's pick next to pass@1, random choice, the shortest candidate and the oracle
 * ({@link SelectionScores}). Candidates are built as {@code vigil analyze} builds them; a candidate's length for the
 * shortest-candidate baseline is its token count, or the {@link TraceLength} estimate when any candidate of the task
 * has none.
 *
 * @param selection the selection config used
 * @param scores the figures
 * @param tasks every scored task, in order of first appearance
 * @param skippedTasks tasks left out, with the reason
 * @param problems input problems
 */
public record SelectionEvaluation(
        SelectionConfig selection,
        SelectionScores scores,
        List<TaskOutcomes> tasks,
        List<String> skippedTasks,
        List<InputProblem> problems) {

    /** Copies the lists. */
    public SelectionEvaluation {
        tasks = List.copyOf(tasks);
        skippedTasks = List.copyOf(skippedTasks);
        problems = List.copyOf(problems);
    }

    /**
     * Evaluates the candidates of {@code files} under {@code config}.
     *
     * @param formatName a format for every file, or null to detect
     * @throws IllegalArgumentException when an input does not exist or the format is unknown
     */
    public static SelectionEvaluation run(
            SelectionConfig config, EvalInputs inputs, List<Path> files, String formatName) throws IOException {
        Map<String, List<Candidate>> byTask = new LinkedHashMap<>();
        Map<String, Map<Integer, Double>> outcomes = new LinkedHashMap<>();
        List<InputProblem> problems = inputs.read(files, formatName, record -> {
            CandidateInfo info = record.candidate();
            if (info == null) {
                return;
            }
            String task = record.run().taskId();
            Candidate candidate = info.traceTokens() == null
                    ? Candidate.of(info.index(), record.run(), info.verbalizedConfidence())
                    : new Candidate(info.index(), record.run(), info.verbalizedConfidence(), info.traceTokens());
            byTask.computeIfAbsent(task, t -> new ArrayList<>()).add(candidate);
            outcomes.computeIfAbsent(task, t -> new LinkedHashMap<>()).put(info.index(), info.outcome());
        });
        return of(config, byTask, outcomes, problems);
    }

    /**
     * Evaluates already grouped candidates.
     *
     * @param byTask candidates per task, in order
     * @param outcomes per task, each candidate index's outcome (null: unknown)
     */
    public static SelectionEvaluation of(
            SelectionConfig config,
            Map<String, List<Candidate>> byTask,
            Map<String, Map<Integer, Double>> outcomes,
            List<InputProblem> problems) {
        List<TaskOutcomes> tasks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> entry : byTask.entrySet()) {
            String task = entry.getKey();
            List<Candidate> candidates = entry.getValue();
            Map<Integer, Double> known = outcomes.getOrDefault(task, Map.of());
            String reason = skipReason(candidates, known);
            if (reason != null) {
                skipped.add(task + ": " + reason);
                continue;
            }
            TaskSelection selection;
            try {
                selection = TrajectoryScorer.selectPerTask(candidates, config).get(0);
            } catch (IllegalArgumentException e) {
                skipped.add(task + ": " + e.getMessage());
                continue;
            }
            boolean estimate = candidates.stream().anyMatch(c -> !TraceLength.hasTokenCount(c));
            List<TaskOutcomes.CandidateOutcome> rows = new ArrayList<>();
            for (Candidate candidate : candidates) {
                long tokens = estimate
                        ? TraceLength.estimateTokens(candidate, config.charsPerToken())
                        : candidate.traceTokens();
                rows.add(new TaskOutcomes.CandidateOutcome(
                        candidate.candidateIndex(), known.get(candidate.candidateIndex()), tokens));
            }
            tasks.add(new TaskOutcomes(task, rows, selection.selected().candidateIndex()));
        }
        return new SelectionEvaluation(config, SelectionScores.of(tasks), tasks, skipped, problems);
    }

    private static String skipReason(List<Candidate> candidates, Map<Integer, Double> known) {
        if (candidates.size() < 2) {
            return "only one candidate";
        }
        Set<Integer> seen = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (!seen.add(candidate.candidateIndex())) {
                return "candidate index " + candidate.candidateIndex() + " appears twice";
            }
            Double outcome = known.get(candidate.candidateIndex());
            if (outcome == null || !Double.isFinite(outcome)) {
                return "candidate " + candidate.candidateIndex() + " has no known outcome";
            }
        }
        return null;
    }
}
