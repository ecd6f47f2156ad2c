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
 * A single self-contained HTML page (inline CSS and SVG, nothing fetched): a run table with each run's step timeline
 * coloured by quality and its tickets with evidence, then best-of-K choices, team metrics and input errors. Written
 * as a stream, section by section, as well-formed XHTML so that tools can parse it.
 */
public final class HtmlReport implements AnalysisListener {

    private static final int CELL = 14;
    private static final String STYLE =
            """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;color:#1d232a;background:#fbfbfc}
            h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
            table{border-collapse:collapse;width:100%;background:#fff}
            th,td{border-bottom:1px solid #e3e6ea;padding:.45rem .6rem;text-align:left;vertical-align:top}
            th{background:#f1f3f5;font-weight:600}
            .muted{color:#68717c}.sev{font-weight:700;padding:0 .3rem;border-radius:3px}
            .sev-low{background:#e7f1ff}.sev-medium{background:#fff3cd}.sev-high{background:#ffd8b5}.sev-critical{background:#f8b4b4}
            .escalated{font-weight:600}.dismissed{color:#68717c}
            .legend span{display:inline-block;width:10px;height:10px;margin:0 .2rem 0 .8rem}
            ul{margin:.2rem 0;padding-left:1.1rem}code{font-size:.9em}
            """;

    private static final String RUN_TABLE_HEAD = "<thead><tr><th>run</th><th>agent / task</th><th>end</th>"
            + "<th>steps</th><th>quality</th><th>tickets</th></tr></thead>";

    private final PrintWriter out;
    private boolean runsOpen;
    private boolean bestOfKOpen;
    private boolean teamsOpen;

    public HtmlReport(PrintWriter out, String vigilVersion) {
        this.out = out;
        out.println("<!DOCTYPE html>");
        out.println("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
        out.println("<title>Vigil report</title><style>" + STYLE + "</style></head><body>");
        out.println("<h1>Vigil report</h1><p class=\"muted\">vigil " + escape(vigilVersion) + "</p>");
        out.println("<p class=\"legend\">Steps:<span style=\"background:#2f9e44\"></span>correct"
                + "<span style=\"background:#adb5bd\"></span>neutral<span style=\"background:#e03131\"></span>incorrect"
                + "<span style=\"background:#fff;border:1px dashed #868e96\"></span>no answer</p>");
    }

    @Override
    public void run(RunResult run) {
        if (!runsOpen) {
            out.println("<h2>Runs</h2><table>" + RUN_TABLE_HEAD + "<tbody>");
            runsOpen = true;
        }
        runRow(run);
        out.flush();
    }

    /** One run as a table row: identity, outcome, step timeline, quality, tickets with their triage. */
    private void runRow(RunResult run) {
        out.print("<tr id=\"run-" + escape(run.runId()) + "\"><td><code>" + escape(run.runId())
                + "</code><div class=\"muted\">" + escape(run.origin()) + "</div></td>");
        out.print("<td>" + escape(run.agentId()) + "<div class=\"muted\">" + escape(run.taskId()) + "</div></td>");
        out.printf(
                Locale.ROOT,
                "<td>%s<div class=\"muted\">%d turns, %,d tokens, %.1f s</div></td>",
                escape(run.terminationReason().wireName()),
                run.turns(),
                run.totalTokens(),
                run.durationSeconds());
        out.print("<td>" + timeline(run) + "</td>");
        out.print("<td>");
        if (run.accuracyEffort() != null) {
            RunResult.AccuracyEffort ae = run.accuracyEffort();
            out.printf(
                    Locale.ROOT,
                    "accuracy %.2f<div class=\"muted\">effort %.2f, ratio %.2f</div>",
                    ae.accuracy(),
                    ae.effort(),
                    ae.ratio());
        }
        if (run.weakModelTrap()) {
            out.print("<div class=\"sev sev-medium\">weak-model trap</div>");
        }
        out.print("</td><td>");
        if (run.tickets().isEmpty()) {
            out.print("<span class=\"muted\">none</span>");
        } else {
            out.print("<ul>");
            for (RunResult.TicketResult ticket : run.tickets()) {
                out.print("<li class=\"" + (ticket.escalated() ? "escalated" : "dismissed")
                        + "\"><span class=\"sev sev-"
                        + ticket.severity().wireName() + "\">"
                        + ticket.severity().name() + "</span> "
                        + escape(ticket.cause().wireName()) + " "
                        + (ticket.afterStep() >= 0 ? "after step " + ticket.afterStep() : "at run end") + ": "
                        + escape(ticket.evidence()) + "<div class=\"muted\">"
                        + (ticket.escalated() ? "escalated" : "dismissed") + " by " + escape(ticket.decidedBy()) + " ("
                        + escape(ticket.triageReason()) + ")"
                        + (ticket.escalated() ? ", delivered to " + ticket.deliveredTo() + " sink(s)" : "")
                        + "</div></li>");
            }
            out.print("</ul>");
        }
        out.println("</td></tr>");
    }

    @Override
    public void bestOfK(BestOfKResult group) {
        closeRuns();
        if (!bestOfKOpen) {
            out.println("<h2>Best-of-K selection</h2>");
            bestOfKOpen = true;
        }
        out.println("<h3>" + escape(group.taskId()) + "</h3><p>selected: "
                + (group.selectedIndex() == null
                        ? "none"
                        : "#" + group.selectedIndex() + " <code>" + escape(group.selectedRunId()) + "</code>")
                + " <span class=\"muted\">(" + escape(group.note()) + ")</span></p>");
        out.println("<table><thead><tr><th>#</th><th>run</th><th>vote</th><th>joint score</th><th>confidence</th>"
                + "<th>trace tokens</th><th>outcome</th></tr></thead><tbody>");
        for (BestOfKResult.CandidateScore c : group.candidates()) {
            boolean selected = group.selectedIndex() != null && group.selectedIndex() == c.index();
            out.printf(
                    Locale.ROOT,
                    "<tr%s><td>%d</td><td><code>%s</code></td><td>%s</td><td>%.3f</td><td>%s</td><td>%d</td><td>%s</td></tr>%n",
                    selected ? " class=\"escalated\"" : "",
                    c.index(),
                    escape(c.runId()),
                    c.consistent() ? "consistent" : "outlier",
                    c.jointScore(),
                    c.verbalizedConfidence() == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.0f", c.verbalizedConfidence()),
                    c.traceTokens(),
                    c.outcome() == null ? "-" : String.format(Locale.ROOT, "%.2f", c.outcome()));
        }
        out.println("</tbody></table>");
        out.flush();
    }

    @Override
    public void team(TeamResult team) {
        closeRuns();
        if (!teamsOpen) {
            out.println("<h2>Team runs</h2>");
            teamsOpen = true;
        }
        out.println("<h3>" + escape(team.teamRunId()) + " <span class=\"muted\">task " + escape(team.taskId()) + ", "
                + team.agents() + " agents, "
                + (team.messages() == null ? "messages unrecorded" : team.messages() + " messages")
                + "</span></h3>");
        out.println("<table><thead><tr><th>metric</th><th>value</th></tr></thead><tbody>");
        for (Map.Entry<String, Object> metric : team.metrics().entrySet()) {
            Object value = metric.getValue();
            String text = value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value);
            out.println("<tr><td>" + escape(metric.getKey()) + "</td><td>" + escape(text) + "</td></tr>");
        }
        out.println("</tbody></table>");
        for (String alert : team.alerts()) {
            out.println("<p class=\"sev sev-high\">" + escape(alert) + "</p>");
        }
        for (String skipped : team.skipped()) {
            out.println("<p class=\"muted\">skipped: " + escape(skipped) + "</p>");
        }
        if (!team.members().isEmpty()) {
            out.println("<table>" + RUN_TABLE_HEAD + "<tbody>");
            team.members().forEach(this::runRow);
            out.println("</tbody></table>");
        }
        out.flush();
    }

