package dev.vigil.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.app.generate.GenerationSummary;
import dev.vigil.app.generate.GeneratorConfig;
import dev.vigil.app.generate.TraceGenerator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace file much larger than the heap streams through {@code vigil analyze} in a separate JVM with a small heap:
 * the analysis holds a bounded window of runs, and the JSON report is written as it goes.
 */
class StreamingAnalysisTest {

    /** The child JVM's heap; the file is several times larger. */
    static final String HEAP = "-Xmx64m";

    /** About 110 MB of traces: 5,000 runs of 50 steps. */
    static final int RUNS = 5_000;

    static final int STEPS = 50;

    @TempDir
    Path dir;

    @Test
    void aFileLargerThanTheHeapIsAnalysedInBoundedMemory() throws IOException, InterruptedException {
        Path traces = dir.resolve("big.jsonl");
        GenerationSummary generated = new TraceGenerator(GeneratorConfig.of(RUNS, STEPS)).writeTo(traces);
        long fileBytes = Files.size(traces);
        assertTrue(fileBytes > 100_000_000L, () -> "the file should dwarf the 64 MB heap, got " + fileBytes);

        Path report = dir.resolve("report.json");
        Path gcLog = dir.resolve("gc.log");
        Path output = dir.resolve("child.txt");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-Xlog:gc:file=" + gcLog,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.vigil.app.cli.VigilMain",
                "analyze",
                traces.toString(),
                "--report",
                "json",
                "--out",
                report.toString(),
                "--strict",
                "--no-progress",
                "--set",
                "notifications.dispatcher_enabled=false");
        long started = System.nanoTime();
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean done = child.waitFor(8, TimeUnit.MINUTES);
        if (!done) {
            child.destroyForcibly();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String childOutput = tail(output);
        assertTrue(done, () -> "analysis did not finish in 8 minutes; output:\n" + childOutput);
        assertEquals(0, child.exitValue(), () -> "exit code; output:\n" + childOutput);

        JsonNode summary;
        try (var parser = new ObjectMapper().createParser(report.toFile())) {
            summary = summaryOf(parser);
        }
        assertEquals(generated.runs(), summary.get("runs").asInt());
        assertEquals(generated.steps(), summary.get("steps").asLong());
        assertEquals(0, summary.get("input_errors").asInt());
        // Not an assertion on time: printed so that the test's cost stays visible in the build log.
        System.out.printf(
                "streamed %.0f MB under %s in %.1f s (report %.0f MB)%n",
                fileBytes / 1e6, HEAP, seconds, Files.size(report) / 1e6);
    }

    /** Reads the report's {@code summary} object without loading the (large) runs array into memory. */
    private static JsonNode summaryOf(com.fasterxml.jackson.core.JsonParser parser) throws IOException {
        parser.nextToken(); // the report object
        while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("summary")) {
                return parser.readValueAsTree();
            }
            parser.skipChildren();
        }
        throw new AssertionError("the report has no summary");
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join(
                File.separator.equals("/") ? "\n" : "\r\n",
                lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
