package dev.vigil.app.report;

import dev.vigil.app.analysis.AnalysisListener;
import dev.vigil.app.analysis.AnalysisSummary;
import dev.vigil.app.analysis.BestOfKResult;
import dev.vigil.app.analysis.RunResult;
import dev.vigil.app.analysis.TeamResult;
import dev.vigil.app.ingest.InputProblem;
import dev.vigil.spi.model.StepQuality;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal summary: one block per run with a step timeline ({@code +} correct, {@code .} neutral, {@code x}
 * incorrect, {@code ?} no answer), its tickets and their triage, then best-of-K choices, team metrics, input errors.
 */
public final class TextReport implements AnalysisListener {

    private static final int MAX_LISTED_PROBLEMS = 20;

    private final PrintWriter out;

    public TextReport(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void run(RunResult run) {
        printRun(run, "", "RUN");
        out.flush();
    }

    private void printRun(RunResult run, String indent, String label) {
        out.printf(
                Locale.ROOT,
                indent + label + " %s  agent %s  task %s  %s  %d turns  %,d tokens  %.1f s%n",
                run.runId(),
                run.agentId(),
                run.taskId(),
                run.terminationReason().wireName(),
                run.turns(),
                run.totalTokens(),
                run.durationSeconds());
        StringBuilder timeline = new StringBuilder();
        for (RunResult.StepResult step : run.steps()) {
            timeline.append(symbol(step.quality()));
        }
        out.printf(Locale.ROOT, indent + "  steps     %s%n", timeline);
        if (run.accuracyEffort() != null) {
            RunResult.AccuracyEffort ae = run.accuracyEffort();
            out.printf(
                    Locale.ROOT,
                    indent
                            + "  quality   %d correct, %d neutral, %d incorrect; accuracy %.2f, effort %.2f, ratio %.2f%s%n",
                    ae.correct(),
                    ae.neutral(),
                    ae.incorrect(),
                    ae.accuracy(),
                    ae.effort(),
                    ae.ratio(),
                    run.weakModelTrap() ? "  WARNING weak-model trap: high accuracy in very few steps" : "");
        }
        if (run.promptOverhead()) {
            out.printf(
                    Locale.ROOT,
                    indent + "  overhead  system prompt is %.0f%% of all tokens%n",
                    run.promptTokenRatio() * 100);
        }
        for (RunResult.TicketResult ticket : run.tickets()) {
            out.printf(
                    Locale.ROOT,
                    indent + "  ticket    %s %s %s: %s -> %s by %s (%s)%s%n",
                    ticket.severity().name(),
                    ticket.cause().wireName(),
                    ticket.afterStep() >= 0 ? "after step " + ticket.afterStep() : "at run end",
                    ticket.evidence(),
                    ticket.escalated() ? "ESCALATED" : "dismissed",
                    ticket.decidedBy(),
                    ticket.triageReason(),
                    ticket.escalated() ? ", delivered to " + ticket.deliveredTo() + " sink(s)" : "");
        }
        if (!run.efficiency().isEmpty()) {
            out.printf(Locale.ROOT, indent + "  efficiency %s%n", formatMap(run.efficiency()));
        }
    }

    @Override
    public void bestOfK(BestOfKResult group) {
        out.printf(
                Locale.ROOT,
                "BEST-OF-K %s  %d candidates  selected %s  (%s)%n",
                group.taskId(),
                group.candidates().size(),
                group.selectedIndex() == null ? "none" : "#" + group.selectedIndex() + " " + group.selectedRunId(),
                group.note());
        for (BestOfKResult.CandidateScore c : group.candidates()) {
            out.printf(
                    Locale.ROOT,
                    "  #%d %-28s %-12s score %10.3f  vc %s  tokens %d%s%n",
                    c.index(),
                    c.runId(),
                    c.consistent() ? "consistent" : "outlier",
                    c.jointScore(),
                    c.verbalizedConfidence() == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.0f", c.verbalizedConfidence()),
                    c.traceTokens(),
                    c.outcome() == null ? "" : String.format(Locale.ROOT, "  outcome %.2f", c.outcome()));
        }
        out.flush();
    }

    @Override
    public void team(TeamResult team) {
        out.printf(
                Locale.ROOT,
                "TEAM %s  task %s  %d agents  %s messages%n",
                team.teamRunId(),
                team.taskId(),
                team.agents(),
                team.messages() == null ? "unrecorded" : team.messages().toString());
        out.printf(Locale.ROOT, "  metrics   %s%n", formatMap(team.metrics()));
        team.alerts().forEach(alert -> out.printf(Locale.ROOT, "  alert     %s%n", alert));
        team.skipped().forEach(skipped -> out.printf(Locale.ROOT, "  skipped   %s%n", skipped));
        team.members().forEach(member -> printRun(member, "  ", "MEMBER"));
        out.flush();
    }

    @Override
    public void finish(AnalysisSummary summary) {
        if (!summary.inputProblems().isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "INPUT ERRORS  %d record(s) rejected%n",
                    summary.inputProblems().size());
            summary.inputProblems().stream()
                    .limit(MAX_LISTED_PROBLEMS)
                    .map(InputProblem::toString)
                    .forEach(problem -> out.printf(Locale.ROOT, "  %s%n", problem));
            if (summary.inputProblems().size() > MAX_LISTED_PROBLEMS) {
                out.printf(
                        Locale.ROOT,
                        "  ... and %d more (see --report json)%n",
                        summary.inputProblems().size() - MAX_LISTED_PROBLEMS);
            }
        }
        out.printf(
                Locale.ROOT,
                "SUMMARY  %d file(s), %d run(s), %d step(s), %d team run(s), %d best-of-K group(s); "
                        + "tickets %d raised, %d escalated, highest %s; %d input error(s)%s%n",
                summary.files(),
                summary.runs(),
                summary.steps(),
                summary.teamRuns(),
                summary.bestOfKGroups(),
                summary.ticketsRaised(),
                summary.ticketsEscalated(),
                summary.highestEscalated() == null
                        ? "none"
                        : summary.highestEscalated().name(),
                summary.inputProblems().size(),
                summary.undelivered() > 0 ? "; " + summary.undelivered() + " notification(s) undelivered" : "");
        out.flush();
    }

    private static char symbol(StepQuality quality) {
        if (quality == null) {
            return '?';
        }
        return switch (quality) {
            case CORRECT -> '+';
            case NEUTRAL -> '.';
            case INCORRECT -> 'x';
        };
    }

    private static String formatMap(Map<String, ?> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(key).append(' ');
            text.append(value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value));
        });
        return text.length() == 0 ? "none" : text.toString();
    }
}
