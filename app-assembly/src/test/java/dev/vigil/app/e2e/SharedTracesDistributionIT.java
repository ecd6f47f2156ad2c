package dev.vigil.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil analyze} on the folder of real third-party traces beside the repository: every file's format is
 * detected, nothing is rejected, and the counts are those a person gets by reading the files.
 */
class SharedTracesDistributionIT {

    static final Path SHARED_TRACES =
            Path.of("..", "..", "shared", "traces").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    void everyRealTraceIsAnalysedWithoutInputErrors() throws Exception {
        assumeTrue(Files.isDirectory(SHARED_TRACES), "the shared traces sit beside the repository in CI");
        Path report = temp.resolve("report.json");
        Distribution.Result result = Distribution.built()
                .run("analyze", SHARED_TRACES.toString(), "--strict", "--report", "json", "--out", report.toString());
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        JsonNode summary = json.get("summary");
        assertEquals(7, json.get("teams").get(0).get("members").size(), "ChatDev's seven roles, each analysed");
        assertEquals(5, summary.get("files").asInt(), "every trace file, README.md aside");
        assertEquals(0, summary.get("input_errors").asInt());
        // 48 tau-bench trials + 50 AgentProcessBench samples + 1 SWE-agent trajectory + 1 Langfuse trace.
        assertEquals(100, summary.get("runs").asInt());
        // The ChatDev log is one team run of seven roles.
        assertEquals(1, summary.get("team_runs").asInt());
        // 12 tau-bench tasks x 4 trials and 10 AgentProcessBench questions x 5 samples.
        assertEquals(22, summary.get("best_of_k_groups").asInt());
    }
}
