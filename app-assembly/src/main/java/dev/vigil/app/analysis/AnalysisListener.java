package dev.vigil.app.analysis;

/**
 * Receives results as the analysis produces them, in input order, so reports stream instead of holding every run.
 */
public interface AnalysisListener {

    /** A single-agent run was analysed. */
    void run(RunResult run);

    /** A task's recorded candidates were scored. */
    void bestOfK(BestOfKResult group);

    /** A team run was measured. */
    void team(TeamResult team);

    /** The analysis finished. */
    void finish(AnalysisSummary summary);
}
