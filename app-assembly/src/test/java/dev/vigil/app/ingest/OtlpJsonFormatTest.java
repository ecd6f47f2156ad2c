package dev.vigil.app.ingest;

import static dev.vigil.app.ingest.OtlpJsonSamples.failed;
import static dev.vigil.app.ingest.OtlpJsonSamples.request;
import static dev.vigil.app.ingest.OtlpJsonSamples.span;
import static dev.vigil.app.ingest.OtlpJsonSamples.spanId;
import static dev.vigil.app.ingest.OtlpJsonSamples.traceId;
import static dev.vigil.app.ingest.OtlpJsonSamples.writeLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written OTLP/JSON: current, legacy and OpenInference attributes, ordering, teams and bad input. */
class OtlpJsonFormatTest {

    @TempDir
    Path dir;

    private final OtlpJsonFormat format = new OtlpJsonFormat();

    record Read(List<TraceRecord> records, List<InputProblem> problems) {
        Run single() {
            assertEquals(1, records.size(), () -> "records " + records + ", problems " + problems);
            return assertInstanceOf(TraceRecord.SingleRun.class, records.get(0)).run();
        }
    }

    private Read read(Path file) throws IOException {
        List<TraceRecord> records = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        format.read(file, records::add, problems::add);
        return new Read(records, problems);
    }

    @Test
    void currentConventionsMapToTurnsToolCallsAndTokens() throws IOException {
        String t = traceId(1);
        String output =
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\",\"name\":\"get_weather\","
                        + "\"arguments\":{\"city\":\"Oslo\"}}],\"finish_reason\":\"tool_call\"}]";
        Path file = writeLines(
                dir.resolve("current.jsonl"),
                List.of(request(
                        "weather-svc",
                        span(
                                t,
                                spanId(1),
                                null,
                                "invoke_agent weather",
                                0,
                                5000,
                                "gen_ai.operation.name",
                                "invoke_agent",
                                "gen_ai.agent.name",
                                "weather",
                                "gen_ai.agent.id",
                                "a-1"),
                        span(
                                t,
                                spanId(2),
                                spanId(1),
                                "chat gpt-4o",
                                100,
                                1000,
                                "gen_ai.operation.name",
                                "chat",
                                "gen_ai.request.model",
                                "gpt-4o",
                                "gen_ai.usage.input_tokens",
                                120,
                                "gen_ai.usage.output_tokens",
                                30,
                                "gen_ai.response.finish_reasons",
                                List.of("tool_calls"),
                                "gen_ai.output.messages",
                                output,
                                "gen_ai.input.messages",
                                "[{\"role\":\"user\",\"parts\":[]}]"),
                        span(
                                t,
                                spanId(3),
                                spanId(1),
                                "execute_tool get_weather",
                                1100,
                                1200,
                                "gen_ai.operation.name",
                                "execute_tool",
                                "gen_ai.tool.name",
                                "get_weather",
                                "gen_ai.tool.call.id",
                                "call_1"),
                        span(
                                t,
                                spanId(4),
                                spanId(1),
                                "chat gpt-4o",
                                1300,
                                2000,
                                "gen_ai.operation.name",
                                "chat",
                                "gen_ai.usage.input_tokens",
                                200,
                                "gen_ai.usage.output_tokens",
                                12,
                                "gen_ai.response.finish_reasons",
                                List.of("stop"),
                                "gen_ai.output.messages",
                                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Sunny.\"}]}]"))));

        Read read = read(file);
        assertEquals(List.of(), read.problems);
        TraceRecord.SingleRun single = assertInstanceOf(TraceRecord.SingleRun.class, read.records.get(0));
        Run run = single.run();
        assertEquals("weather", run.agentId());
        assertEquals(t, run.runId());
        assertEquals(TerminationReason.COMPLETED, run.terminationReason());
        assertEquals(2, run.turns().size());
        Turn first = run.turns().get(0);
        assertEquals(120, first.inputTokens());
        assertEquals(30, first.outputTokens());
        assertEquals(FinishReason.TOOL_USE, first.finishReason());
        assertEquals(List.of(new ToolCall("get_weather", Map.of("city", "Oslo"), "call_1")), first.toolCalls());
        assertEquals(900.0, first.latencyMs());
        assertEquals(FinishReason.STOP, run.turns().get(1).finishReason());
        assertEquals(1, run.turns().get(1).priorToolCallCount());
        assertEquals("Sunny.", run.finalOutput());
        assertEquals(List.of("gpt-4o"), run.metadata().get("models"));
        assertEquals("weather-svc", run.metadata().get("service_name"));
        assertEquals(
                List.of("current.jsonl:1 span " + spanId(2), "current.jsonl:1 span " + spanId(4)),
                single.stepOrigins());
        assertEquals(5.0, run.durationSeconds());
    }

