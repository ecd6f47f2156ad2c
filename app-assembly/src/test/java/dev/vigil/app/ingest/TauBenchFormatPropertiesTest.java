package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Hostile τ-bench arrays: valid elements shuffled, duplicated, mixed with garbage elements and cut short. The reader
 * never throws, keeps every distinct valid element before the cut, and reports each other element once.
 */
class TauBenchFormatPropertiesTest {

    private static final String TRAJ =
            "[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"\","
                    + "\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"Error: no\"},{\"role\":\"assistant\",\"content\":\"ok\"}]";

    private static final List<String> GARBAGE = List.of(
            "42",
            "null",
            "\"text\"",
            "[]",
            "{}",
            "{\"task_id\": null, \"trial\": 0, \"traj\": []}",
            "{\"task_id\": 1.5, \"trial\": 0, \"traj\": []}",
            "{\"task_id\": 1, \"trial\": -1, \"traj\": []}",
            "{\"task_id\": 1, \"trial\": \"0\", \"traj\": []}",
            "{\"task_id\": 1, \"trial\": 0}",
            "{\"task_id\": 1, \"trial\": 0, \"traj\": [42]}",
            "{\"task_id\": 1, \"trial\": 0, \"traj\": [{\"role\": 3}]}",
            "{\"task_id\": 1, \"trial\": 0, \"reward\": \"high\", \"traj\": []}",
            "{\"task_id\": 1, \"trial\": 0, \"traj\": [{\"role\":\"assistant\",\"tool_calls\":\"[{'function': {}}]\"}]}",
            "{\"task_id\": 1, \"trial\": 0, \"traj\": [{\"role\":\"assistant\",\"tool_calls\":\"not python\"}]}",
            "{\"task_id\": 1, \"trial\": 0, \"traj\": [{\"role\":\"assistant\",\"tool_calls\":{\"a\":1}}]}");

    @Property(tries = 150)
    void hostileArraysNeverCostAValidElement(
            @ForAll @IntRange(min = 0, max = 8) int validCount,
            @ForAll("garbageIndexes") List<Integer> garbage,
            @ForAll @IntRange(min = 0, max = 4) int duplicates,
            @ForAll boolean truncate,
            @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        List<String> elements = new ArrayList<>();
        List<String> validIds = new ArrayList<>();
        for (int i = 0; i < validCount; i++) {
            elements.add(valid(i / 3, i % 3));
            validIds.add("p:task-" + (i / 3) + ":trial-" + (i % 3));
        }
        for (int d = 0; d < duplicates && validCount > 0; d++) {
            elements.add(elements.get(random.nextInt(validCount)));
        }
        garbage.forEach(g -> elements.add(GARBAGE.get(g)));
        Collections.shuffle(elements, random);

        String text = "[\n" + String.join(",\n", elements) + "\n]";
        int cutElement = elements.size();
        List<Integer> containers = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).startsWith("{") || elements.get(i).startsWith("[")) {
                containers.add(i);
            }
        }
        if (truncate && !containers.isEmpty()) {
            // Cut inside a random object or array element (a cut scalar could still read as a shorter scalar):
            // every element before it is complete.
            cutElement = containers.get(random.nextInt(containers.size()));
            int start = text.indexOf(elements.get(cutElement), prefixLength(elements, cutElement));
            text = text.substring(
                    0,
                    start
                            + 1
                            + random.nextInt(
                                    Math.max(1, elements.get(cutElement).length() - 1)));
        }
        Set<String> expected = new LinkedHashSet<>();
        int expectedProblems = 0;
        for (int i = 0; i < cutElement; i++) {
            String element = elements.get(i);
            if (GARBAGE.contains(element)) {
                expectedProblems++;
            } else if (!expected.add(idOf(element))) {
                expectedProblems++; // a duplicate
            }
        }
        if (cutElement < elements.size()) {
            expectedProblems++; // the cut
        }

        Path folder = Files.createTempDirectory("vigil-tau");
        Path named = folder.resolve("p.json");
        try {
            Files.writeString(named, text);
            TauBenchFormatTest.Read read = TauBenchFormatTest.read(named);

            assertEquals(
                    List.copyOf(expected),
                    read.runs().stream().map(r -> r.run().runId()).toList());
            assertEquals(
                    expectedProblems, read.problems().size(), read.problems().toString());
            read.problems().forEach(p -> assertTrue(p.location().startsWith("p.json#"), p.toString()));
            assertTrue(validIds.containsAll(expected));
        } finally {
            Files.deleteIfExists(named);
            Files.delete(folder);
        }
    }

    private static int prefixLength(List<String> elements, int index) {
        int length = 2; // "[\n"
        for (int i = 0; i < index; i++) {
            length += elements.get(i).length() + 2; // ",\n"
        }
        return length;
    }

    private static String valid(int task, int trial) {
        return "{\"task_id\": " + task + ", \"trial\": " + trial + ", \"reward\": 1.0, \"traj\": " + TRAJ + "}";
    }

    private static String idOf(String element) {
        int task = Integer.parseInt(element.replaceAll("(?s).*\"task_id\": (\\d+).*", "$1"));
        int trial = Integer.parseInt(element.replaceAll("(?s).*\"trial\": (\\d+).*", "$1"));
        return "p:task-" + task + ":trial-" + trial;
    }

    @Provide
    Arbitrary<List<Integer>> garbageIndexes() {
        return Arbitraries.integers().between(0, GARBAGE.size() - 1).list().ofMaxSize(6);
    }
}
