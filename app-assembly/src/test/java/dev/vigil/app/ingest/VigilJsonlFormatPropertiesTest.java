package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Garbage lines mixed into a valid file never cost a valid record, and each is reported with its line. */
class VigilJsonlFormatPropertiesTest {

    static final List<String> VALID = List.of(
            VigilJsonlFormatTest.VALID_RUN,
            VigilJsonlFormatTest.VALID_RUN.replace("\"r1\"", "\"r2\""),
            "{\"kind\":\"team_run\",\"team_run_id\":\"t\",\"task_id\":\"x\",\"agent_runs\":[{\"run_id\":\"m\","
                    + "\"agent_id\":\"b\",\"termination_reason\":\"completed\"}],\"messages\":[]}",
            VigilJsonlFormatTest.VALID_RUN.replace("\"r1\"", "\"r4\""));

    @Property(tries = 200)
    void garbageNeverCostsAValidRecord(@ForAll("garbage") List<String> garbage, @ForAll("seeds") long seed)
            throws IOException {
        java.util.Random random = new java.util.Random(seed);
        List<String> lines = new ArrayList<>();
        List<Integer> garbageLines = new ArrayList<>();
        int g = 0;
        for (String valid : VALID) {
            while (g < garbage.size() && random.nextBoolean()) {
                lines.add(garbage.get(g++));
                garbageLines.add(lines.size());
            }
            lines.add(valid);
        }
        while (g < garbage.size()) {
            lines.add(garbage.get(g++));
            garbageLines.add(lines.size());
        }
        Path file = Files.createTempFile("vigil-garbage", ".jsonl");
        try {
            Files.write(file, lines);
            List<TraceRecord> records = new ArrayList<>();
            List<InputProblem> problems = new ArrayList<>();
            new VigilJsonlFormat().read(file, records::add, problems::add);

            assertEquals(VALID.size(), records.size());
            assertEquals(
                    garbageLines.stream().map(n -> file.getFileName() + ":" + n).toList(),
                    problems.stream().map(InputProblem::location).toList());
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<List<String>> garbage() {
        // Printable ASCII plus BMP text without surrogates: lines a broken exporter could really write.
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a0', '\ud7ff')
                .ofMinLength(1)
                .ofMaxLength(200)
                .filter(s -> !s.isBlank() && !s.strip().startsWith("//"));
        Arbitrary<String> truncated = Arbitraries.integers()
                .between(1, VigilJsonlFormatTest.VALID_RUN.length() - 1)
                .map(n -> VigilJsonlFormatTest.VALID_RUN.substring(0, n))
                .filter(s -> !s.isBlank());
        Arbitrary<String> wrongTypes = Arbitraries.of(
                "{\"kind\":\"run\",\"run_id\":7,\"agent_id\":\"a\",\"termination_reason\":\"completed\"}",
                "{\"kind\":\"run\",\"run_id\":\"r\",\"agent_id\":\"a\",\"termination_reason\":\"completed\",\"turns\":{}}",
                "{\"kind\":\"run\",\"run_id\":\" \",\"agent_id\":\"a\",\"termination_reason\":\"completed\"}",
                "{\"kind\":null}",
                "null",
                "{}",
                "{\"kind\":\"team_run\"}",
                "{\"kind\":\"run\",\"run_id\":\"r\",\"agent_id\":\"a\",\"termination_reason\":\"completed\",\"turns\":[{\"turn_number\":-1,\"finish_reason\":\"stop\"}]}",
                "{\"kind\":\"run\",\"run_id\":\"r\",\"agent_id\":\"a\",\"termination_reason\":\"completed\",\"turns\":[{\"turn_number\":1,\"finish_reason\":\"stop\",\"cost\":-1}]}");
        return Arbitraries.oneOf(text, truncated, wrongTypes).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