    @Test
    void legacyAttributeNamesStillEmittedInTheWild() throws IOException {
        // OpenLLMetry-style spans: no gen_ai.operation.name, prompt/completion token names, flattened completions.
        String t = traceId(2);
        Path file = writeLines(
                dir.resolve("legacy.jsonl"),
                List.of(request(
                        "legacy-bot",
                        span(
                                t,
                                spanId(1),
                                null,
                                "openai.chat",
                                0,
                                1000,
                                "gen_ai.system",
                                "openai",
                                "llm.request.type",
                                "chat",
                                "gen_ai.usage.prompt_tokens",
                                100,
                                "gen_ai.usage.completion_tokens",
                                "20",
                                "gen_ai.prompt.0.role",
                                "user",
                                "gen_ai.prompt.0.content",
                                "find x",
                                "gen_ai.completion.0.finish_reason",
                                "tool_calls",
                                "gen_ai.completion.0.tool_calls.0.name",
                                "search",
                                "gen_ai.completion.0.tool_calls.0.arguments",
                                "{\"q\":\"x\"}",
                                "gen_ai.completion.0.tool_calls.0.id",
                                "call_9"),
                        span(
                                t,
                                spanId(2),
                                null,
                                "search.tool",
                                1100,
                                1500,
                                "traceloop.span.kind",
                                "tool",
                                "traceloop.entity.name",
                                "search"),
                        span(
                                t,
                                spanId(3),
                                null,
                                "openai.chat",
                                1600,
                                2000,
                                "gen_ai.usage.prompt_tokens",
                                150,
                                "gen_ai.usage.completion_tokens",
                                5,
                                "gen_ai.completion.0.finish_reason",
                                "stop",
                                "gen_ai.completion.0.content",
                                "x is 42"))));

        Read read = read(file);
        assertEquals(List.of(), read.problems);
        Run run = read.single();
        assertEquals("legacy-bot", run.agentId(), "no agent named: the service name");
        assertEquals(2, run.turns().size());
        Turn first = run.turns().get(0);
        assertEquals(100, first.inputTokens());
        assertEquals(20, first.outputTokens());
        assertEquals(FinishReason.TOOL_USE, first.finishReason());
        assertEquals(List.of(new ToolCall("search", Map.of("q", "x"), "call_9")), first.toolCalls());
        assertEquals(FinishReason.STOP, run.turns().get(1).finishReason());
        assertEquals("x is 42", run.finalOutput());
    }

