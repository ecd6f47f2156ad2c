package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentProcessBenchFormatTest {

    static final Path REAL = TauBenchFormatTest.TRACES.resolve("agentprocessbench-hotpotqa-dev-10queries.jsonl");

    @TempDir
    Path dir;

    @Test
    void readsTheRealFile() throws IOException {
        Read read = read(REAL);

        assertEquals(List.of(), read.problems);
        // `wc -l file` = 50 lines, one run each.
        assertEquals(50, read.runs.size());
        // `jq -s '[.[].messages[] | select(.role=="assistant")] | length' file` = 127 assistant messages = 127 steps.
        assertEquals(
                127, read.runs.stream().mapToInt(r -> r.run().steps().size()).sum());
        assertEquals(
                127, read.runs.stream().mapToInt(r -> r.run().turns().size()).sum());
        // `jq -s '[.[].messages[] | select(.role=="assistant") | (.tool_calls // []) | length] | add' file` = 73;
        // `grep -o '"tool_call_id"' file | wc -l` = 73 results.
        assertEquals(
                73, read.runs.stream().mapToInt(r -> r.run().totalToolCalls()).sum());
        // `grep -o '"content":"{\"error\"' file | wc -l` = 2: line 40's two {"error": "missing query_list/query"}
        // results, answering the calls of messages 4 and 6.
        TraceRecord.SingleRun line40 = read.runs.get(39);
        assertEquals(REAL.getFileName() + ":40", line40.origin());
        List<String> errorOrigins = new ArrayList<>();
        for (TraceRecord.SingleRun run : read.runs) {
            for (int k = 0; k < run.run().turns().size(); k++) {
                if (run.run().turns().get(k).finishReason() == FinishReason.ERROR) {
                    errorOrigins.add(run.stepOrigins().get(k));
                }
            }
        }
        String file = REAL.getFileName().toString();
        assertEquals(List.of(file + ":40#/messages/4", file + ":40#/messages/6"), errorOrigins);
    }

    @Test
    void theRealFileCarriesResultsTextAndTheQuestion() throws IOException {
        Read read = read(REAL);
        long withResult = read.runs.stream()
                .flatMap(r -> r.run().turns().stream())
                .flatMap(t -> t.toolCalls().stream())
                .filter(c -> c.result() != null)
                .count();
        assertEquals(73, withResult, "each of the 73 tool messages is its call's result");
        long errors = read.runs.stream()
                .flatMap(r -> r.run().turns().stream())
                .flatMap(t -> t.toolCalls().stream())
                .filter(c -> c.result() != null && c.result().error())
                .count();
        assertEquals(2, errors);
        // `jq -s '[.[].messages[] | select(.role=="assistant" and ((.content // "") | test("\\S")))] | length'` = 78.
        long texts = read.runs.stream()
                .flatMap(r -> r.run().turns().stream())
                .filter(t -> t.content() != null)
                .count();
        assertEquals(78, texts, "blank assistant text is no content");
        for (TraceRecord.SingleRun run : read.runs) {
            assertEquals(
                    ((String) run.run().metadata().get("question")).strip(),
                    run.run().metadata().get("task_prompt"),
                    "the question, stripped, is the task prompt");
            String last = run.run().turns().get(run.run().turns().size() - 1).content();
            assertTrue(last != null && last.contains("<answer>"), run.origin() + " ends with a marked answer");
        }
    }

    @Test
    void everyLabelAttachesToTheStepOfItsAssistantMessage() throws IOException {
        Read read = read(REAL);
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = Files.readAllLines(REAL);
        int labelled = 0;
        Map<StepQuality, Integer> counts = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            // Independent reading of the same line: step_labels maps an assistant message index to 1 / 0 / -1.
            JsonNode labels = mapper.readTree(lines.get(i)).get("step_labels");
            TraceRecord.SingleRun run = read.runs.get(i);
            List<Step> steps = run.run().steps();
            for (int k = 0; k < steps.size(); k++) {
                String origin = run.stepOrigins().get(k);
                String messageIndex = origin.substring(origin.lastIndexOf('/') + 1);
                JsonNode label = labels.get(messageIndex);
                StepQuality expected = label == null
                        ? null
                        : switch (label.asInt()) {
                            case 1 -> StepQuality.CORRECT;
                            case 0 -> StepQuality.NEUTRAL;
                            default -> StepQuality.INCORRECT;
                        };
                assertEquals(expected, steps.get(k).label(), origin);
                if (expected != null) {
                    labelled++;
                    counts.merge(expected, 1, Integer::sum);
                }
            }
            assertEquals(
                    labels.size(), steps.stream().filter(s -> s.label() != null).count(), "line " + (i + 1));
        }
        // `jq -s '[.[].step_labels | length] | add' file` = 127: every assistant message carries a label; by value
        // (grep the step_labels objects for :1 / :0 / :-1) 92 correct, 7 neutral, 28 incorrect.
        assertEquals(127, labelled);
        assertEquals(Map.of(StepQuality.CORRECT, 92, StepQuality.NEUTRAL, 7, StepQuality.INCORRECT, 28), counts);
    }

    @Test
    void samplesOfOneQueryAreCandidatesWithTheFinalLabelAsOutcome() throws IOException {
        Read read = read(REAL);
        Map<String, Set<Integer>> samples = new TreeMap<>();
        read.runs.forEach(r -> samples.computeIfAbsent(r.run().taskId(), k -> new TreeSet<>())
                .add(r.candidate().index()));
        // query_index 1, 6, ..., 46 with sample_index 0-4 each (README: 10 questions x 5 sampled runs).
        assertEquals(10, samples.size());
        samples.values().forEach(s -> assertEquals(Set.of(0, 1, 2, 3, 4), s));
        // `jq -s '[.[] | select(.final_label == 1)] | length' file` = 34; the other 16 lines have final_label -1.
        assertEquals(
                34,
                read.runs.stream().filter(r -> r.candidate().outcome() == 1.0).count());
        assertEquals(
                16,
                read.runs.stream().filter(r -> r.candidate().outcome() == -1.0).count());
        Run first = read.runs.get(0).run();
        assertEquals("agentprocessbench-hotpotqa-dev-10queries:row-5", first.runId());
        assertTrue(first.finalOutput().startsWith("No, only Freakonomics"));
    }

    @Test
    void readsToolCallsGivenAsAPythonLiteralString() throws IOException {
        String calls = "[{'id': 'call_1', 'type': 'function', 'function': {'name': 'search', "
                + "'arguments': '{\"query_list\": [\"it\\'s here\"]}'}}]";
        String line =
                "{\"total_index\": 3, \"query_index\": 0, \"sample_index\": 1, \"final_label\": -1, \"messages\": ["
                        + "{\"role\": \"user\", \"content\": \"q\"},"
                        + "{\"role\": \"assistant\", \"content\": \"\", \"tool_calls\": " + json(calls) + "},"
                        + "{\"role\": \"tool\", \"tool_call_id\": \"call_1\", \"content\": \"Error: search is down\"},"
                        + "{\"role\": \"assistant\", \"content\": \"<answer>x</answer>\"}],"
                        + "\"step_labels\": {\"1\": -1, \"3\": 0}}";
        Read read = readText(line);

        assertEquals(List.of(), read.problems);
        Run run = read.runs.get(0).run();
        assertEquals(
                new ToolCall("search", Map.of("query_list", List.of("it's here")), "call_1")
                        .withResult(new ToolResult("Error: search is down", true)),
                run.turns().get(0).toolCalls().get(0));
        assertEquals(FinishReason.ERROR, run.turns().get(0).finishReason());
        assertNull(run.turns().get(0).content(), "empty assistant text is no content");
        assertEquals("<answer>x</answer>", run.turns().get(1).content());
        assertEquals("q", run.metadata().get("task_prompt"), "no question field: the first user message");
        assertEquals(StepQuality.INCORRECT, run.steps().get(0).label());
        assertEquals(StepQuality.NEUTRAL, run.steps().get(1).label());
        assertEquals(
                List.of("a.jsonl:1#/messages/1", "a.jsonl:1#/messages/3"),
                read.runs.get(0).stepOrigins());
        assertEquals(new CandidateInfo(1, null, null, -1.0), read.runs.get(0).candidate());
    }

    @Test
    void aLabelOnAMessageThatIsNoAssistantMessageRejectsTheRun() throws IOException {
        String good = "{\"total_index\": 1, \"messages\": [{\"role\": \"assistant\", \"content\": \"a\"}], "
                + "\"step_labels\": {\"0\": 1}}";
        Read read = readText(good + "\n"
                + good.replace("\"total_index\": 1", "\"total_index\": 2").replace("{\"0\": 1}", "{\"1\": 1}") + "\n"
                + good.replace("\"total_index\": 1", "\"total_index\": 3").replace("{\"0\": 1}", "{\"0\": 2}") + "\n"
                + good.replace("\"total_index\": 1", "\"total_index\": 4").replace("{\"0\": 1}", "{\"x\": 1}") + "\n"
                + "{\"total_index\": 5, \"messages\": [{\"role\": \"assistant\", \"tool_calls\": \"[{'id': 'c'\"}]}\n"
                + "\n"
                + good + "\n"
                + "not json\n");

        assertEquals(1, read.runs.size());
        assertNull(read.runs.get(0).candidate(), "no query_index: not a candidate");
        assertEquals(
                List.of(
                        "a.jsonl:2: step_labels.1: names message 1, which is not an assistant message",
                        "a.jsonl:3: step_labels.0: must be 1, 0 or -1, got 2",
                        "a.jsonl:4: step_labels.x: the key must be a message index, got 'x'",
                        "a.jsonl:5: messages[0].tool_calls: is text but not a Python or JSON literal: "
                                + "unexpected end of text at offset 11",
                        "a.jsonl:7: total_index: duplicates the run at a.jsonl:1 (same total_index)"),
                read.problems.stream().map(InputProblem::toString).toList().subList(0, 5));
        assertTrue(read.problems.get(5).toString().startsWith("a.jsonl:8: line: not valid JSON"));
    }

    @Test
    void malformedUtf8CostsOnlyItsLine() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        String good = "{\"total_index\": 1, \"messages\": [{\"role\": \"assistant\", \"content\": \"a\"}]}\n";
        byte[] head = good.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0xff;
        bytes[head.length + 1] = (byte) 0xfe;
        bytes[head.length + 2] = '\n';
        Files.write(file, bytes);
        Files.writeString(file, good.replace("1", "2"), java.nio.file.StandardOpenOption.APPEND);
        Read read = read(file);
        assertEquals(2, read.runs.size());
        assertEquals(1, read.problems.size(), read.problems.toString());
        assertEquals("bad.jsonl:2", read.problems.get(0).location());
    }

    @Test
    void detectsAgentProcessBenchByContent() throws IOException {
        AgentProcessBenchFormat format = new AgentProcessBenchFormat();
        assertTrue(format.detect(REAL, TraceFormats.head(REAL)));
        assertTrue(format.detect(Path.of("data.txt"), "{\"total_index\":5,\"query_index\":1,\"messages\":[{"));
        assertFalse(format.detect(Path.of("x.jsonl"), "{\"kind\":\"run\",\"run_id\":\"r\",\"messages\":[]}"));
        assertFalse(format.detect(TauBenchFormatTest.REAL, TraceFormats.head(TauBenchFormatTest.REAL)));
    }

    private static String json(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Read readText(String text) throws IOException {
        Path file = dir.resolve("a.jsonl");
        Files.writeString(file, text);
        return read(file);
    }

    static Read read(Path file) throws IOException {
        List<TraceRecord> records = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        new AgentProcessBenchFormat().read(file, records::add, problems::add);
        return new Read(
                records.stream()
                        .map(r -> assertInstanceOf(TraceRecord.SingleRun.class, r))
                        .toList(),
                problems);
    }

    record Read(List<TraceRecord.SingleRun> runs, List<InputProblem> problems) {}
}
