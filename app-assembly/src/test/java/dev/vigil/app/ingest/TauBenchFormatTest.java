package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.ToolResult;
import dev.vigil.spi.model.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TauBenchFormatTest {

    static final Path TRACES = Path.of("..", "..", "shared", "traces");
    static final Path REAL = TRACES.resolve("taubench-gpt4o-airline-12tasks-x4trials.json");

    @TempDir
    Path dir;

    @Test
    void readsTheRealFileAsTwelveTasksOfFourCandidates() throws IOException {
        Read read = read(REAL);

        assertEquals(List.of(), read.problems);
        // `grep -c '"task_id"' file` = 48 records.
        assertEquals(48, read.runs.size());
        Map<String, Set<Integer>> trialsByTask = new TreeMap<>();
        for (TraceRecord.SingleRun run : read.runs) {
            trialsByTask
                    .computeIfAbsent(run.run().taskId(), k -> new TreeSet<>())
                    .add(run.candidate().index());
        }
        // `jq -c 'group_by(.task_id) | map({t: .[0].task_id, n: length})' file`: tasks 1, 8, 12, 13, 14, 15, 21, 30,
        // 41, 42, 44, 48, each with trials 0-3.
        assertEquals(12, trialsByTask.size());
        trialsByTask.values().forEach(trials -> assertEquals(Set.of(0, 1, 2, 3), trials));
        assertTrue(trialsByTask.containsKey("taubench-gpt4o-airline-12tasks-x4trials:task-48"));
        // `grep -c '^  "reward": 1.0' file` = 26 successes (the other 22 have reward 0.0).
        assertEquals(
                26,
                read.runs.stream().filter(r -> r.candidate().outcome() == 1.0).count());
        assertEquals(
                22,
                read.runs.stream().filter(r -> r.candidate().outcome() == 0.0).count());

        // `grep -c '"role": "assistant"' file` = 465 assistant messages = 465 turns = 465 steps.
        assertEquals(
                465, read.runs.stream().mapToInt(r -> r.run().turns().size()).sum());
        assertEquals(
                465, read.runs.stream().mapToInt(r -> r.run().steps().size()).sum());
        // `grep -c '"type": "function"' file` = 189 tool calls; `grep -c '"tool_call_id"' file` = 189 results.
        assertEquals(
                189, read.runs.stream().mapToInt(r -> r.run().totalToolCalls()).sum());
        // `grep -c '"content": "Error' file` = 22 tool errors; no assistant message makes two calls, so 22 turns.
        assertEquals(
                22,
                read.runs.stream()
                        .flatMap(r -> r.run().turns().stream())
                        .filter(t -> t.finishReason() == FinishReason.ERROR)
                        .count());
        read.runs.forEach(r -> assertEquals(TerminationReason.COMPLETED, r.run().terminationReason()));
    }

    @Test
    void pairsRepeatedCallIdsByPosition() throws IOException {
        // Task 8, trial 1 (element 5): call id call_GDP9uRp1LTGyOSpZA8kzwiII is used by traj[18] (think) and again by
        // traj[22] (calculate); call_dhYivf6VRUVJfU9DItC2EQ95 by traj[38] (book_reservation, answered with an Error)
        // and traj[40] (think, answered with ""). Only the book_reservation turns may finish with an error.
        Read read = read(REAL);
        TraceRecord.SingleRun run = read.runs.get(5);
        assertEquals(
                "taubench-gpt4o-airline-12tasks-x4trials:task-8:trial-1",
                run.run().runId());
        List<String> origins = run.stepOrigins();
        Turn book = run.run().turns().get(origins.indexOf(REAL.getFileName() + "#/5/traj/38"));
        Turn think = run.run().turns().get(origins.indexOf(REAL.getFileName() + "#/5/traj/40"));
        assertEquals(List.of("book_reservation"), book.toolCallNames());
        assertEquals(FinishReason.ERROR, book.finishReason());
        assertEquals(List.of("think"), think.toolCallNames());
        assertEquals(FinishReason.TOOL_USE, think.finishReason());
        assertEquals(
                3,
                run.run().turns().stream()
                        .filter(t -> t.finishReason() == FinishReason.ERROR)
                        .count());
    }

    @Test
    void namesTheAssistantMessageOfEveryStep() throws IOException {
        Read read = read(REAL);
        TraceRecord.SingleRun first = read.runs.get(0);
        // Element 0: system at traj[0], then user/assistant alternating: assistant messages at 2, 4, 6, ...
        assertEquals(REAL.getFileName() + "#/0", first.origin());
        assertEquals(REAL.getFileName() + "#/0/traj/2", first.stepOrigins().get(0));
        assertEquals(first.run().steps().size(), first.stepOrigins().size());
        read.runs.forEach(
                r -> assertEquals(r.run().steps().size(), r.stepOrigins().size()));
    }

    @Test
    void theRealFileCarriesEveryResultAndTheOpeningUserMessage() throws IOException {
        Read read = read(REAL);
        for (TraceRecord.SingleRun single : read.runs) {
            Run run = single.run();
            long calls = run.totalToolCalls();
            long results = run.turns().stream()
                    .flatMap(t -> t.toolCalls().stream())
                    .filter(c -> c.result() != null)
                    .count();
            assertEquals(calls, results, single.origin() + ": τ-bench answers every call");
            assertEquals(
                    ((Number) run.metadata().get("tool_errors")).longValue(),
                    run.turns().stream()
                            .flatMap(t -> t.toolCalls().stream())
                            .filter(c -> c.result().error())
                            .count(),
                    single.origin());
            assertTrue(run.metadata().get("task_prompt") instanceof String, single.origin());
        }
    }

    @Test
    void mapsCallsResultsAndErrors() throws IOException {
        String traj = "[{\"role\":\"system\",\"content\":\"policy\"},{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_user\",\"arguments\":\"{\\\"user_id\\\":\\\"u1\\\"}\"}},"
                + "{\"id\":\"c2\",\"type\":\"function\",\"function\":{\"name\":\"calc\",\"arguments\":\"1+1\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c2\",\"name\":\"calc\",\"content\":\"2\"},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"name\":\"get_user\",\"content\":\"Error: user not found\"},"
                + "{\"role\":\"assistant\",\"content\":\"Sorry, no such user.\"}]";
        Read read = readText("[{\"task_id\": 7, \"trial\": 2, \"reward\": 0.5, \"info\": {}, \"traj\": " + traj + "}]");

        assertEquals(List.of(), read.problems);
        TraceRecord.SingleRun single = read.runs.get(0);
        Run run = single.run();
        assertEquals(new CandidateInfo(2, null, null, 0.5), single.candidate());
        assertEquals("t:task-7", run.taskId());
        assertEquals("t", run.agentId(), "the file name stands for the agent: τ-bench records carry no model name");
        assertEquals(2, run.turns().size());
        Turn calls = run.turns().get(0);
        assertEquals(FinishReason.ERROR, calls.finishReason(), "the result starting with Error pairs with c1");
        assertEquals(
                new ToolCall("get_user", Map.of("user_id", "u1"), "c1")
                        .withResult(new ToolResult("Error: user not found", true)),
                calls.toolCalls().get(0),
                "each tool message becomes its call's result, paired by id");
        assertEquals(
                ToolCall.ofRawArguments("calc", "1+1", "c2").withResult(new ToolResult("2", false)),
                calls.toolCalls().get(1));
        assertNull(calls.content(), "an assistant message without text has no content");
        assertEquals(FinishReason.STOP, run.turns().get(1).finishReason());
        assertEquals("Sorry, no such user.", run.turns().get(1).content());
        assertEquals("hi", run.metadata().get("task_prompt"), "the first user message is the task prompt");
        assertEquals(2, run.turns().get(1).priorToolCallCount());
        assertEquals("Sorry, no such user.", run.finalOutput());
        assertEquals(List.of("t.json#/0/traj/2", "t.json#/0/traj/5"), single.stepOrigins());
    }

    @Test
    void aCrashedRunRecordedInInfoErrorEndsWithError() throws IOException {
        Read read = readText("[{\"task_id\": 3, \"trial\": 0, \"reward\": 0.0, \"info\": {\"error\": \"Rate limit\","
                + " \"traceback\": \"...\"}, \"traj\": []}]");
        Run run = read.runs.get(0).run();
        assertEquals(TerminationReason.ERROR, run.terminationReason());
        assertEquals("Rate limit", run.errorMessage());
        assertEquals(List.of("t.json#/0"), read.runs.get(0).stepOrigins(), "one empty step, located at the record");
    }

    @Test
    void reportsBadAndDuplicateElementsAndKeepsTheRest() throws IOException {
        String good = "{\"task_id\": 1, \"trial\": 0, \"reward\": 1.0, \"traj\": []}";
        Read read = readText("[" + good + ", 42, {\"task_id\": 1, \"trial\": 1, \"traj\": {}},"
                + " {\"task_id\": 1, \"trial\": 2, \"traj\": [{\"content\": \"x\"}]}, " + good + ","
                + " {\"task_id\": 2, \"trial\": 0, \"traj\": []}]");

        assertEquals(2, read.runs.size());
        assertEquals(
                List.of(
                        "t.json#/1: record: must be a JSON object",
                        "t.json#/2: traj: must be an array of chat messages",
                        "t.json#/3: traj[0].role: is required",
                        "t.json#/4: trial: duplicates the record at t.json#/0 (same task_id and trial)"),
                read.problems.stream().map(InputProblem::toString).toList());
    }

    @Test
    void aTruncatedFileKeepsTheElementsBeforeTheCut() throws IOException {
        String good = "{\"task_id\": 1, \"trial\": 0, \"reward\": 1.0, \"traj\": []}";
        Read read =
                readText("[" + good + ", " + good.replace("\"trial\": 0", "\"trial\": 1") + ", {\"task_id\": 1, \"tr");

        assertEquals(2, read.runs.size());
        assertEquals(1, read.problems.size());
        assertTrue(
                read.problems.get(0).toString().startsWith("t.json#/2: record: not valid JSON"),
                read.problems.toString());
    }

    @Test
    void detectsTauBenchByContentOnly() throws IOException {
        TauBenchFormat format = new TauBenchFormat();
        assertTrue(format.detect(REAL, TraceFormats.head(REAL)));
        assertTrue(format.detect(Path.of("results.txt"), "[\n {\n  \"task_id\": 1,\n  \"reward\": 0.0,"));
        List<String> others;
        try (var files = Files.list(TRACES)) {
            others = files.filter(p -> !p.equals(REAL))
                    .filter(p -> {
                        try {
                            return format.detect(p, TraceFormats.head(p));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toList());
        }
        assertEquals(List.of(), others);
        assertFalse(format.detect(Path.of("x.json"), "[{\"kind\":\"run\"}]"));
    }

    @Test
    void malformedUtf8IsReportedNotThrown() throws IOException {
        Path file = dir.resolve("bad.json");
        byte[] good =
                "[{\"task_id\": 1, \"trial\": 0, \"traj\": []}, \"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 4);
        bytes[good.length] = (byte) 0xff;
        bytes[good.length + 1] = (byte) 0xfe;
        bytes[good.length + 2] = '"';
        bytes[good.length + 3] = ']';
        Files.write(file, bytes);
        Read read = read(file);
        assertEquals(1, read.runs.size());
        assertEquals(1, read.problems.size(), read.problems.toString());
    }

    @Test
    void theBuiltInRegistryDetectsEachRealFileAsItsFormat() throws IOException {
        TraceFormats formats = TraceFormats.builtIn();
        Map<String, String> expected = Map.of(
                "taubench-gpt4o-airline-12tasks-x4trials.json", TauBenchFormat.NAME,
                "agentprocessbench-hotpotqa-dev-10queries.jsonl", AgentProcessBenchFormat.NAME,
                "swe-agent-gpt4-pydicom-1458.traj", SweAgentFormat.NAME,
                "chatdev-RPG_V1-20231026174838.log", ChatDevFormat.NAME);
        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertEquals(
                    file.getValue(),
                    formats.detect(TRACES.resolve(file.getKey()))
                            .map(TraceFormat::name)
                            .orElse("none"),
                    file.getKey());
            assertTrue(formats.byName(file.getValue()).isPresent());
        }
    }

    @Test
    void theRunsHaveNoTokensBecauseTheFileHasNone() throws IOException {
        Read read = read(REAL);
        assertEquals(0, read.runs.stream().mapToLong(r -> r.run().totalTokens()).sum());
        assertNull(read.runs.get(0).candidate().traceTokens());
    }

    private Read readText(String json) throws IOException {
        Path file = dir.resolve("t.json");
        Files.writeString(file, json);
        return read(file);
    }

    static Read read(Path file) throws IOException {
        List<TraceRecord> records = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        new TauBenchFormat().read(file, records::add, problems::add);
        List<TraceRecord.SingleRun> runs = records.stream()
                .map(r -> assertInstanceOf(TraceRecord.SingleRun.class, r))
                .toList();
        return new Read(runs, problems);
    }

    record Read(List<TraceRecord.SingleRun> runs, List<InputProblem> problems) {}
}