    @Test
    void openInferenceSpansAndAFailedToolMakeAToolErrorTurn() throws IOException {
        String t = traceId(3);
        Path file = writeLines(
                dir.resolve("openinference.jsonl"),
                List.of(request(
                        "oi-app",
                        span(t, spanId(1), null, "research_agent", 0, 3000, "openinference.span.kind", "AGENT"),
                        span(
                                t,
                                spanId(2),
                                spanId(1),
                                "ChatOpenAI",
                                10,
                                500,
                                "openinference.span.kind",
                                "LLM",
                                "llm.model_name",
                                "gpt-4o-mini",
                                "llm.token_count.prompt",
                                50,
                                "llm.token_count.completion",
                                5,
                                "llm.output_messages.0.message.role",
                                "assistant",
                                "llm.output_messages.0.message.tool_calls.0.tool_call.function.name",
                                "lookup",
                                "llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments",
                                "{\"id\":7}"),
                        failed(
                                span(
                                        t,
                                        spanId(3),
                                        spanId(1),
                                        "lookup",
                                        600,
                                        700,
                                        "openinference.span.kind",
                                        "TOOL",
                                        "tool.name",
                                        "lookup",
                                        "input.value",
                                        "{\"id\":7}"),
                                "record 7 not found"),
                        span(
                                t,
                                spanId(4),
                                spanId(1),
                                "ChatOpenAI",
                                800,
                                1200,
                                "openinference.span.kind",
                                "LLM",
                                "llm.token_count.prompt",
                                70,
                                "llm.token_count.completion",
                                9,
                                "llm.output_messages.0.message.content",
                                "Sorry, no record 7."))));

        Read read = read(file);
        assertEquals(List.of(), read.problems);
        Run run = read.single();
        assertEquals("research_agent", run.agentId(), "an OpenInference AGENT span is named by its span name");
        Turn first = run.turns().get(0);
        assertEquals(FinishReason.ERROR, first.finishReason(), "the tool it asked for failed");
        assertEquals(List.of(new ToolCall("lookup", Map.of("id", 7), null)), first.toolCalls());
        assertEquals(50, first.inputTokens());
        assertEquals(FinishReason.STOP, run.turns().get(1).finishReason());
        assertEquals(TerminationReason.COMPLETED, run.terminationReason(), "the agent recovered");
        assertEquals("Sorry, no record 7.", run.finalOutput());
    }

    @Test
    void outOfOrderSpansAcrossLinesAreReassembledByParentAndStartTime() throws IOException {
        // Batch exporters write children before parents and traces across many lines.
        String t = traceId(4);
        ObjectNode agent = span(
                t,
                spanId(1),
                null,
                "invoke_agent sorter",
                0,
                9000,
                "gen_ai.operation.name",
                "invoke_agent",
                "gen_ai.agent.name",
                "sorter");
        ObjectNode llm1 = span(t, spanId(2), spanId(1), "chat", 0, 1000, "gen_ai.operation.name", "chat");
        ObjectNode toolA = span(
                t,
                spanId(3),
                spanId(1),
                "execute_tool a",
                1100,
                1200,
                "gen_ai.operation.name",
                "execute_tool",
                "gen_ai.tool.name",
                "a");
        ObjectNode llm2 = span(t, spanId(4), spanId(1), "chat", 2000, 3000, "gen_ai.operation.name", "chat");
        ObjectNode toolB = span(
                t,
                spanId(5),
                spanId(1),
                "execute_tool b",
                3100,
                3200,
                "gen_ai.operation.name",
                "execute_tool",
                "gen_ai.tool.name",
                "b");
        ObjectNode llm3 = span(t, spanId(6), spanId(1), "chat", 4000, 5000, "gen_ai.operation.name", "chat");
        Path file = writeLines(
                dir.resolve("shuffled.jsonl"),
                List.of(
                        request("s", llm3),
                        request("s", toolB),
                        request("s", agent),
                        request("s", llm1, toolA),
                        request("s", llm2)));

        Read read = read(file);
        assertEquals(List.of(), read.problems);
        TraceRecord.SingleRun single = assertInstanceOf(TraceRecord.SingleRun.class, read.records.get(0));
        Run run = single.run();
        assertEquals(List.of("a"), run.turns().get(0).toolCallNames(), "a tool belongs to the turn before it");
        assertEquals(List.of("b"), run.turns().get(1).toolCallNames());
        assertEquals(List.of(), run.turns().get(2).toolCallNames());
        assertEquals(
                List.of(
                        "shuffled.jsonl:4 span " + spanId(2),
                        "shuffled.jsonl:5 span " + spanId(4),
                        "shuffled.jsonl:1 span " + spanId(6)),
                single.stepOrigins());
        assertEquals("shuffled.jsonl:1", single.origin(), "the trace starts where its first span was read");
    }

