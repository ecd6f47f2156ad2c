package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Hostile AgentProcessBench files: valid runs shuffled and duplicated, mixed with truncated lines, random text and
 * wrong records. Every distinct valid run is read, every other non-blank line is reported with its line number.
 */
class AgentProcessBenchFormatPropertiesTest {

    static String valid(int totalIndex) {
        return "{\"total_index\": " + totalIndex + ", \"query_index\": " + (totalIndex / 5) + ", \"sample_index\": "
                + (totalIndex % 5) + ", \"final_label\": 1, \"messages\": ["
                + "{\"role\": \"system\", \"content\": \"s\"}, {\"role\": \"user\", \"content\": \"q\"},"
                + "{\"role\": \"assistant\", \"content\": \"\", \"tool_calls\": \"[{'id': 'c', 'type': 'function', "
                + "'function': {'name': 'search', 'arguments': '{\\\"q\\\": 1}'}}]\"},"
                + "{\"role\": \"tool\", \"tool_call_id\": \"c\", \"content\": \"{\\\"error\\\": \\\"down\\\"}\"},"
                + "{\"role\": \"assistant\", \"content\": \"<answer>a</answer>\"}],"
                + "\"step_labels\": {\"2\": -1, \"4\": 1}}";
    }

    private static final List<String> WRONG = List.of(
            "null",
            "[]",
            "{}",
            "{\"total_index\": 900, \"messages\": {}}",
            "{\"total_index\": 901, \"messages\": [{\"role\": \"assistant\"}], \"step_labels\": {\"0\": 5}}",
            "{\"total_index\": 902, \"messages\": [{\"role\": \"user\"}], \"step_labels\": {\"0\": 1}}",
            "{\"total_index\": 903, \"messages\": [{\"role\": \"assistant\", \"tool_calls\": \"[{'id': }]\"}]}",
            "{\"total_index\": \"x\", \"messages\": []}",
            "{\"total_index\": 904, \"query_index\": 1, \"sample_index\": -3, \"messages\": []}",
            "{\"total_index\": 905, \"messages\": [{\"role\": \"assistant\", \"usage\": {\"prompt_tokens\": -1}}]}");

    @Property(tries = 150)
    void hostileLinesNeverCostAValidRun(
            @ForAll @IntRange(min = 0, max = 6) int validCount,
            @ForAll("garbage") List<String> garbage,
            @ForAll @IntRange(min = 0, max = 3) int duplicates,
            @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < validCount; i++) {
            lines.add(valid(i));
        }
        for (int d = 0; d < duplicates && validCount > 0; d++) {
            lines.add(lines.get(random.nextInt(validCount)));
        }
        List<String> bad = new ArrayList<>(garbage);
        lines.addAll(bad);
        Collections.shuffle(lines, random);

        Set<String> expectedRuns = new LinkedHashSet<>();
        List<Integer> expectedProblemLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("{\"total_index\": ") && line.endsWith("\"step_labels\": {\"2\": -1, \"4\": 1}}")) {
                String id = line.substring(16, line.indexOf(','));
                if (!expectedRuns.add("a:row-" + id)) {
                    expectedProblemLines.add(i + 1);
                }
            } else {
                expectedProblemLines.add(i + 1);
            }
        }

        Path folder = Files.createTempDirectory("vigil-apb");
        Path file = folder.resolve("a.jsonl");
        try {
            Files.write(file, lines);
            AgentProcessBenchFormatTest.Read read = AgentProcessBenchFormatTest.read(file);

            assertEquals(
                    List.copyOf(expectedRuns),
                    read.runs().stream().map(r -> r.run().runId()).toList());
            assertEquals(
                    expectedProblemLines.stream().map(n -> "a.jsonl:" + n).toList(),
                    read.problems().stream().map(InputProblem::location).toList());
            read.runs()
                    .forEach(r -> assertEquals(
                            2,
                            r.run().steps().stream()
                                    .filter(s -> s.label() != null)
                                    .count()));
        } finally {
            Files.deleteIfExists(file);
            Files.delete(folder);
        }
    }

    @Provide
    Arbitrary<List<String>> garbage() {
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a0', '\ud7ff')
                .ofMinLength(1)
                .ofMaxLength(120)
                .filter(s -> !s.isBlank());
        String template = valid(77);
        Arbitrary<String> truncated = Arbitraries.integers()
                .between(1, template.length() - 1)
                .map(n -> template.substring(0, n))
                .filter(s -> !s.isBlank());
        return Arbitraries.oneOf(text, truncated, Arbitraries.of(WRONG)).list().ofMaxSize(6);
    }
}
