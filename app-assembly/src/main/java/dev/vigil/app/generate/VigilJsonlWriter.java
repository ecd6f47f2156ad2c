package dev.vigil.app.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.app.generate.GeneratedTrace.Arg;
import dev.vigil.app.generate.GeneratedTrace.Call;
import dev.vigil.app.generate.GeneratedTrace.Decimal;
import dev.vigil.app.generate.GeneratedTrace.Message;
import dev.vigil.app.generate.GeneratedTrace.Run;
import dev.vigil.app.generate.GeneratedTrace.Team;
import dev.vigil.app.generate.GeneratedTrace.Turn;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/** Vigil's JSON Lines (docs/formats.md): one compact object per line, fields in a fixed order. */
final class VigilJsonlWriter extends TraceWriter {

    private final JsonGenerator json;

    VigilJsonlWriter(OutputStream out) throws IOException {
        super(out);
        json = new JsonFactory()
                .createGenerator(out(), JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .setRootValueSeparator(null);
    }

    @Override
    void run(Run run) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", "run");
        runFields(run);
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    void team(Team team) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", "team_run");
        json.writeStringField("team_run_id", team.teamRunId());
        json.writeStringField("task_id", team.taskId());
        json.writeStringField("lead_agent_id", team.agentRuns().get(0).agentId());
        json.writeArrayFieldStart("agent_runs");
        for (Run run : team.agentRuns()) {
            json.writeStartObject();
            runFields(run);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("messages");
        for (Message message : team.messages()) {
            json.writeStartObject();
            json.writeStringField("from", message.from());
            json.writeStringField("to", message.to());
            json.writeStringField("sent_at", instant(message.sentMillis()));
            json.writeStringField("channel", message.channel());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    void flush() throws IOException {
        json.flush();
    }

    private void runFields(Run run) throws IOException {
        json.writeStringField("run_id", run.runId());
        json.writeStringField("agent_id", run.agentId());
        json.writeStringField("task_id", run.taskId());
        json.writeStringField("termination_reason", run.terminationReason());
        if (run.errorMessage() != null) {
            json.writeStringField("error_message", run.errorMessage());
            json.writeStringField("error_type", run.errorType());
        }
        if (run.recoveryApplied()) {
            json.writeBooleanField("recovery_applied", true);
        }
        json.writeStringField("started_at", instant(run.startMillis()));
        json.writeStringField("ended_at", instant(run.endMillis()));
        json.writeNumberField("system_prompt_tokens", run.systemPromptTokens());
        json.writeNumberField("expected_steps", run.expectedSteps());
        json.writeStringField("task_type", run.taskType());
        json.writeStringField("complexity", run.complexity());
        if (run.finalOutput() != null) {
            json.writeStringField("final_output", run.finalOutput());
        }
        json.writeObjectFieldStart("metadata");
        json.writeStringField("model", run.model());
        json.writeStringField("source", "vigil generate");
        json.writeEndObject();
        json.writeArrayFieldStart("turns");
        for (Turn turn : run.turns()) {
            turn(turn);
        }
        json.writeEndArray();
        if (run.candidate() != null) {
            json.writeObjectFieldStart("candidate");
            json.writeNumberField("index", run.candidate().index());
            json.writeFieldName("verbalized_confidence");
            json.writeNumber(new Decimal(run.candidate().confidenceTenths(), 1).toString());
            json.writeFieldName("outcome");
            json.writeNumber(run.candidate().succeeded() ? "1.0" : "0.0");
            json.writeEndObject();
        }
    }

    private void turn(Turn turn) throws IOException {
        json.writeStartObject();
        json.writeNumberField("turn_number", turn.number());
        json.writeStringField("finish_reason", turn.finishReason());
        json.writeNumberField("input_tokens", turn.inputTokens());
        json.writeNumberField("output_tokens", turn.outputTokens());
        json.writeFieldName("cost");
        json.writeNumber(new Decimal(turn.costMicros(), 6).toString());
        json.writeNumberField("latency_ms", turn.endMillis() - turn.startMillis());
        json.writeStringField("started_at", instant(turn.startMillis()));
        json.writeStringField("ended_at", instant(turn.endMillis()));
        json.writeStringField("call_category", "productive");
        if (turn.content() != null) {
            json.writeStringField("content", turn.content());
        }
        if (!turn.calls().isEmpty()) {
            json.writeArrayFieldStart("tool_calls");
            for (Call call : turn.calls()) {
                json.writeStartObject();
                json.writeStringField("name", call.name());
                json.writeObjectFieldStart("arguments");
                for (Arg argument : call.arguments()) {
                    json.writeFieldName(argument.name());
                    value(argument.value());
                }
                json.writeEndObject();
                json.writeStringField("id", call.id());
                json.writeObjectFieldStart("result");
                json.writeStringField("content", call.result());
                json.writeBooleanField("error", call.error());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private void value(Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else {
            json.writeNumber(value.toString());
        }
    }

    static String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