    @Test
    void severalAgentsInOneTraceMakeATeamRunWithTheirDelegations() throws IOException {
        String t = traceId(5);
        Path file = writeLines(
                dir.resolve("team.jsonl"),
                List.of(request(
                        "crew",
                        span(
                                t,
                                spanId(1),
                                null,
                                "invoke_agent lead",
                                0,
                                10_000,
                                "gen_ai.operation.name",
                                "invoke_agent",
                                "gen_ai.agent.name",
                                "lead"),
                        span(t, spanId(2), spanId(1), "chat", 100, 900, "gen_ai.operation.name", "chat"),
                        span(
                                t,
                                spanId(3),
                                spanId(1),
                                "invoke_agent researcher",
                                1000,
                                5000,
                                "gen_ai.operation.name",
                                "invoke_agent",
                                "gen_ai.agent.name",
                                "researcher"),
                        span(t, spanId(4), spanId(3), "chat", 1100, 2000, "gen_ai.operation.name", "chat"),
                        span(t, spanId(5), spanId(3), "chat", 2100, 3000, "gen_ai.operation.name", "chat"),
                        span(t, spanId(6), spanId(1), "chat", 6000, 7000, "gen_ai.operation.name", "chat"))));

        Read read = read(file);
        assertEquals(List.of(), read.problems);
        TeamRun team =
                assertInstanceOf(TraceRecord.Team.class, read.records.get(0)).teamRun();
        assertEquals(t, team.teamRunId());
        assertEquals(
                List.of("lead", "researcher"),
                team.agentRuns().stream().map(Run::agentId).toList());
        assertEquals(
                List.of(2, 2),
                team.agentRuns().stream().map(r -> r.turns().size()).toList());
        assertEquals(1, team.messageCount(), "lead invoked researcher once");
        assertEquals("lead", team.messages().get(0).fromAgentId());
        assertEquals(t + "/researcher", team.agentRuns().get(1).runId());
        assertEquals(
                List.of("team.jsonl:1 span " + spanId(4), "team.jsonl:1 span " + spanId(5)),
                team.agentRuns().get(1).metadata().get("step_origins"));
    }

    @Test
    void aFailedLastLlmCallEndsTheRunWithError() throws IOException {
        String t = traceId(6);
        Path file = writeLines(
                dir.resolve("error.jsonl"),
                List.of(request(
                        "svc",
                        span(t, spanId(1), null, "chat", 0, 100, "gen_ai.operation.name", "chat"),
                        failed(
                                span(
                                        t,
                                        spanId(2),
                                        null,
                                        "chat",
                                        200,
                                        300,
                                        "gen_ai.operation.name",
                                        "chat",
                                        "error.type",
                                        "rate_limit_exceeded"),
                                "429 Too Many Requests"))));

        Run run = read(file).single();
        assertEquals(TerminationReason.ERROR, run.terminationReason());
        assertEquals("429 Too Many Requests", run.errorMessage());
        assertEquals("rate_limit_exceeded", run.errorType());
        assertEquals(FinishReason.ERROR, run.turns().get(1).finishReason());
    }

    @Test
    void aPrettyPrintedRequestIsStreamedAndABadSpanIsReportedByPointer() throws IOException {
        String t = traceId(7);
        // Base64 ids, as protobuf's own JSON printer writes them, are accepted too.
        String base64Trace = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(t));
        ObjectNode bad = span(t, "xyz", null, "chat", 50, 60, "gen_ai.operation.name", "chat");
        ObjectNode request = request(
                "svc",
                span(base64Trace, spanId(1), null, "chat", 0, 100, "gen_ai.operation.name", "chat"),
                bad,
                span(t, spanId(3), null, "chat", 200, 300, "gen_ai.operation.name", "chat"));
        Path file = dir.resolve("request.json");
        Files.writeString(
                file, OtlpJsonSamples.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(request));

