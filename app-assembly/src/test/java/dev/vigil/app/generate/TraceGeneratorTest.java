package dev.vigil.app.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.app.analysis.AnalysisSummary;
import dev.vigil.app.analysis.Engines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code vigil generate}: deterministic bytes, and files that analyse cleanly into exactly what was generated. */
class TraceGeneratorTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(GeneratedFormat.class)
    void theSameSeedGivesTheSameBytes(GeneratedFormat format) throws IOException {
        GeneratorConfig config = new GeneratorConfig(120, 9, 5, 2026L, format);
        byte[] first = bytes(config);
        byte[] second = bytes(config);
        assertArrayEquals(first, second);

        // And through the file API, too.
        Path file = dir.resolve("a.jsonl");
        new TraceGenerator(config).writeTo(file);
        assertArrayEquals(first, Files.readAllBytes(file));
    }

    @ParameterizedTest
    @EnumSource(GeneratedFormat.class)
    void anotherSeedGivesAnotherFile(GeneratedFormat format) throws IOException {
        assertFalse(Arrays.equals(
                bytes(new GeneratorConfig(50, 6, 4, 1L, format)), bytes(new GeneratorConfig(50, 6, 4, 2L, format))));
    }

    @Test
    void aVigilFileAnalysesWithoutErrorsIntoWhatWasGenerated() throws IOException {
        Path file = dir.resolve("mix.jsonl");
        GenerationSummary generated =
                new TraceGenerator(new GeneratorConfig(500, 14, 8, 7L, GeneratedFormat.VIGIL)).writeTo(file);

        AnalysisSummary analysed = Engines.analyze(List.of(file), 2).summary();

        assertEquals(List.of(), analysed.inputProblems());
        assertEquals(generated.runs(), analysed.runs());
        assertEquals(generated.steps(), analysed.steps());
        assertEquals(500L * 14, analysed.steps(), "every run has exactly --steps steps");
        assertEquals(generated.teamRuns(), analysed.teamRuns());
        assertEquals(generated.bestOfKGroups(), analysed.bestOfKGroups());
        assertEquals(10, generated.teamRuns(), "one team run after every 50 runs");
        assertTrue(generated.bestOfKGroups() > 0);
        assertTrue(analysed.ticketsRaised() > 0, "stagnation loops and fatal errors raise tickets");
        assertEquals(Files.size(file), generated.bytes());
    }

    @Test
    void anOtlpFileAnalysesWithoutErrorsIntoWhatWasGenerated() throws IOException {
        Path file = dir.resolve("spans.jsonl");
        GenerationSummary generated =
                new TraceGenerator(new GeneratorConfig(120, 7, 3, 9L, GeneratedFormat.OTLP)).writeTo(file);

        AnalysisSummary analysed = Engines.analyze(List.of(file), 2).summary();

        assertEquals(List.of(), analysed.inputProblems());
        assertEquals(generated.runs(), analysed.runs());
        assertEquals(generated.steps(), analysed.steps());
        assertEquals(generated.teamRuns(), analysed.teamRuns());
        assertEquals(2, generated.teamRuns());
        assertEquals(0, generated.bestOfKGroups(), "OTLP has no best-of-K candidates");
    }

    @Test
    void theMixHasEveryScenario() throws IOException {
        GenerationSummary summary = new TraceGenerator(new GeneratorConfig(600, 10, 8, 3L, GeneratedFormat.VIGIL))
                .writeTo(dir.resolve("x"));
        summary.scenarios().forEach((scenario, count) -> assertTrue(count > 0, () -> scenario + " never generated"));
        assertEquals(
                summary.runs(),
                summary.scenarios().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum());
    }

    @Test
    void oneAgentMeansNoTeamRuns() throws IOException {
        assertEquals(
                0,
                new TraceGenerator(new GeneratorConfig(120, 3, 1, 5L, GeneratedFormat.VIGIL))
                        .writeTo(dir.resolve("solo.jsonl"))
                        .teamRuns());
    }

    @Property(tries = 40)
    void anyValidConfigWritesExactlyTheRequestedRunsAndSteps(
            @ForAll @IntRange(min = 1, max = 40) int runs,
            @ForAll @IntRange(min = 1, max = 30) int steps,
            @ForAll @IntRange(min = 1, max = 12) int agents,
            @ForAll long seed)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GenerationSummary summary =
                new TraceGenerator(new GeneratorConfig(runs, steps, agents, seed, GeneratedFormat.VIGIL)).writeTo(out);
        String text = out.toString(StandardCharsets.UTF_8);
        long runLines = text.lines()
                .filter(line -> line.startsWith("{\"kind\":\"run\""))
                .count();
        long turns = text.lines()
                .filter(line -> line.startsWith("{\"kind\":\"run\""))
                .mapToLong(line -> line.split("\"turn_number\":", -1).length - 1)
                .sum();
        assertEquals(runs, runLines);
        assertEquals((long) runs * steps, turns);
        assertEquals(runs, summary.runs());
        assertEquals(out.size(), summary.bytes());
    }

    @ParameterizedTest
    @CsvSource({"0, 5, 2, runs must be >= 1", "5, 0, 2, steps must be in", "5, 5, 0, agents must be >= 1"})
    void rejectsNonsense(int runs, int steps, int agents, String message) {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> new GeneratorConfig(runs, steps, agents, 1L, GeneratedFormat.VIGIL));
        assertTrue(error.getMessage().startsWith(message), error.getMessage());
    }

    private static byte[] bytes(GeneratorConfig config) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TraceGenerator(config).writeTo(out);
        return out.toByteArray();
    }
}
