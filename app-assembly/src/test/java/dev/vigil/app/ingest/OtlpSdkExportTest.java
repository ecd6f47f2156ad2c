package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.logging.otlp.OtlpJsonLoggingSpanExporter;
import io.opentelemetry.exporter.logging.otlp.internal.traces.OtlpStdoutSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spans produced by the real OpenTelemetry Java SDK, with GenAI attributes set as an instrumented client sets them,
 * exported by the SDK's own OTLP JSON exporters to a file, then read back.
 */
class OtlpSdkExportTest {

    private static final Instant T0 = Instant.parse("2025-10-14T16:44:29Z");

    @TempDir
    Path dir;

    @Test
    void readsTheLoggingExportersResourceSpansLines() throws IOException {
        // OtlpJsonLoggingSpanExporter logs one ResourceSpans per java.util.logging record; capture them to a file.
        Path file = dir.resolve("otel-logging.jsonl");
        Logger logger = Logger.getLogger(OtlpJsonLoggingSpanExporter.class.getName());
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        boolean useParent = logger.getUseParentHandlers();
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.INFO);
        try {
            // One span per line, each written when it ends: children before their parents.
            emitWeatherAgent(ExportMode.of(OtlpJsonLoggingSpanExporter.create()));
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(useParent);
        }
        Files.write(file, lines);
        assertEquals(4, lines.size(), "one line per span");

