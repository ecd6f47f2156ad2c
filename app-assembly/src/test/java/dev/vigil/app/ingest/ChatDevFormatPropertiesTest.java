package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.spi.model.TeamRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Hostile ChatDev logs: exchanges shuffled and repeated, garbage entries and stray text between them, the log cut at
 * any line. Every reply that is in the file is a turn and every utterance a message; every garbage entry is reported
 * once; nothing throws.
 */
class ChatDevFormatPropertiesTest {

    private static final String BAD_TIMESTAMP = "[2023-99-99 10:00:00 INFO] Programmer: **[Start Chat]**\n\nlost\n";
    private static final String BAD_USAGE =
            "[2023-26-10 10:00:00 INFO] **[OpenAI_Usage_Info Receive]**\nprompt_tokens: x\ncompletion_tokens: 1\n";
    private static final String NOISE = "[2023-26-10 10:00:00 INFO] flask app.py did not start for online log\n";

    @Property(tries = 150)
    void hostileLogsNeverCostAnUtterance(
            @ForAll @IntRange(min = 0, max = 6) int exchanges,
            @ForAll @IntRange(min = 0, max = 3) int repeats,
            @ForAll("garbage") List<String> garbage,
            @ForAll boolean cut,
            @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < exchanges; i++) {
            blocks.add(ChatDevFormatTest.exchange(
                    "2023-26-10 10:" + two(i) + ":00",
                    "2023-26-10 10:" + two(i) + ":30",
                    "2023-26-10 10:" + two(i) + ":31"));
        }
        for (int r = 0; r < repeats && exchanges > 0; r++) {
            blocks.add(blocks.get(random.nextInt(exchanges)));
        }
        blocks.addAll(garbage);
        Collections.shuffle(blocks, random);
        List<String> lines = new ArrayList<>();
        blocks.forEach(b -> lines.addAll(Arrays.asList(b.split("\n", -1))));
        if (cut && !lines.isEmpty()) {
            lines.subList(random.nextInt(lines.size()), lines.size()).clear();
        }

        int replies = 0;
        int utterances = 0;
        int badEntries = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("<->")) {
                replies++;
                utterances++;
            } else if (line.contains("**[Start Chat]**") && !line.startsWith("[2023-99-99")) {
                utterances++;
            }
            if (line.startsWith("[2023-99-99")) {
                badEntries++;
            }
            if (line.endsWith("**[OpenAI_Usage_Info Receive]**") && !completeUsage(lines, i + 1)) {
                badEntries++; // the garbage block, or a good one that the cut left without its token lines
            }
        }

        Path folder = Files.createTempDirectory("vigil-chatdev");
        Path file = folder.resolve("c.log");
        try {
            Files.write(file, lines);
            ChatDevFormatTest.Read read = ChatDevFormatTest.read(file);

            if (utterances == 0) {
                assertEquals(List.of(), read.teams());
                assertEquals(
                        badEntries + 1, read.problems().size(), read.problems().toString());
                return;
            }
            TeamRun team = read.teams().get(0);
            assertEquals(utterances, team.messageCount());
            assertEquals(replies, team.turns().size());
            assertEquals(badEntries, read.problems().size(), read.problems().toString());
        } finally {
            Files.deleteIfExists(file);
            Files.delete(folder);
        }
    }

    private static boolean completeUsage(List<String> lines, int from) {
        boolean prompt = false;
        boolean completion = false;
        for (int i = from; i < lines.size() && !lines.get(i).startsWith("["); i++) {
            prompt |= lines.get(i).matches("prompt_tokens: \\d+");
            completion |= lines.get(i).matches("completion_tokens: \\d+");
        }
        return prompt && completion;
    }

    private static String two(int i) {
        return String.format(java.util.Locale.ROOT, "%02d", i);
    }

    @Provide
    Arbitrary<List<String>> garbage() {
        Arbitrary<String> stray = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a0', '\ud7ff')
                .ofMinLength(1)
                .ofMaxLength(80)
                .filter(s -> !s.startsWith("[") && !s.contains(":") && !s.contains("<->") && !s.contains("**["))
                .map(s -> s + "\n");
        return Arbitraries.oneOf(stray, Arbitraries.of(BAD_TIMESTAMP, BAD_USAGE, NOISE))
                .list()
                .ofMaxSize(6);
    }
}
