package dev.vigil.app.eval;

import java.util.List;

/**
 * Best-of-K selection figures over tasks with known outcomes (issue 12), each a mean success in [0, 1]:
 *
 * <ul>
 *   <li><b>selected</b>: the configured selection's pick, averaged over tasks;
 *   <li><b>pass@1</b>: the mean outcome over every candidate of every task (one sample, no selection);
 *   <li><b>random</b>: the expected success of a uniformly random pick per task, averaged over tasks (equal to pass@1
 *       when every task has the same K);
 *   <li><b>shortest</b>: the pick with the fewest trace tokens;
 *   <li><b>oracle</b>: the share of tasks where any candidate succeeded.
 * </ul>
 *
 * @param tasks tasks scored
 * @param candidates candidates over those tasks
 * @param selected mean success of the selection
 * @param passAt1 mean success over all candidates
 * @param random mean over tasks of the task's mean success
 * @param shortest mean success of the shortest candidate
 * @param oracle mean over tasks of the best candidate's success
 */
public record SelectionScores(
        int tasks, int candidates, double selected, double passAt1, double random, double shortest, double oracle) {

    /** The figures over {@code tasks}; all NaN when there is none. */
    public static SelectionScores of(List<TaskOutcomes> tasks) {
        int candidates = 0;
        double all = 0;
        double selected = 0;
        double random = 0;
        double shortest = 0;
        double oracle = 0;
        for (TaskOutcomes task : tasks) {
            for (TaskOutcomes.CandidateOutcome candidate : task.candidates()) {
                all += candidate.success();
                candidates++;
            }
            selected += task.selectedSuccess();
            random += task.meanSuccess();
            shortest += task.shortestSuccess();
            oracle += task.oracleSuccess();
        }
        int n = tasks.size();
        return new SelectionScores(
                n,
                candidates,
                mean(selected, n),
                mean(all, candidates),
                mean(random, n),
                mean(shortest, n),
                mean(oracle, n));
    }

    private static double mean(double sum, int count) {
        return count == 0 ? Double.NaN : sum / count;
    }
}
