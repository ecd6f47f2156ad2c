package dev.vigil.app.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.app.generate.GeneratedTrace.Arg;
import dev.vigil.app.generate.GeneratedTrace.Call;
import dev.vigil.app.generate.GeneratedTrace.Decimal;
import dev.vigil.app.generate.GeneratedTrace.Run;
import dev.vigil.app.generate.GeneratedTrace.Team;
import dev.vigil.app.generate.GeneratedTrace.Turn;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.List;

/**
 * OTLP/JSON with the OpenTelemetry GenAI semantic conventions, as an OTLP file exporter writes it: one
 * {@code ExportTraceServiceRequest} per trace and line, ids as hex, times as nanosecond strings. A single-agent run is
 * one trace: an {@code invoke_agent} span with a {@code chat} span per turn and an {@code execute_tool} span per tool
 * call under it. A team run is one trace in which the lead's agent span invokes each member's agent span.
 *
 * <p>OTLP cannot say why a run ended other than by an error status, so stagnation, budget and turn-limit runs read back
 * as completed; best-of-K candidates are not written in this format.
 */
final class OtlpJsonWriter extends TraceWriter {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final JsonGenerator json;
    private final JsonFactory factory = new JsonFactory();
    private final long traceIdPrefix;
    private long traces;
    private long spans;

    OtlpJsonWriter(OutputStream out, long seed) throws IOException {
        super(out);
        json = factory.createGenerator(out(), JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .setRootValueSeparator(null);
        // The seed goes into every trace id, so files generated with different seeds never share a trace.
        traceIdPrefix = seed;
    }

    @Override
    void run(Run run) throws IOException {
        String traceId = nextTraceId();
        spans = 0;
        begin(run.agentId());
        agent(traceId, null, run);
        end();
    }

    @Override
    void team(Team team) throws IOException {
        String traceId = nextTraceId();
        spans = 0;
        Run lead = team.agentRuns().get(0);
        begin(lead.agentId());
        String leadSpan = agent(traceId, null, lead);
        for (Run member : team.agentRuns().subList(1, team.agentRuns().size())) {
            agent(traceId, leadSpan, member);
        }
        end();
    }

    @Override
    void flush() throws IOException {
        json.flush();
    }

    private void begin(String serviceName) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("resourceSpans");
        json.writeStartObject();
        json.writeObjectFieldStart("resource");
        json.writeArrayFieldStart("attributes");
        attribute("service.name", serviceName);
        json.writeEndArray();
        json.writeEndObject();
        json.writeArrayFieldStart("scopeSpans");
        json.writeStartObject();
        json.writeObjectFieldStart("scope");
        json.writeStringField("name", "vigil.generate");
        json.writeEndObject();
        json.writeArrayFieldStart("spans");
    }

    private void end() throws IOException {
        json.writeEndArray(); // spans
        json.writeEndObject();
        json.writeEndArray(); // scopeSpans
        json.writeEndObject();
        json.writeEndArray(); // resourceSpans
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** The agent span, then a chat span per turn and a tool span per call; returns the agent span's id. */
    private String agent(String traceId, String parent, Run run) throws IOException {
        String agentSpan = nextSpanId();
        boolean failed = "error".equals(run.terminationReason());
        span(
                traceId,
                agentSpan,
                parent,
                "invoke_agent " + run.agentId(),
                run.startMillis(),
                run.endMillis(),
                failed ? run.errorMessage() : null,
                "gen_ai.operation.name",
                "invoke_agent",
                "gen_ai.agent.name",
                run.agentId());
        for (Turn turn : run.turns()) {
            String finish =
                    switch (turn.finishReason()) {
                        case "tool_use" -> "tool_calls";
                        case "max_tokens" -> "length";
                        default -> "stop";
                    };
            span(
                    traceId,
                    nextSpanId(),
                    agentSpan,
                    "chat " + run.model(),
                    turn.startMillis(),
                    turn.endMillis(),
                    null,
                    "gen_ai.operation.name",
                    "chat",
                    "gen_ai.request.model",
                    run.model(),
                    "gen_ai.usage.input_tokens",
                    turn.inputTokens(),
                    "gen_ai.usage.output_tokens",
                    turn.outputTokens(),
                    "gen_ai.usage.cost",
                    new Decimal(turn.costMicros(), 6),
                    "gen_ai.response.finish_reasons",
                    List.of(finish));
            long toolStart = turn.endMillis() + 1;
            for (Call call : turn.calls()) {
                // Tools run after the call that requested them and before the next turn starts (gaps are >= 100 ms).
                span(
                        traceId,
                        nextSpanId(),
                        agentSpan,
                        "execute_tool " + call.name(),
                        toolStart,
                        toolStart + 1,
                        call.error() ? call.result() : null,
                        "gen_ai.operation.name",
                        "execute_tool",
                        "gen_ai.tool.name",
                        call.name(),
                        "gen_ai.tool.call.id",
                        call.id(),
                        "gen_ai.tool.call.arguments",
                        argumentsJson(call.arguments()));
                toolStart += 2;
            }
        }
        return agentSpan;
    }

    private void span(
            String traceId,
            String spanId,
            String parent,
            String name,
            long startMillis,
            long endMillis,
            String errorMessage,
            Object... attributes)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("traceId", traceId);
        json.writeStringField("spanId", spanId);
        if (parent != null) {
            json.writeStringField("parentSpanId", parent);
        }
        json.writeStringField("name", name);
        json.writeNumberField("kind", 1);
        json.writeStringField("startTimeUnixNano", Long.toString(startMillis * NANOS_PER_MILLI));
        json.writeStringField("endTimeUnixNano", Long.toString(endMillis * NANOS_PER_MILLI));
        json.writeArrayFieldStart("attributes");
        for (int i = 0; i < attributes.length; i += 2) {
            attribute((String) attributes[i], attributes[i + 1]);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("status");
        if (errorMessage != null) {
            json.writeNumberField("code", 2);
            json.writeStringField("message", errorMessage);
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void attribute(String key, Object value) throws IOException {
        json.writeStartObject();
        json.writeStringField("key", key);
        json.writeFieldName("value");
        anyValue(value);
        json.writeEndObject();
    }

    private void anyValue(Object value) throws IOException {
        json.writeStartObject();
        if (value instanceof String text) {
            json.writeStringField("stringValue", text);
        } else if (value instanceof Long number) {
            json.writeStringField("intValue", number.toString()); // int64 is a JSON string in OTLP/JSON
        } else if (value instanceof Decimal decimal) {
            json.writeFieldName("doubleValue");
            json.writeNumber(decimal.toString());
        } else if (value instanceof List<?> list) {
            json.writeObjectFieldStart("arrayValue");
            json.writeArrayFieldStart("values");
            for (Object item : list) {
                anyValue(item);
            }
            json.writeEndArray();
            json.writeEndObject();
        } else {
            json.writeStringField("stringValue", String.valueOf(value));
        }
        json.writeEndObject();
    }

    private String argumentsJson(List<Arg> arguments) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator args = factory.createGenerator(text)) {
            args.writeStartObject();
            for (Arg argument : arguments) {
                args.writeFieldName(argument.name());
                if (argument.value() instanceof String string) {
                    args.writeString(string);
                } else if (argument.value() instanceof Boolean flag) {
                    args.writeBoolean(flag);
                } else {
                    args.writeNumber(argument.value().toString());
                }
            }
            args.writeEndObject();
        }
        return text.toString();
    }

    private String nextTraceId() {
        traces++;
        return hex16(traceIdPrefix) + hex16(traces);
    }

    private String nextSpanId() {
        spans++;
        return hex16(spans);
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
