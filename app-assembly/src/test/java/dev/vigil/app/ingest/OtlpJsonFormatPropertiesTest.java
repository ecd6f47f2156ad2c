package dev.vigil.app.ingest;

import static dev.vigil.app.ingest.OtlpJsonSamples.failed;
import static dev.vigil.app.ingest.OtlpJsonSamples.request;
import static dev.vigil.app.ingest.OtlpJsonSamples.span;
import static dev.vigil.app.ingest.OtlpJsonSamples.spanId;
import static dev.vigil.app.ingest.OtlpJsonSamples.traceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * Hostile OTLP/JSON: valid request lines reordered and duplicated, with garbage, truncated lines and wrongly typed
 * records mixed in. The reader never throws past its problem report, reports every bad line by its number, and every
 * valid trace still comes out whole.
 */
class OtlpJsonFormatPropertiesTest {

    /** Each valid line is one whole trace; trace id → expected turn count. */
    static final List<String> VALID = new ArrayList<>();

    static final Map<String, Integer> TURNS = new TreeMap<>();

    static {
        try {
            for (int i = 0; i < 4; i++) {
                String t = traceId(100 + i);
                VALID.add(OtlpJsonSamples.MAPPER.writeValueAsString(request(
                        "svc-" + i,
                        span(
                                t,
                                spanId(3),
                                null,
                                "chat",
                                2000,
                                3000,
                                "gen_ai.operation.name",
                                "chat",
                                "gen_ai.usage.input_tokens",
                                "9"),
                        failed(
                                span(
                                        t,
                                        spanId(2),
                                        null,
                                        "execute_tool x",
                                        1100,
                                        1200,
                                        "gen_ai.operation.name",
                                        "execute_tool",
                                        "gen_ai.tool.name",
                                        "x"),
                                "boom"),
                        span(
                                t,
                                spanId(1),
                                null,
                                "chat",
                                0,
                                1000,
                                "gen_ai.operation.name",
                                "chat",
                                "gen_ai.usage.prompt_tokens",
                                5))));
                TURNS.put(t, 2);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 150)
    void garbageReorderingAndDuplicatesNeverCostAValidTrace(
            @ForAll("garbage") List<String> garbage, @ForAll("seeds") long seed) throws IOException {
        Random random = new Random(seed);
        List<String> valid = new ArrayList<>(VALID);
        Collections.shuffle(valid, random); // reordered
        for (int i = 0; i < 2; i++) {
            if (random.nextBoolean()) {
                valid.add(valid.get(random.nextInt(valid.size()))); // duplicated
            }
        }
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
        Path file = Files.createTempFile("vigil-otlp", ".jsonl");
        try {
            Files.write(file, lines);
            List<TraceRecord> records = new ArrayList<>();
            List<InputProblem> problems = new ArrayList<>();
            new OtlpJsonFormat().read(file, records::add, problems::add);

            Map<String, Integer> turns = new TreeMap<>();
            for (TraceRecord record : records) {
                TraceRecord.SingleRun single = (TraceRecord.SingleRun) record;
                assertEquals(
                        null,
                        turns.put(single.run().taskId(), single.run().turns().size()),
                        "one record per trace");
            }
            assertEquals(TURNS, turns);
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

    @Property(tries = 100)
    void aTruncatedSingleDocumentKeepsWhatCameBeforeTheCut(@ForAll("cuts") int cut) throws IOException {
        // Two traces in two ResourceSpans, pretty-printed as one document, cut anywhere.
        String t1 = traceId(201);
        String t2 = traceId(202);
        var request = request("svc", span(t1, spanId(1), null, "chat", 0, 10, "gen_ai.operation.name", "chat"));
        var second = request("svc", span(t2, spanId(1), null, "chat", 0, 10, "gen_ai.operation.name", "chat"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) request.get("resourceSpans"))
                .add(second.get("resourceSpans").get(0));
        String text = OtlpJsonSamples.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(request);
        int at = Math.min(cut, text.length());
        String secondTrace = "\"" + t2 + "\"";
        Path file = Files.createTempFile("vigil-otlp", ".json");
        try {
            Files.writeString(file, text.substring(0, at));
            List<TraceRecord> records = new ArrayList<>();
            List<InputProblem> problems = new ArrayList<>();
            new OtlpJsonFormat().read(file, records::add, problems::add);

            if (at == text.length()) {
                assertEquals(List.of(), problems);
                assertEquals(2, records.size());
            } else if (at > 0) {
                assertTrue(
                        problems.stream().anyMatch(p -> p.problem().startsWith("not valid JSON")), problems::toString);
            }
            if (at > text.indexOf(secondTrace)) {
                // The first ResourceSpans was complete before the cut: its trace is kept.
                assertTrue(
                        records.stream().anyMatch(r -> r.origin().contains("/resourceSpans/0/")),
                        () -> records + " " + problems);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 5000);
    }

    @Provide
    Arbitrary<List<String>> garbage() {
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a0', '\ud7ff')
                .ofMinLength(1)
                .ofMaxLength(200)
                .filter(s -> !s.isBlank());
        String longest = VALID.get(0);
        Arbitrary<String> truncated = Arbitraries.integers()
                .between(1, longest.length() - 1)
                .map(n -> longest.substring(0, n))
                .filter(s -> !s.isBlank());
        String t = traceId(999);
        Arbitrary<String> wrongTypes = Arbitraries.of(
                "{\"resourceSpans\":{}}",
                "{\"resourceSpans\":[5]}",
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[7]}]}]}",
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"zz\",\"spanId\":\"0000000000000001\"}]}]}]}",
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + t
                        + "\",\"spanId\":\"0000000000000001\",\"startTimeUnixNano\":\"soon\"}]}]}]}",
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + t
                        + "\",\"spanId\":\"0000000000000001\",\"startTimeUnixNano\":\"1\",\"attributes\":[{\"key\":\"a\","
                        + "\"value\":{\"intValue\":\"x\"}}]}]}]}",
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + t
                        + "\",\"spanId\":\"0000000000000001\",\"startTimeUnixNano\":\"1\",\"status\":{\"code\":9}}]}]}]}",
                "{}",
                "null",
                "[]",
                "{\"resourceSpans\":[{\"scopeSpans\":\"x\"}]}");
        return Arbitraries.oneOf(text, truncated, wrongTypes).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
