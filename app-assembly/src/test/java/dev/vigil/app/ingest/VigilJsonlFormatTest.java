package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.TerminationReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VigilJsonlFormatTest {

    static final Path EXAMPLES = Path.of("..", "examples", "traces");
    static final String VALID_RUN =
            "{\"kind\":\"run\",\"run_id\":\"r1\",\"agent_id\":\"a\",\"termination_reason\":\"completed\","
                    + "\"turns\":[{\"turn_number\":1,\"finish_reason\":\"tool_use\",\"tool_calls\":[{\"name\":\"search\","
                    + "\"arguments\":{\"q\":\"x\"},\"id\":\"c1\"}]},{\"turn_number\":2,\"finish_reason\":\"stop\"}]}";

    @TempDir
    Path dir;

    @Test
    void readsEveryBundledExampleWithoutProblems() throws IOException {
        List<Path> files;
        try (var stream = Files.list(EXAMPLES)) {
            files = stream.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertEquals(6, files.size());
        Read total = new Read();
        for (Path file : files) {
            assertTrue(new VigilJsonlFormat().detect(file, Files.readString(file)), file + " is detected as vigil");
            new VigilJsonlFormat().read(file, total.records::add, total.problems::add);
        }
        assertEquals(List.of(), total.problems);
        long teams = total.records.stream()
                .filter(r -> r instanceof TraceRecord.Team)
                .count();
        long candidates = total.records.stream()
                .filter(r -> r instanceof TraceRecord.SingleRun s && s.candidate() != null)
                .count();
        assertEquals(1, teams);
        assertEquals(4, candidates);
        assertEquals(12, total.records.size(), "4 scenario runs, 4 candidates, 3 baseline runs and 1 team run");
    }

    @Test
    void mapsEveryField() throws IOException {
        Read read = read(VALID_RUN);
        TraceRecord.SingleRun single = assertInstanceOf(TraceRecord.SingleRun.class, read.records.get(0));
        Run run = single.run();
        assertEquals("r1", run.taskId(), "task id defaults to the run id");
        assertEquals(2, run.turns().size());
        assertEquals(FinishReason.TOOL_USE, run.turns().get(0).finishReason());
        assertEquals("search", run.turns().get(0).toolCalls().get(0).name());
        assertEquals("c1", run.turns().get(0).toolCalls().get(0).id());
        assertEquals(1, run.turns().get(1).priorToolCallCount(), "running total filled in");
        assertEquals("runs.jsonl:1", single.origin());
        assertNull(single.candidate());
    }

    @Test
    void toolResultsAndTurnContentAreRead() throws IOException {
        Read read = read("{\"kind\":\"run\",\"run_id\":\"r\",\"agent_id\":\"a\",\"termination_reason\":\"completed\","
                + "\"turns\":[{\"turn_number\":1,\"finish_reason\":\"tool_use\",\"content\":\"Let me look.\","
                + "\"tool_calls\":[{\"name\":\"search\",\"arguments\":{\"q\":\"x\"},"
                + "\"result\":{\"content\":\"Error: index offline\",\"error\":true}}]}]}");
        Run run = ((TraceRecord.SingleRun) read.records.get(0)).run();
        assertEquals("Let me look.", run.turns().get(0).content());
        assertEquals(
                "Error: index offline",
                run.turns().get(0).toolCalls().get(0).result().content());
        assertTrue(run.turns().get(0).toolCalls().get(0).result().error());
    }

    @Test
    void sourceStepsCarryLabels() throws IOException {
        Read read = read("{\"kind\":\"run\",\"run_id\":\"r\",\"agent_id\":\"a\",\"termination_reason\":\"completed\","
                + "\"turns\":[{\"turn_number\":1,\"finish_reason\":\"tool_use\"},{\"turn_number\":2,\"finish_reason\":\"stop\"}],"
                + "\"steps\":[{\"turns\":[1,2],\"label\":\"incorrect\"}]}");
        Run run = ((TraceRecord.SingleRun) read.records.get(0)).run();
        assertEquals(1, run.steps().size());
        assertEquals(StepQuality.INCORRECT, run.steps().get(0).label());
    }

    @Test
    void nonObjectArgumentsAreKeptRaw() throws IOException {
        Read read = read(
                "{\"kind\":\"run\",\"run_id\":\"r\",\"agent_id\":\"a\",\"termination_reason\":\"completed\","
                        + "\"turns\":[{\"turn_number\":1,\"finish_reason\":\"tool_use\",\"tool_calls\":[{\"name\":\"bash\",\"arguments\":\"ls -la\"}]}]}");
        Run run = ((TraceRecord.SingleRun) read.records.get(0)).run();
        assertEquals("ls -la", run.turns().get(0).toolCalls().get(0).arguments().get("_raw"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json at all | line | not valid JSON",
                "{\"kind\":\"run\",\"agent_id\":\"a\",\"termination_reason\":\"completed\"} | run_id | is required",
                "{\"kind\":\"walk\"} | kind | must be 'run' or 'team_run', got 'walk'",
                "{\"kind\":\"run\",\"run_id\":\"r\",\"agent_id\":\"a\",\"termination_reason\":\"done\"} | termination_reason | must be one of [completed, max_turns, budget_exhausted, shutdown, parked, stagnation, cancelled, error, no_op], got 'done'",
                "{\"kind\":\"run\",\"run_id\":\"r\",\"agent_id\":\"a\",\"termination_reason\":\"completed\",\"turns\":[{\"turn_number\":1,\"finish_reason\":\"stop\",\"input_tokens\":\"many\"}]} | turns[0].input_tokens | must be an integer",
                "{\"kind\":\"run\",\"run_id\":\"r\",\"agent_id\":\"a\",\"termination_reason\":\"completed\",\"turns\":[{\"turn_number\":2,\"finish_reason\":\"stop\"},{\"turn_number\":1,\"finish_reason\":\"stop\"}]} | record | turns must have strictly increasing turnNumber, got 1 after 2",
                "{\"kind\":\"run\",\"run_id\":\"r\",\"agent_id\":\"a\",\"termination_reason\":\"error\"} | record | errorMessage is required when terminationReason is error",
                "{\"kind\":\"team_run\",\"team_run_id\":\"t\",\"task_id\":\"x\",\"agent_runs\":[]} | agent_runs | must not be empty",
                "[1,2,3] | record | must be a JSON object",
            })
    void badLinesAreReportedWithFileLineAndFieldWhileGoodLinesAreRead(String bad, String field, String problem)
            throws IOException {
        Read read = read(VALID_RUN, bad, VALID_RUN.replace("\"r1\"", "\"r3\""));
        assertEquals(2, read.records.size(), "the good lines around the bad one are read");
        assertEquals(1, read.problems.size());
        InputProblem reported = read.problems.get(0);
        assertEquals("runs.jsonl:2", reported.location());
        assertEquals(field, reported.field());
        assertTrue(reported.problem().startsWith(problem), reported.toString());
        assertTrue(reported.toString().startsWith("runs.jsonl:2: " + field + ": "));
    }

    @Test
    void commentsAndBlankLinesAreSkippedButCounted() throws IOException {
        Read read = read("// a comment", "", VALID_RUN, "broken");
        assertEquals(1, read.records.size());
        assertEquals("runs.jsonl:4", read.problems.get(0).location());
    }

    @Test
    void detectsByContentNotByName() throws IOException {
        assertTrue(new VigilJsonlFormat().detect(dir.resolve("trace.txt"), "// header\n" + VALID_RUN));
        assertFalse(new VigilJsonlFormat().detect(dir.resolve("x.jsonl"), "{\"messages\":[]}"));
        assertTrue(
                new VigilJsonlFormat().detect(dir.resolve("x.jsonl"), "garbage first line\n" + VALID_RUN),
                "a broken first line does not hide the file's format");
        assertEquals(
                TerminationReason.COMPLETED,
                ((TraceRecord.SingleRun) read(VALID_RUN).records.get(0)).run().terminationReason());
    }

    Read read(String... lines) throws IOException {
        Path file = dir.resolve("runs.jsonl");
        Files.write(file, List.of(lines));
        Read read = new Read();
        new VigilJsonlFormat().read(file, read.records::add, read.problems::add);
        return read;
    }

    static final class Read {
        final List<TraceRecord> records = new ArrayList<>();
        final List<InputProblem> problems = new ArrayList<>();
    }
}