    @Override
    public void finish(AnalysisSummary summary) {
        closeRuns();
        out.println("<h2>Summary</h2><table><tbody>");
        row("files", summary.files());
        row("runs", summary.runs());
        row("steps", summary.steps());
        row("team runs", summary.teamRuns());
        row("best-of-K groups", summary.bestOfKGroups());
        row("tickets raised", summary.ticketsRaised());
        row("tickets escalated", summary.ticketsEscalated());
        row(
                "highest escalated",
                summary.highestEscalated() == null
                        ? "none"
                        : summary.highestEscalated().name());
        row("input errors", summary.inputProblems().size());
        row("undelivered notifications", summary.undelivered());
        out.println("</tbody></table>");
        if (!summary.inputProblems().isEmpty()) {
            out.println("<h2>Input errors</h2><ul>");
            for (InputProblem problem : summary.inputProblems()) {
                out.println("<li><code>" + escape(problem.toString()) + "</code></li>");
            }
            out.println("</ul>");
        }
        out.println("</body></html>");
        out.flush();
    }

    private void row(String name, Object value) {
        out.println("<tr><th>" + escape(name) + "</th><td>" + escape(String.valueOf(value)) + "</td></tr>");
    }

    private void closeRuns() {
        if (runsOpen) {
            out.println("</tbody></table>");
            runsOpen = false;
        }
    }

    private static String timeline(RunResult run) {
        int width = Math.max(1, run.steps().size()) * CELL;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(CELL)
                .append("\" role=\"img\" aria-label=\"step timeline\">");
        for (RunResult.StepResult step : run.steps()) {
            int x = step.index() * CELL;
            svg.append("<rect x=\"")
                    .append(x + 1)
                    .append("\" y=\"1\" width=\"")
                    .append(CELL - 2)
                    .append("\" height=\"")
                    .append(CELL - 2)
                    .append("\" ")
                    .append(fill(step.quality()))
                    .append("><title>step ")
                    .append(step.index())
                    .append(" (turns ")
                    .append(escape(step.turnRange()))
                    .append("): ")
                    .append(
                            step.quality() == null
                                    ? "no answer"
                                    : step.quality().wireName())
                    .append(" - ")
                    .append(escape(step.reason()))
                    .append(
                            step.stagnation() == null
                                    ? ""
                                    : "; stagnation " + step.stagnation().wireName())
                    .append("</title></rect>");
        }
        return svg.append("</svg>").toString();
    }

    private static String fill(StepQuality quality) {
        if (quality == null) {
            return "fill=\"#fff\" stroke=\"#868e96\" stroke-dasharray=\"2\"";
        }
        return switch (quality) {
            case CORRECT -> "fill=\"#2f9e44\"";
            case NEUTRAL -> "fill=\"#adb5bd\"";
            case INCORRECT -> "fill=\"#e03131\"";
        };
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
