package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile Langfuse exports: the real export, one per line under new trace ids, its observations reordered and the
 * lines duplicated, with garbage, truncated lines and wrongly typed records mixed in. The reader never throws past its
 * problem report, reports every bad line, and every valid trace still comes out with its two turns and one tool call.
 */
class LangfuseFormatPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Property(tries = 150)
    void garbageReorderingAndDuplicatesNeverCostAValidTrace(
            @ForAll("garbage") List<String> garbage, @ForAll("seeds") long seed) throws IOException {
        Random random = new Random(seed);
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            valid.add(realExportAs("trace-" + i, random)); // observations reordered
        }
        Map<String, Integer> expected = new TreeMap<>(Map.of("trace-0", 2, "trace-1", 2, "trace-2", 2));
        if (random.nextBoolean()) {
            valid.add(valid.get(random.nextInt(valid.size()))); // a duplicated line
        }
        Collections.shuffle(valid, random);
        List<String> lines = new ArrayList<>();
        List<Integer> garbageLines = new ArrayList<>();
        int g = 0;
        for (String line : valid) {
            while (g < garbage.size() && random.nextBoolean()) {
                lines.add(garbage.get(g++));
                garbageLines.add(lines.size());
            }
            lines.add(line);
        }
        while (g < garbage.size()) {
            lines.add(garbage.get(g++));
            garbageLines.add(lines.size());
        }
        Path file = Files.createTempFile("vigil-langfuse", ".jsonl");
        try {
            Files.write(file, lines);
            List<TraceRecord> records = new ArrayList<>();
            List<InputProblem> problems = new ArrayList<>();
            new LangfuseFormat().read(file, records::add, problems::add);

            Map<String, Integer> turns = new TreeMap<>();
            for (TraceRecord record : records) {
                TraceRecord.SingleRun single = (TraceRecord.SingleRun) record;
                assertEquals(1, single.run().totalToolCalls());
                turns.put(single.run().taskId(), single.run().turns().size());
            }
            assertEquals(expected, turns);
            assertEquals(valid.size(), records.size(), "a duplicated line is a second copy of its trace, not lost");
            List<String> locations =
                    problems.stream().map(InputProblem::location).toList();
            for (int line : garbageLines) {
                assertTrue(
                        locations.contains(file.getFileName() + ":" + line), () -> "line " + line + " in " + problems);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 60)
    void theRealExportCutAnywhereNeverThrows(@ForAll("cuts") int cut) throws IOException {
        String text = Files.readString(LangfuseFormatTest.REAL);
        Path file = Files.createTempFile("vigil-langfuse", ".json");
        try {
            Files.writeString(file, text.substring(0, Math.min(cut, text.length())));
            List<TraceRecord> records = new ArrayList<>();
            List<InputProblem> problems = new ArrayList<>();
            new LangfuseFormat().read(file, records::add, problems::add);
            assertTrue(records.size() <= 1);
            if (cut > 0 && cut < text.strip().length()) {
                assertTrue(records.isEmpty() && !problems.isEmpty(), () -> records + " " + problems);
            }
        } finally {
            Files.delete(file);
        }
    }

    /** The real export on one line, under trace id {@code traceId}, with its observations shuffled. */
    static String realExportAs(String traceId, Random random) throws IOException {
        ObjectNode export = (ObjectNode) MAPPER.readTree(LangfuseFormatTest.REAL.toFile());
        ((ObjectNode) export.get("trace")).put("id", traceId);
        ArrayNode observations = (ArrayNode) export.get("observations");
        List<JsonNode> shuffled = new ArrayList<>();
        observations.forEach(o -> shuffled.add(((ObjectNode) o).put("traceId", traceId)));
        Collections.shuffle(shuffled, random);
        observations.removeAll();
        observations.addAll(shuffled);
        return MAPPER.writeValueAsString(export);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 20_000);
    }

    @Provide
    Arbitrary<List<String>> garbage() throws IOException {
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a0', '\ud7ff')
                .ofMinLength(1)
                .ofMaxLength(200)
                .filter(s -> !s.isBlank());
        String line = realExportAs("cut", new Random(1));
        Arbitrary<String> truncated = Arbitraries.integers()
                .between(1, line.length() - 1)
                .map(n -> line.substring(0, n))
                .filter(s -> !s.isBlank());
        Arbitrary<String> wrongTypes = Arbitraries.of(
                "{\"trace\":{\"id\":\"x\"},\"observations\":{}}",
                "{\"trace\":{\"id\":\"x\"}}",
                "{\"trace\":5,\"observations\":[]}",
                "{\"trace\":{},\"observations\":[]}",
                "{\"trace\":{\"id\":\"x\"},\"observations\":[{\"id\":\"o\",\"type\":\"GENERATION\"}]}",
                "{\"trace\":{\"id\":\"x\"},\"observations\":[{\"id\":\"o\",\"type\":\"GENERATION\","
                        + "\"startTime\":\"yesterday\"}]}",
                "{\"trace\":{\"id\":\"x\"},\"observations\":[{\"id\":\"o\",\"type\":\"GENERATION\","
                        + "\"startTime\":\"2025-10-14T16:44:29Z\",\"usageDetails\":{\"input\":-1}}]}",
                "{\"trace\":{\"id\":\"x\"},\"observations\":[7]}",
                "{}",
                "null",
                "[]");
        return Arbitraries.oneOf(text, truncated, wrongTypes).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
