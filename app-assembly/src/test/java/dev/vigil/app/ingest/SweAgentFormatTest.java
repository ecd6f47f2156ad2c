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
import dev.vigil.spi.model.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweAgentFormatTest {

    static final Path REAL = TauBenchFormatTest.TRACES.resolve("swe-agent-gpt4-pydicom-1458.traj");

    @TempDir
    Path dir;

    @Test
    void readsTheRealTrajectory() throws IOException {
        Read read = read(REAL);

        assertEquals(List.of(), read.problems);
        TraceRecord.SingleRun single = read.runs.get(0);
        Run run = single.run();
        assertEquals("swe-agent-gpt4-pydicom-1458", run.runId());
        assertEquals("swe-agent", run.agentId());
        // info.exit_status = "submitted" with a non-empty info.submission (a diff).
        assertEquals(TerminationReason.COMPLETED, run.terminationReason());
        assertTrue(run.finalOutput().contains("diff --git a/pydicom/pixel_data_handlers/numpy_handler.py"));
        // `jq '.trajectory | length' file` = 12 entries = 12 steps, each with its command as the one tool call.
        assertEquals(12, run.steps().size());
        assertEquals(12, run.totalToolCalls());
        assertEquals(
                List.of(
                        "create",
                        "edit",
                        "python",
                        "find_file",
                        "open",
                        "edit",
                        "edit",
                        "edit",
                        "edit",
                        "python",
                        "rm",
                        "submit"),
                run.turns().stream().map(t -> t.toolCallNames().get(0)).toList());
        assertEquals(
                ToolCall.ofRawArguments("python", "reproduce_bug.py", null),
                run.turns().get(2).toolCalls().get(0));
        assertEquals(
                new ToolCall("submit", Map.of()),
                run.turns().get(11).toolCalls().get(0));
        // `jq -c '[.trajectory | to_entries[] | select(.value.observation | contains("E999")) | .key]' file` = [5,6,7]:
        // the three rejected edits. Entry 2's traceback is the bug reproduced by the agent's script, not a failed
        // command, and entry 8's edit succeeds (the recovery).
        List<Integer> errors = new ArrayList<>();
        for (int k = 0; k < run.turns().size(); k++) {
            if (run.turns().get(k).finishReason() == FinishReason.ERROR) {
                errors.add(k);
            }
        }
        assertEquals(List.of(5, 6, 7), errors);
        assertEquals(FinishReason.TOOL_USE, run.turns().get(8).finishReason());
        // info.model_stats: tokens_sent 122612, tokens_received 1369, total_cost 1.26719, api_calls 12.
        assertEquals(122_612, run.turns().stream().mapToLong(Turn::inputTokens).sum());
        assertEquals(1_369, run.totalOutputTokens());
        assertEquals(1.26719, run.totalCost(), 1e-12);
        assertEquals(12L, run.metadata().get("api_calls"));
        assertEquals(List.of(), run.sourceSteps(), "one step per entry is the default segmentation");
        assertEquals(REAL.getFileName() + "#/trajectory/5", single.stepOrigins().get(5));
        assertEquals(12, single.stepOrigins().size());
        assertNull(single.candidate());
    }

    @ParameterizedTest
    @CsvSource({
        "submitted, patch, COMPLETED,",
        "submitted, '', NO_OP, submitted without a patch (info.submission is empty)",
        "submitted (exit_cost), patch, BUDGET_EXHAUSTED,",
        "submitted (exit_context), patch, BUDGET_EXHAUSTED,",
        "exit_cost, , BUDGET_EXHAUSTED,",
        "exit_total_execution_time, , MAX_TURNS,",
        "early_exit, , CANCELLED,",
        "exit_format, , ERROR, SWE-agent exited with status 'exit_format'",
        "submitted (exit_error), patch, ERROR, SWE-agent exited with status 'submitted (exit_error)'",
        ", , ERROR, info.exit_status is missing: the run did not finish",
    })
    void mapsTheExitStatus(String exitStatus, String submission, TerminationReason reason, String errorMessage)
            throws IOException {
        String info = "{" + (exitStatus == null ? "" : "\"exit_status\": \"" + exitStatus + "\", ") + "\"submission\": "
                + (submission == null ? "null" : "\"" + submission + "\"") + "}";
        Read read = readText(
                "{\"trajectory\": [{\"action\": \"ls\\n\", \"observation\": \"a.py\"}], \"info\": " + info + "}");

        Run run = read.runs.get(0).run();
        assertEquals(reason, run.terminationReason());
        assertEquals(errorMessage, run.errorMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Your proposed edit has introduced new syntax error(s). Please understand the fixes|true",
                "Error: <line> must be less than or equal to 372|true",
                "Usage: open <file> [<line_number>]|true",
                "/bin/bash: line 1: pytest: command not found|true",
                "No file open. Use the `open` command first.|true",
                "File foo.py not found|true",
                "cat: missing.txt: No such file or directory|true",
                "Traceback (most recent call last):  File x.py, line 1|false",
                "Script completed successfully, no errors.|false",
                "Found 3 matches for numpy_handler.py|false",
            })
    void recognisesFailedCommands(String observation, boolean failed) {
        assertEquals(failed, SweAgentFormat.failedCommand(observation));
    }

    @Test
    void badEntriesAreReportedWithTheirPointerAndTheRestIsKept() throws IOException {
        Read read = readText("{\"trajectory\": [{\"action\": \"ls\"}, 7, {\"action\": 3}, {\"action\": \"\"},"
                + " {\"action\": \"cat x\", \"observation\": \"cat: x: No such file or directory\"}],"
                + " \"info\": {\"exit_status\": \"submitted\", \"submission\": \"p\","
                + " \"model_stats\": {\"tokens_sent\": \"many\"}}}");

        assertEquals(
                List.of(
                        "s.traj#/trajectory/1: entry: must be a JSON object",
                        "s.traj#/trajectory/2: action: must be a string, got number",
                        "s.traj#: info.model_stats.tokens_sent: must be an integer, got \"many\" (tokens and cost left at 0)"),
                read.problems.stream().map(InputProblem::toString).toList());
        Run run = read.runs.get(0).run();
        assertEquals(3, run.turns().size());
        assertEquals(FinishReason.STOP, run.turns().get(1).finishReason(), "an empty action is a turn without a call");
        assertEquals(FinishReason.ERROR, run.turns().get(2).finishReason());
        assertEquals(
                List.of("s.traj#/trajectory/0", "s.traj#/trajectory/3", "s.traj#/trajectory/4"),
                read.runs.get(0).stepOrigins());
    }

    @Test
    void aFileThatIsNoTrajectoryIsReported() throws IOException {
        assertEquals(
                "s.traj#: trajectory: is required",
                readText("{\"info\": {}}").problems.get(0).toString());
        assertEquals(
                "s.traj#: record: must be a JSON object {trajectory, info}",
                readText("[1]").problems.get(0).toString());
        Read cut = readText("{\"trajectory\": [{\"action\": \"ls\"}, {\"act");
        assertEquals(List.of(), cut.runs);
        assertTrue(
                cut.problems.get(0).toString().startsWith("s.traj:1: file: not valid JSON"), cut.problems.toString());
    }

    @Test
    void malformedUtf8IsReportedNotThrown() throws IOException {
        Path file = dir.resolve("bad.traj");
        byte[] head = "{\"trajectory\": [{\"action\": \"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 5);
        bytes[head.length] = (byte) 0xff;
        bytes[head.length + 1] = '"';
        bytes[head.length + 2] = '}';
        bytes[head.length + 3] = ']';
        bytes[head.length + 4] = '}';
        Files.write(file, bytes);
        Read read = read(file);
        assertEquals(List.of(), read.runs);
        assertEquals(1, read.problems.size(), read.problems.toString());
    }

    @Test
    void detectsSweAgentByContent() throws IOException {
        SweAgentFormat format = new SweAgentFormat();
        assertTrue(format.detect(REAL, TraceFormats.head(REAL)));
        assertTrue(
                format.detect(Path.of("run.json"), "{\"trajectory\": [{\"action\": \"ls\", \"observation\": \"\"}]"));
        assertFalse(format.detect(Path.of("run.json"), "{\"trace\": {}, \"observations\": []}"));
        assertFalse(format.detect(TauBenchFormatTest.REAL, TraceFormats.head(TauBenchFormatTest.REAL)));
    }

    private Read readText(String text) throws IOException {
        Path file = dir.resolve("s.traj");
        Files.writeString(file, text);
        return read(file);
    }

    static Read read(Path file) throws IOException {
        List<TraceRecord> records = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        new SweAgentFormat().read(file, records::add, problems::add);
        return new Read(
                records.stream()
                        .map(r -> assertInstanceOf(TraceRecord.SingleRun.class, r))
                        .toList(),
                problems);
    }

    record Read(List<TraceRecord.SingleRun> runs, List<InputProblem> problems) {}
}
