package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LangfuseFormatTest {

    static final Path REAL = Path.of("..", "..", "shared", "traces", "langfuse-export-microsoft-agent-2025-10-14.json");

    @TempDir
    Path dir;

    record Read(List<TraceRecord> records, List<InputProblem> problems) {}

    static Read read(Path file) throws IOException {
        List<TraceRecord> records = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        new LangfuseFormat().read(file, records::add, problems::add);
        return new Read(records, problems);
    }

    /**
     * How to count by reading the file: it holds one {@code trace} and four {@code observations}.
     *
     * <ul>
     *   <li>Runs and agents: one AGENT observation (026d1c61bcaa1743, {@code gen_ai.agent.name}
     *       99981f6a-abd1-4d09-9fba-00e2ab172193), the parent of the other three: 1 run, 1 agent, no team.
     *   <li>Steps: two GENERATION observations ("chat gpt-4o"): c6b8d4db5f0eac82 starts 16:44:29.953 and
     *       3c2d6f2f26930c50 starts 16:44:35.939, although the later one is listed first: 2 turns, one step each, in
     *       start order.
     *   <li>Tool calls: one TOOL observation, 7f845be8c0da22f3 "execute_tool get_weather", input {"location":
     *       "Portland"}, its {@code gen_ai.tool.call.id} equal to the tool_call id in c6b8...'s output: 1 tool call, in
     *       turn 1.
     *   <li>Errors: every observation has level DEFAULT and statusMessage null: 0 errors.
     *   <li>Tokens: c6b8... usageDetails input 25 / output 70 (it has no gen_ai.usage attributes); 3c2d... 631 / 35.
     * </ul>
     */
    @Test
    void realExportCountsAsReadFromTheFile() throws IOException {
        assertTrue(
                Files.exists(REAL),
                () -> "run from app-assembly; cwd " + Path.of("").toAbsolutePath());
        assertTrue(new LangfuseFormat().detect(REAL, TraceFormats.head(REAL)));
        assertEquals(
                LangfuseFormat.NAME,
                TraceFormats.builtIn().detect(REAL).orElseThrow().name());

        Read read = read(REAL);
        assertEquals(List.of(), read.problems);
        assertEquals(1, read.records.size(), "runs");
        TraceRecord.SingleRun single = assertInstanceOf(TraceRecord.SingleRun.class, read.records.get(0));
        Run run = single.run();
        assertEquals("99981f6a-abd1-4d09-9fba-00e2ab172193", run.agentId(), "agents: 1");
        assertEquals("e3a407423619277a2dcef3c13dc89982", run.runId());
        assertEquals(2, run.steps().size(), "steps");
        assertEquals(1, run.totalToolCalls(), "tool calls");
        assertEquals(0, run.turns().stream().filter(t -> !t.success()).count(), "errors");
        assertEquals(TerminationReason.COMPLETED, run.terminationReason());

        Turn first = run.turns().get(0);
        assertEquals(25, first.inputTokens());
        assertEquals(70, first.outputTokens());
        assertEquals(FinishReason.TOOL_USE, first.finishReason());
        assertEquals(
                List.of(new ToolCall(
                        "get_weather",
                        Map.of("location", "Portland"),
                        "run_9guMCbt68iSVgtsx6WdKMA18,call_Sz1QP8T7fuJkIECGDLFWOorq")),
                first.toolCalls());
        Turn second = run.turns().get(1);
        assertEquals(631, second.inputTokens());
        assertEquals(35, second.outputTokens());
        assertEquals(0.0019275, second.cost());
        assertEquals(FinishReason.STOP, second.finishReason());
        assertEquals(
                "The weather in Portland is currently stormy with a high temperature of 19\u00b0C.", run.finalOutput());
        assertEquals(
                List.of(
                        "langfuse-export-microsoft-agent-2025-10-14.json#/observations/2 observation c6b8d4db5f0eac82",
                        "langfuse-export-microsoft-agent-2025-10-14.json#/observations/1 observation 3c2d6f2f26930c50"),
                single.stepOrigins());
        assertEquals("langfuse-export-microsoft-agent-2025-10-14.json#/trace", single.origin());
        assertEquals(
                "invoke_agent 99981f6a-abd1-4d09-9fba-00e2ab172193",
                run.metadata().get("trace_name"));
        assertEquals(List.of("gpt-4o"), run.metadata().get("models"));
    }

    @Test
    void numericStringsErrorsTeamsAndBadObservationsInJsonLines() throws IOException {
        String team = "{\"trace\":{\"id\":\"t1\",\"metadata\":\"{\\\"attributes\\\":{}}\"},\"observations\":["
                + obs(
                        "a1",
                        null,
                        "AGENT",
                        "invoke_agent boss",
                        "10:00:00",
                        "10:01:00",
                        "\"metadata\":{\"attributes\":{\"gen_ai.agent.name\":\"boss\"}}")
                + ","
                + obs(
                        "g1",
                        "a1",
                        "GENERATION",
                        "chat",
                        "10:00:01",
                        "10:00:02",
                        "\"usageDetails\":{\"input\":\"12\",\"output\":\"3\"}")
                + ","
                + obs(
                        "a2",
                        "a1",
                        "AGENT",
                        "invoke_agent helper",
                        "10:00:03",
                        "10:00:30",
                        "\"metadata\":\"{\\\"attributes\\\":{\\\"gen_ai.agent.name\\\":\\\"helper\\\"}}\"")
                + "," + obs("g2", "a2", "GENERATION", "chat", "10:00:04", "10:00:05", "\"usageDetails\":{\"input\":7}")
                + ","
                + obs(
                        "t1tool",
                        "a2",
                        "TOOL",
                        "execute_tool fetch",
                        "10:00:06",
                        "10:00:07",
                        "\"level\":\"ERROR\",\"statusMessage\":\"HTTP 500\",\"input\":{\"url\":\"x\"}")
                + ","
                + obs(
                        "bad",
                        "a2",
                        "GENERATION",
                        "chat",
                        "10:00:08",
                        "10:00:09",
                        "\"usageDetails\":{\"input\":\"lots\"}")
                + "]}";
        Path file = Files.write(dir.resolve("exports.jsonl"), List.of(team, "{\"trace\": {\"id\": \"t2\"", "[1, 2]"));

        Read read = read(file);
        assertEquals(3, read.problems.size(), () -> read.problems.toString());
        assertEquals(
                new InputProblem(
                        "exports.jsonl:1",
                        "observations[5].usageDetails.input",
                        "must be a whole number >= 0 (or such a string), got \"lots\""),
                read.problems.get(0));
        assertEquals("exports.jsonl:2", read.problems.get(1).location());
        assertEquals("exports.jsonl:3", read.problems.get(2).location());

        TeamRun teamRun =
                assertInstanceOf(TraceRecord.Team.class, read.records.get(0)).teamRun();
        assertEquals(
                List.of("boss", "helper"),
                teamRun.agentRuns().stream().map(Run::agentId).toList());
        Run boss = teamRun.agentRuns().get(0);
        assertEquals(12, boss.turns().get(0).inputTokens(), "usageDetails as numeric strings");
        assertEquals(3, boss.turns().get(0).outputTokens());
        Run helper = teamRun.agentRuns().get(1);
        assertEquals(1, helper.turns().size(), "the bad generation is skipped");
        assertEquals(FinishReason.ERROR, helper.turns().get(0).finishReason(), "its tool failed");
        assertEquals(
                List.of(new ToolCall("fetch", Map.of("url", "x"), null)),
                helper.turns().get(0).toolCalls());
        assertEquals(1, teamRun.messageCount(), "boss invoked helper");
        assertNull(helper.errorMessage());
    }

    @Test
    void aFailedAgentObservationEndsTheRunWithError() throws IOException {
        String export = "{\"trace\":{\"id\":\"t3\"},\"observations\":["
                + obs(
                        "a1",
                        null,
                        "AGENT",
                        "invoke_agent solo",
                        "10:00:00",
                        "10:01:00",
                        "\"level\":\"ERROR\",\"statusMessage\":\"agent crashed\"")
                + "," + obs("g1", "a1", "GENERATION", "chat", "10:00:01", "10:00:02", "\"usageDetails\":{}")
                + "]}";
        Path file = Files.writeString(dir.resolve("failed.json"), export);

        Read read = read(file);
        assertEquals(List.of(), read.problems);
        Run run = assertInstanceOf(TraceRecord.SingleRun.class, read.records.get(0))
                .run();
        assertEquals("solo", run.agentId(), "an AGENT observation without attributes is named by its name");
        assertEquals(TerminationReason.ERROR, run.terminationReason());
        assertEquals("agent crashed", run.errorMessage());
    }

    @Test
    void anArrayOfExportsReportsBadObservationsByPointer() throws IOException {
        String good = "{\"trace\":{\"id\":\"t4\"},\"observations\":["
                + obs("g1", null, "GENERATION", "chat", "10:00:01", "10:00:02", "\"usageDetails\":{}") + "]}";
        String bad = "{\"trace\":{\"id\":\"t5\"},\"observations\":["
                + obs("g1", null, "GENERATION", "chat", "10:00:05", "10:00:02", "\"usageDetails\":{}") + ","
                + obs("g2", null, "GENERATION", "chat", "10:00:06", "10:00:07", "\"usageDetails\":{}") + "]}";
        Path file = Files.writeString(dir.resolve("exports.json"), "[\n" + good + ",\n" + bad + "\n]");

        Read read = read(file);
        assertEquals(2, read.records.size());
        assertEquals(1, read.problems.size());
        assertEquals("exports.json#/1/observations/0", read.problems.get(0).location());
        assertEquals("endTime", read.problems.get(0).field());
    }

    @Test
    void detectsByContent() {
        LangfuseFormat format = new LangfuseFormat();
        Path any = Path.of("export.txt");
        assertTrue(format.detect(any, "{\n  \"trace\": {\n    \"id\": \"x\""));
        assertTrue(format.detect(any, "{\"id\":\"x\",\"observations\":[]}"));
        assertFalse(format.detect(any, "{\"resourceSpans\":[]}"));
        assertFalse(format.detect(any, "[{\"task_id\": 1, \"traj\": []}]"));
    }

    private static String obs(
            String id, String parent, String type, String name, String start, String end, String extra) {
        return "{\"id\":\"" + id + "\",\"parentObservationId\":" + (parent == null ? "null" : "\"" + parent + "\"")
                + ",\"type\":\"" + type + "\",\"name\":\"" + name + "\",\"startTime\":\"2025-10-14T" + start
                + ".000Z\",\"endTime\":\"2025-10-14T" + end + ".000Z\"," + extra + "}";
    }
}
