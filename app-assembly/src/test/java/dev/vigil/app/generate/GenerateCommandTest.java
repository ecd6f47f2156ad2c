package dev.vigil.app.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.app.cli.VigilMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code vigil generate} command line, as a user types it. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheFileAndItAnalysesStrictly() throws IOException {
        Path out = dir.resolve("nested").resolve("demo.jsonl");
        assertEquals(
                0, VigilMain.run("generate", "--runs", "30", "--steps", "5", "--seed", "3", "--out", out.toString()));
        assertTrue(Files.size(out) > 0);
        assertEquals(
                0,
                VigilMain.run(
                        "analyze",
                        out.toString(),
                        "--strict",
                        "--no-progress",
                        "--report",
                        "json",
                        "--out",
                        dir.resolve("r.json").toString(),
                        "--set",
                        "notifications.dispatcher_enabled=false"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        String out = dir.resolve("x.jsonl").toString();
        assertEquals(2, VigilMain.run("generate", "--runs", "3", "--steps", "5", "--format", "csv", "--out", out));
        assertEquals(2, VigilMain.run("generate", "--runs", "0", "--steps", "5", "--out", out));
        assertEquals(2, VigilMain.run("generate", "--runs", "3", "--out", out), "--steps is required");
        assertEquals(2, VigilMain.run("analyze", out, "--threads", "0"));
    }
}
