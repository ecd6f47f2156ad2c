package dev.vigil.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil eval steps} and {@code vigil eval select} on the development traces, text and JSON. */
class EvalCommandTest {

    static final Path TRACES = Path.of("..", "..", "shared", "traces");
    static final String APB =
            TRACES.resolve("agentprocessbench-hotpotqa-dev-10queries.jsonl").toString();
    static final String TAU =
            TRACES.resolve("taubench-gpt4o-airline-12tasks-x4trials.json").toString();

    record Result(int code, String out, String err) {}

    @BeforeAll
    static void tracesPresent() {
        assumeTrue(Files.isReadable(Path.of(APB)) && Files.isReadable(Path.of(TAU)), "dev traces not found");
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = VigilMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void stepsPrintsTheFiguresTheClassesAndTheBaseline() {
        Result result = run("eval", "steps", APB);
        assertEquals(0, result.code(), result.err());
        assertTrue(
                result.out().contains("classifier grounded; 50 labelled run(s) of 50 read, 127 labelled step(s)"),
                result.out());
        assertTrue(result.out().contains("85.8 %"), result.out());
        assertTrue(result.out().contains("baseline: all CORRECT"), result.out());
        assertTrue(result.out().contains("72.4 %"), result.out());
        assertTrue(result.out().contains("Confusion matrix"), result.out());
        assertTrue(result.out().contains("incorrect"), result.out());
    }

    @Test
    void stepsAsJsonWithTheSeedClassifier() throws IOException {
        Result result = run("eval", "steps", APB, "--report", "json", "--set", "engine.classifier.name=rule_based");
        assertEquals(0, result.code(), result.err());
        JsonNode root = new ObjectMapper().readTree(result.out());
        assertEquals("rule_based", root.get("classifier").asText());
        JsonNode scores = root.get("classifier_scores");
        assertEquals(127, scores.get("labelled_steps").asInt());
        assertEquals(61 / 127.0, scores.get("step_accuracy").asDouble(), 1e-9);
        assertEquals(0.6, scores.get("first_error_accuracy").asDouble(), 1e-9);
        // rule_based: every completed tool step CORRECT, every answer NEUTRAL, the two tool errors INCORRECT.
        assertEquals(59, scores.at("/confusion/correct/correct").asInt());
        assertEquals(33, scores.at("/confusion/correct/neutral").asInt());
        assertEquals(2, scores.at("/confusion/incorrect/incorrect").asInt());
        assertEquals(28, scores.at("/per_class/incorrect/human").asInt());
        assertEquals(92 / 127.0, root.at("/baselines/all_correct/step_accuracy").asDouble(), 1e-9);
    }

    @Test
    void selectReportsSelectionNextToTheBaselines() throws IOException {
        Result result = run("eval", "select", TAU, "--report", "json");
        assertEquals(0, result.code(), result.err());
        JsonNode root = new ObjectMapper().readTree(result.out());
        assertEquals(12, root.get("tasks").asInt());
        assertEquals(48, root.get("candidates").asInt());
        assertEquals("state_changing", root.at("/selection/vote_scope").asText());
        assertEquals("agreement", root.at("/selection/ranking").asText());
        assertEquals(8 / 12.0, root.at("/success/selected").asDouble(), 1e-9);
        assertEquals(26 / 48.0, root.at("/success/pass_at_1").asDouble(), 1e-9);
        assertEquals(10 / 12.0, root.at("/success/oracle").asDouble(), 1e-9);
        assertEquals(12, root.get("per_task").size());
    }

    @Test
    void selectWithTheSeedScorerInText() {
        Result result = run(
                "eval",
                "select",
                TAU,
                "--set",
                "engine.trajectory.selection.vote_scope=last_turn",
                "--set",
                "engine.trajectory.selection.ranking=joint_score",
                "--set",
                "engine.trajectory.selection.estimate_missing_tokens=false");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("vote=last_turn ranking=joint_score estimate=off"), result.out());
        assertTrue(result.out().contains("pass@1 (mean outcome)"), result.out());
        assertTrue(result.out().contains("0.542"), result.out());
    }

    @Test
    void writesTheReportToAFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sub").resolve("steps.json");
        Result result = run("eval", "steps", APB, "--report", "json", "--out", out.toString());
        assertEquals(0, result.code(), result.err());
        assertEquals("", result.out());
        assertEquals(
                "eval steps",
                new ObjectMapper().readTree(out.toFile()).get("command").asText());
    }

    @Test
    void inputsWithoutLabelsOrCandidatesAreUsageErrors(@TempDir Path dir) throws IOException {
        Result noLabels = run("eval", "steps", TAU);
        assertEquals(2, noLabels.code());
        assertTrue(noLabels.err().contains("no labelled step in 48 run(s) read"), noLabels.err());

        Path single = dir.resolve("one.json");
        Files.writeString(single, "[{\"task_id\": 1, \"trial\": 0, \"reward\": 1.0, \"traj\": []}]");
        Result oneCandidate = run("eval", "select", single.toString());
        assertEquals(2, oneCandidate.code());
        assertTrue(oneCandidate.err().contains("no task with two or more candidates"), oneCandidate.err());

        Result missing = run("eval", "steps", dir.resolve("absent.jsonl").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("input not found"), missing.err());

        Result badSetting = run("eval", "select", TAU, "--set", "engine.trajectory.selection.ranking=best");
        assertEquals(2, badSetting.code());
        assertTrue(badSetting.err().contains("engine.trajectory.selection.ranking"), badSetting.err());
    }

    @Test
    void evalAloneListsItsSubcommands() {
        Result result = run("eval");
        assertEquals(0, result.code());
        assertTrue(result.out().contains("steps") && result.out().contains("select"), result.out());
    }
}