        assertWeatherRun(file);
    }

    @Test
    void readsTheStdoutExportersExportTraceServiceRequestLines() throws IOException {
        // The SDK's OTLP stdout exporter writes one ExportTraceServiceRequest ({"resourceSpans": [...]}) per batch.
        Path file = dir.resolve("otel-stdout.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            SpanExporter exporter = OtlpStdoutSpanExporter.builder()
                    .setOutput(out)
                    .setWrapperJsonObject(true)
                    .build();
            emitWeatherAgent(ExportMode.batched(exporter));
        }
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\"resourceSpans\":"), text);

        assertWeatherRun(file);
    }

    @Test
    void aSubAgentInvokedInTheSameTraceMakesATeamRun() throws IOException {
        Path file = dir.resolve("otel-team.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            SpanExporter exporter =
                    OtlpStdoutSpanExporter.builder().setOutput(out).build();
            SdkTracerProvider provider = provider(ExportMode.batched(exporter));
            Tracer tracer = provider.get("test-instrumentation");
            Span lead = agentSpan(tracer, Context.root(), "planner", 0);
            Context leadContext = Context.root().with(lead);
            chat(tracer, leadContext, 100, 900, 40, 10, "stop");
            Span researcher = agentSpan(tracer, leadContext, "researcher", 1000);
            Context researcherContext = leadContext.with(researcher);
            chat(tracer, researcherContext, 1100, 2000, 60, 20, "stop");
            researcher.end(T0.plusMillis(2500));
            chat(tracer, leadContext, 3000, 3500, 90, 15, "stop");
            lead.end(T0.plusMillis(4000));
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }

        List<TraceRecord> records = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        new OtlpJsonFormat().read(file, records::add, problems::add);
        assertEquals(List.of(), problems);
        TeamRun team = assertInstanceOf(TraceRecord.Team.class, records.get(0)).teamRun();
        assertEquals(
                List.of("planner", "researcher"),
                team.agentRuns().stream().map(Run::agentId).toList());
        assertEquals(
                List.of(2, 1),
                team.agentRuns().stream().map(r -> r.turns().size()).toList());
        assertEquals(1, team.messageCount());
        assertEquals(4.0, team.makespanSeconds());
    }

    /**
     * One agent invocation: a chat call asking for get_weather, the tool execution (which fails), and a final chat
     * call. Four spans.
     */
    private static void emitWeatherAgent(ExportMode processor) {
        SdkTracerProvider provider = provider(processor);
        Tracer tracer = provider.get("test-instrumentation");
        Span agent = agentSpan(tracer, Context.root(), "weather-agent", 0);
        Context context = Context.root().with(agent);

        Span first = tracer.spanBuilder("chat gpt-4o")
                .setParent(context)
                .setStartTimestamp(T0.plusMillis(10))
                .setAttribute("gen_ai.operation.name", "chat")
                .setAttribute("gen_ai.provider.name", "openai")
                .setAttribute("gen_ai.request.model", "gpt-4o")
                .startSpan();
        first.setAttribute("gen_ai.response.model", "gpt-4o-2024-08-06");
        first.setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 25L);
        first.setAttribute(AttributeKey.longKey("gen_ai.usage.output_tokens"), 70L);
        first.setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("tool_calls"));
        first.setAttribute(
                "gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\",\"name\":\"get_weather\","
                        + "\"arguments\":{\"location\":\"Portland\"}}],\"finish_reason\":\"tool_call\"}]");
        first.end(T0.plusMillis(6000));

        Span tool = tracer.spanBuilder("execute_tool get_weather")
                .setParent(context)
                .setStartTimestamp(T0.plusMillis(6001))
                .setAttribute("gen_ai.operation.name", "execute_tool")
                .setAttribute("gen_ai.tool.name", "get_weather")
                .setAttribute("gen_ai.tool.call.id", "call_1")
                .setAttribute("gen_ai.tool.call.arguments", "{\"location\":\"Portland\"}")
                .startSpan();
        tool.recordException(new IOException("weather service unreachable"));
        tool.setAttribute("error.type", "java.io.IOException");
        tool.setStatus(StatusCode.ERROR, "weather service unreachable");
        tool.end(T0.plusMillis(6100));

        chat(tracer, context, 6200, 9000, 631, 35, "stop");
        agent.end(T0.plusMillis(9500));
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    private static void assertWeatherRun(Path file) throws IOException {
        assertTrue(new OtlpJsonFormat().detect(file, TraceFormats.head(file)));
        List<TraceRecord> records = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        new OtlpJsonFormat().read(file, records::add, problems::add);

        assertEquals(List.of(), problems);
        assertEquals(1, records.size());
        TraceRecord.SingleRun single = assertInstanceOf(TraceRecord.SingleRun.class, records.get(0));
        Run run = single.run();
        assertEquals("weather-agent", run.agentId());
        assertEquals(TerminationReason.COMPLETED, run.terminationReason());
        assertEquals(2, run.turns().size());
        assertEquals(25, run.turns().get(0).inputTokens());
        assertEquals(70, run.turns().get(0).outputTokens());
        assertEquals(
                List.of(new ToolCall("get_weather", Map.of("location", "Portland"), "call_1")),
                run.turns().get(0).toolCalls());
        assertEquals(FinishReason.ERROR, run.turns().get(0).finishReason(), "its tool call failed");
        assertEquals(FinishReason.STOP, run.turns().get(1).finishReason());
        assertEquals(631 + 35, run.turns().get(1).totalTokens());
        assertEquals(T0, run.startedAt());
        assertEquals(T0.plusMillis(9500), run.endedAt());
        assertEquals("vigil-ingest-test", run.metadata().get("service_name"));
        assertEquals(List.of("gpt-4o-2024-08-06", "gpt-4o"), run.metadata().get("models"));
        assertEquals(2, single.stepOrigins().size());
        assertTrue(
                single.stepOrigins().get(0).matches(".+\\.jsonl:\\d+ span [0-9a-f]{16}"),
                single.stepOrigins().get(0));
    }

    private static Span agentSpan(Tracer tracer, Context parent, String name, long startMs) {
        return tracer.spanBuilder("invoke_agent " + name)
                .setParent(parent)
                .setStartTimestamp(T0.plusMillis(startMs))
                .setAttribute("gen_ai.operation.name", "invoke_agent")
                .setAttribute("gen_ai.agent.name", name)
                .setAttribute("gen_ai.agent.id", "id-" + name)
                .startSpan();
    }

    private static void chat(
            Tracer tracer, Context parent, long startMs, long endMs, long in, long out, String finish) {
        Span span = tracer.spanBuilder("chat gpt-4o")
                .setParent(parent)
                .setStartTimestamp(T0.plusMillis(startMs))
                .setAttribute("gen_ai.operation.name", "chat")
                .setAttribute("gen_ai.request.model", "gpt-4o")
                .startSpan();
        span.setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), in);
        span.setAttribute(AttributeKey.longKey("gen_ai.usage.output_tokens"), out);
        span.setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of(finish));
        span.end(T0.plusMillis(endMs));
    }

    private static SdkTracerProvider provider(ExportMode processor) {
        return SdkTracerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.create(
                                Attributes.of(AttributeKey.stringKey("service.name"), "vigil-ingest-test"))))
                .addSpanProcessor(
                        processor.batched
                                ? BatchSpanProcessor.builder(processor.exporter).build()
                                : SimpleSpanProcessor.create(processor.exporter))
                .build();
    }

    /** An exporter and whether it gets spans one by one (as they end) or in batches. */
    private record ExportMode(SpanExporter exporter, boolean batched) {
        static ExportMode of(SpanExporter exporter) {
            return new ExportMode(exporter, false);
        }

        static ExportMode batched(SpanExporter exporter) {
            return new ExportMode(exporter, true);
        }
    }
}
