package dev.vigil.app.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.app.analysis.AnalysisListener;
import dev.vigil.app.analysis.AnalysisSummary;
import dev.vigil.app.analysis.BestOfKResult;
import dev.vigil.app.analysis.RunResult;
import dev.vigil.app.analysis.TeamResult;
import dev.vigil.app.ingest.InputProblem;
import dev.vigil.spi.model.WireEnum;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON report ({@code docs/report-format.md}, schema {@value #SCHEMA}), written as a stream: each run is written
 * when it is analysed and never held. Sections come in the order runs, best_of_k, teams, then summary and
 * input_errors.
 */
public final class JsonReport implements AnalysisListener, AutoCloseable {

    /** The report schema's name and version; bumped on any incompatible change. */
    public static final String SCHEMA = "vigil.report/1";

    private final JsonGenerator json;
    private String openSection;

    public JsonReport(OutputStream out, String vigilVersion) {
        try {
            json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeStringField("vigil_version", vigilVersion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void run(RunResult run) {
        io(() -> {
            section("runs");
            writeRun(run);
        });
    }

    /** One run object: identity, steps with their labels and sources, tickets with their triage, run figures. */
    private void writeRun(RunResult run) throws IOException {
        json.writeStartObject();
        json.writeStringField("run_id", run.runId());
        json.writeStringField("agent_id", run.agentId());
        json.writeStringField("task_id", run.taskId());
        json.writeStringField("termination_reason", run.terminationReason().wireName());
        json.writeStringField("origin", run.origin());
        json.writeNumberField("turns", run.turns());
        json.writeNumberField("total_tokens", run.totalTokens());
        json.writeNumberField("total_cost", run.totalCost());
        json.writeNumberField("duration_seconds", run.durationSeconds());
        json.writeArrayFieldStart("steps");
        for (RunResult.StepResult step : run.steps()) {
            json.writeStartObject();
            json.writeNumberField("index", step.index());
            json.writeStringField("turns", step.turnRange());
            wire("quality", step.quality());
            json.writeNumberField("confidence", step.confidence());
            json.writeStringField("reason", step.reason());
            wire("stagnation", step.stagnation());
            wire("label", step.label());
            json.writeStringField("source", step.origin());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("tickets");
        for (RunResult.TicketResult ticket : run.tickets()) {
            json.writeStartObject();
            json.writeStringField("id", ticket.ticketId());
            json.writeStringField("cause", ticket.cause().wireName());
            json.writeStringField("severity", ticket.severity().wireName());
            json.writeStringField("evidence", ticket.evidence());
            if (ticket.afterStep() >= 0) {
                json.writeNumberField("after_step", ticket.afterStep());
            } else {
                json.writeStringField("after_step", "run_end");
            }
            json.writeStringField("triage", ticket.escalated() ? "escalated" : "dismissed");
            json.writeStringField("decided_by", ticket.decidedBy());
            json.writeStringField("triage_reason", ticket.triageReason());
            json.writeNumberField("delivered_to", ticket.deliveredTo());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (run.accuracyEffort() != null) {
            RunResult.AccuracyEffort ae = run.accuracyEffort();
            json.writeObjectFieldStart("accuracy_effort");
            json.writeNumberField("accuracy", ae.accuracy());
            json.writeNumberField("effort", ae.effort());
            json.writeNumberField("ratio", ae.ratio());
            json.writeNumberField("correct", ae.correct());
            json.writeNumberField("neutral", ae.neutral());
            json.writeNumberField("incorrect", ae.incorrect());
            json.writeEndObject();
        }
        json.writeBooleanField("weak_model_trap", run.weakModelTrap());
        json.writeNumberField("prompt_token_ratio", run.promptTokenRatio());
        json.writeBooleanField("prompt_overhead", run.promptOverhead());
        nullableNumber("erosion_score", run.erosionScore());
        nullableNumber("pte", run.pte());
        json.writeObjectFieldStart("efficiency");
        for (Map.Entry<String, Double> ratio : new java.util.TreeMap<>(run.efficiency()).entrySet()) {
            json.writeNumberField(ratio.getKey(), ratio.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void bestOfK(BestOfKResult group) {
        io(() -> {
            section("best_of_k");
            json.writeStartObject();
            json.writeStringField("task_id", group.taskId());
            json.writeNumberField("k", group.candidates().size());
            if (group.selectedIndex() == null) {
                json.writeNullField("selected_index");
            } else {
                json.writeNumberField("selected_index", group.selectedIndex());
            }
            json.writeStringField("selected_run_id", group.selectedRunId());
            json.writeStringField("note", group.note());
            json.writeArrayFieldStart("candidates");
            for (BestOfKResult.CandidateScore candidate : group.candidates()) {
                json.writeStartObject();
                json.writeNumberField("index", candidate.index());
                json.writeStringField("run_id", candidate.runId());
                json.writeBooleanField("consistent", candidate.consistent());
                json.writeNumberField("joint_score", candidate.jointScore());
                nullableNumber("verbalized_confidence", candidate.verbalizedConfidence());
                json.writeNumberField("trace_tokens", candidate.traceTokens());
                nullableNumber("outcome", candidate.outcome());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    @Override
    public void team(TeamResult team) {
        io(() -> {
            section("teams");
            json.writeStartObject();
            json.writeStringField("team_run_id", team.teamRunId());
            json.writeStringField("task_id", team.taskId());
            json.writeStringField("origin", team.origin());
            json.writeNumberField("agents", team.agents());
            if (team.messages() == null) {
                json.writeNullField("messages");
            } else {
                json.writeNumberField("messages", team.messages());
            }
            json.writeObjectFieldStart("metrics");
            for (Map.Entry<String, Object> metric : team.metrics().entrySet()) {
                json.writeFieldName(metric.getKey());
                writeValue(metric.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("alerts");
            for (String alert : team.alerts()) {
                json.writeString(alert);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("skipped");
            for (String skipped : team.skipped()) {
                json.writeString(skipped);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("members");
            for (RunResult member : team.members()) {
                writeRun(member);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    @Override
    public void finish(AnalysisSummary summary) {
        io(() -> {
            for (String section : new String[] {"runs", "best_of_k", "teams"}) {
                section(section); // every section is present, empty when nothing was found
            }
            closeSection();
            json.writeObjectFieldStart("summary");
            json.writeNumberField("files", summary.files());
            json.writeNumberField("runs", summary.runs());
            json.writeNumberField("steps", summary.steps());
            json.writeNumberField("team_runs", summary.teamRuns());
            json.writeNumberField("best_of_k_groups", summary.bestOfKGroups());
            json.writeNumberField("tickets_raised", summary.ticketsRaised());
            json.writeNumberField("tickets_escalated", summary.ticketsEscalated());
            wire("highest_escalated", summary.highestEscalated());
            json.writeNumberField("input_errors", summary.inputProblems().size());
            json.writeNumberField("undelivered_notifications", summary.undelivered());
            json.writeEndObject();
            json.writeArrayFieldStart("input_errors");
            for (InputProblem problem : summary.inputProblems()) {
                json.writeStartObject();
                json.writeStringField("location", problem.location());
                json.writeStringField("field", problem.field());
                json.writeStringField("problem", problem.problem());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
        });
    }

    @Override
    public void close() {
        io(json::close);
    }

    private final java.util.Set<String> written = new java.util.HashSet<>();

    /** Opens {@code name}'s array unless it is open or was written already. */
    private void section(String name) throws IOException {
        if (name.equals(openSection) || written.contains(name)) {
            return;
        }
        closeSection();
        json.writeArrayFieldStart(name);
        openSection = name;
        written.add(name);
    }

    private void closeSection() throws IOException {
        if (openSection != null) {
            json.writeEndArray();
            openSection = null;
        }
    }

    private void wire(String field, WireEnum value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value.wireName());
        }
    }

    private void nullableNumber(String field, Double value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }

    private void writeValue(Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(entry.getValue());
            }
            json.writeEndObject();
        } else {
            json.writeString(String.valueOf(value));
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