        assertTrue(format.detect(file, TraceFormats.head(file)));
        Read read = read(file);
        assertEquals(
                List.of(new InputProblem(
                        "request.json#/resourceSpans/0/scopeSpans/0/spans/1",
                        "spanId",
                        "must be 16 hex characters, got 'xyz'")),
                read.problems);
        TraceRecord.SingleRun single = assertInstanceOf(TraceRecord.SingleRun.class, read.records.get(0));
        assertEquals(2, single.run().turns().size());
        assertEquals(
                "svc", single.run().agentId(), "the resource may follow the spans; its service name still applies");
        assertEquals(
                "request.json#/resourceSpans/0/scopeSpans/0/spans/0 span " + spanId(1),
                single.stepOrigins().get(0));
    }

    @Test
    void badRecordsInJsonLinesAreReportedWithLineAndFieldAndSkipped() throws IOException {
        String t = traceId(8);
        ObjectNode backwards = span(t, spanId(2), null, "chat", 500, 400, "gen_ai.operation.name", "chat");
        ObjectNode negative = span(
                t,
                spanId(3),
                null,
                "chat",
                600,
                700,
                "gen_ai.operation.name",
                "chat",
                "gen_ai.usage.input_tokens",
                "-5");
        Path file = writeLines(
                dir.resolve("bad.jsonl"),
                List.of(
                        request("svc", span(t, spanId(1), null, "chat", 0, 100, "gen_ai.operation.name", "chat")),
                        request("svc", backwards),
                        "{\"resourceSpans\": [ {\"scopeSpans\": [",
                        "{\"hello\": 1}",
                        request("svc", negative)));

        Read read = read(file);
        assertEquals(4, read.problems.size(), () -> read.problems.toString());
        assertEquals("bad.jsonl:2", read.problems.get(0).location());
        assertEquals(
                "resourceSpans[0].scopeSpans[0].spans[0].endTimeUnixNano",
                read.problems.get(0).field());
        assertEquals("bad.jsonl:3", read.problems.get(1).location());
        assertEquals("line", read.problems.get(1).field());
        assertEquals("bad.jsonl:4", read.problems.get(2).location());
        assertEquals("bad.jsonl:5", read.problems.get(3).location());
        assertEquals(
                "resourceSpans[0].scopeSpans[0].spans[0].attributes.gen_ai.usage.input_tokens",
                read.problems.get(3).field());
        assertEquals(
                "must be a whole number >= 0, got '-5'", read.problems.get(3).problem());
        // The one good span still makes its run: nothing else is lost.
        assertEquals(1, read.single().turns().size());
    }

    @Test
    void aTraceWithoutGenAiSpansIsReportedNotSilentlyDropped() throws IOException {
        Path file = writeLines(
                dir.resolve("http.jsonl"),
                List.of(request(
                        "web", span(traceId(9), spanId(1), null, "GET /", 0, 10, "http.request.method", "GET"))));
        Read read = read(file);
        assertEquals(List.of(), read.records);
        assertEquals("trace " + traceId(9), read.problems.get(0).field());
    }

    @Test
    void detectsByContent() throws IOException {
        Path otlp = writeLines(dir.resolve("spans.txt"), List.of(request("s")));
        assertTrue(format.detect(otlp, Files.readString(otlp)));
        assertFalse(format.detect(otlp, "{\"kind\":\"run\",\"run_id\":\"r\"}"));
        assertFalse(format.detect(otlp, "{\"trace\":{\"id\":\"x\"},\"observations\":[]}"));
        assertEquals(
                OtlpJsonFormat.NAME,
                TraceFormats.builtIn().detect(otlp).orElseThrow().name());
    }
}
