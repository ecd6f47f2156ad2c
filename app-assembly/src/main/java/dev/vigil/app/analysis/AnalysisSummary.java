package dev.vigil.app.analysis;

import dev.vigil.app.ingest.InputProblem;
import dev.vigil.spi.model.EscalationSeverity;
import java.util.List;

/**
 * The totals of one analysis.
 *
 * @param files input files read
 * @param runs single-agent runs analysed
 * @param steps steps classified
 * @param teamRuns team runs measured
 * @param bestOfKGroups tasks with recorded candidates
 * @param ticketsRaised tickets the judge raised
 * @param ticketsEscalated tickets triage escalated
 * @param highestEscalated the highest escalated severity, or null
 * @param inputProblems rejected input records
 * @param undelivered notifications still pending when the dispatcher shut down
 */
public record AnalysisSummary(
        int files,
        int runs,
        long steps,
        int teamRuns,
        int bestOfKGroups,
        int ticketsRaised,
        int ticketsEscalated,
        EscalationSeverity highestEscalated,
        List<InputProblem> inputProblems,
        int undelivered) {

    public AnalysisSummary {
        inputProblems = List.copyOf(inputProblems);
    }
}
