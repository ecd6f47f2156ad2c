package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Hostile SWE-agent trajectories: entries shuffled and duplicated (an agent may really repeat a command), garbage
 * entries mixed in, the file cut short. Every valid entry stays a step, in order; every garbage entry is reported at
 * its JSON pointer; a cut file is reported, never thrown.
 */
class SweAgentFormatPropertiesTest {

    private static final List<String> GARBAGE = List.of(
            "7",
            "null",
            "\"ls\"",
            "[\"ls\"]",
            "{\"action\": 3}",
            "{\"action\": [\"ls\"]}",
            "{\"action\": \"ls\", \"observation\": {\"text\": \"x\"}}");

    @Property(tries = 150)
    void hostileEntriesNeverCostAValidStep(
            @ForAll @IntRange(min = 0, max = 8) int validCount,
            @ForAll("garbageIndexes") List<Integer> garbage,
            @ForAll @IntRange(min = 0, max = 3) int duplicates,
            @ForAll("infos") String info,
            @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < validCount; i++) {
            entries.add(valid(i));
        }
        for (int d = 0; d < duplicates && validCount > 0; d++) {
            entries.add(entries.get(random.nextInt(validCount)));
        }
        garbage.forEach(g -> entries.add(GARBAGE.get(g)));
        Collections.shuffle(entries, random);

        List<String> expectedCommands = new ArrayList<>();
        List<String> expectedProblems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (GARBAGE.contains(entries.get(i))) {
                expectedProblems.add("s.traj#/trajectory/" + i);
            } else {
                expectedCommands.add(entries.get(i).replaceAll(".*\"action\": \"cmd_(\\d+) .*", "cmd_$1"));
            }
        }
        String text = "{\"environment\": \"swe_main\", \"trajectory\": [" + String.join(", ", entries) + "], \"info\": "
                + info + "}";

        Path folder = Files.createTempDirectory("vigil-swe");
        Path file = folder.resolve("s.traj");
        try {
            Files.writeString(file, text);
            SweAgentFormatTest.Read read = SweAgentFormatTest.read(file);
            assertEquals(1, read.runs().size(), read.problems().toString());
            List<Turn> turns = read.runs().get(0).run().turns();
            assertEquals(
                    expectedCommands,
                    turns.stream().map(t -> t.toolCalls().get(0).name()).toList());
            assertEquals(
                    expectedProblems,
                    read.problems().stream()
                            .map(InputProblem::location)
                            .filter(l -> l.startsWith("s.traj#/trajectory/"))
                            .toList());
            if (!turns.isEmpty() && !info.contains("\"many\"")) {
                assertEquals(1000L, turns.stream().mapToLong(Turn::inputTokens).sum(), "tokens are spread, not lost");
            }

            // The same file cut anywhere: reported, never thrown.
            int cut = 1 + random.nextInt(text.length() - 1);
            Files.writeString(file, text.substring(0, cut));
            SweAgentFormatTest.Read truncated = SweAgentFormatTest.read(file);
            assertTrue(truncated.runs().isEmpty());
            assertEquals(1, truncated.problems().size());
        } finally {
            Files.deleteIfExists(file);
            Files.delete(folder);
        }
    }

    private static String valid(int i) {
        // Odd entries fail (the E999 check), even ones succeed.
        String observation = i % 2 == 1 ? "Your proposed edit has introduced new syntax error(s)." : "ok\\r\\n";
        return "{\"action\": \"cmd_" + i + " arg\\n\", \"observation\": \"" + observation + "\", \"thought\": \"t\"}";
    }

    @Provide
    Arbitrary<List<Integer>> garbageIndexes() {
        return Arbitraries.integers().between(0, GARBAGE.size() - 1).list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> infos() {
        return Arbitraries.of(
                "{\"exit_status\": \"submitted\", \"submission\": \"diff\", \"model_stats\": {\"tokens_sent\": 1000,"
                        + " \"tokens_received\": 10, \"total_cost\": 0.5, \"api_calls\": 3}}",
                "{\"exit_status\": \"exit_cost\", \"model_stats\": {\"tokens_sent\": 1000}}",
                "{\"exit_status\": \"submitted\", \"submission\": \"d\", \"model_stats\": {\"tokens_sent\": \"many\"}}",
                "{\"exit_status\": \"exit_format\", \"model_stats\": {\"tokens_sent\": 1000}}");
    }
}
