package dev.vigil.health.e2e;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small test-only reader for ChatDev text logs (until the assembly's ingest lands), enough to replay the run as
 * steps. One step per event a reader of the log would count:
 *
 * <ul>
 *   <li>a role-play turn ({@code **A<->B on : Phase, turn N**}): one turn without tool calls, completed;
 *   <li>a {@code **[Test Reports]**} entry: one turn calling tool {@code run_software {}}; the step ends in ERROR when
 *       the report holds a traceback, else completed;
 *   <li>a {@code Software Test Engineer found <Error>:} entry: the test engineer's error report, a step that ends in
 *       ERROR; the {@code [CMD Execute]} commands ChatDev runs while handling that error (logged just before it) become
 *       {@code shell {"cmd": ...}} calls on this step's turn.
 * </ul>
 *
 * Timestamps are {@code [YYYY-DD-MM HH:MM:SS INFO]} (day and month swapped, README quirk), read as UTC; the run starts
 * at the first entry and ends at {@code **[Post Info]**}. Everything else (flask noise, prompts, phase details) is
 * skipped.
 */
final class ChatDevLogReader {

    private static final Pattern HEADER =
            Pattern.compile("^\\[(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}:\\d{2}:\\d{2}) INFO\\] ?(.*)$");
    private static final Pattern CHAT = Pattern.compile("^(.+?): \\*\\*(.+?)<->(.+?) on : (\\w+), turn (\\d+)\\*\\*");
    private static final Pattern FOUND = Pattern.compile("^Software Test Engineer found (\\w+):");
    private static final Pattern PROJECT = Pattern.compile("\\*\\*project_name\\*\\*: (\\S+)");

    private record Entry(Instant at, String first, String body) {}

    private ChatDevLogReader() {}

    static Run read(Path file) throws IOException {
        List<Entry> entries = entries(Files.readString(file, StandardCharsets.UTF_8));
        String project = "chatdev";
        List<Turn> turns = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<ToolCall> pendingCommands = new ArrayList<>();
        Instant start = entries.get(0).at();
        Instant end = null;
        for (Entry entry : entries) {
            Matcher projectName = PROJECT.matcher(entry.body());
            if (projectName.find() && project.equals("chatdev")) {
                project = projectName.group(1);
            }
            if (CHAT.matcher(entry.first()).find()) {
                addStep(turns, steps, entry.at(), List.of(), TerminationReason.COMPLETED);
            } else if (entry.first().startsWith("**[Test Reports]**")) {
                boolean failed = entry.body().contains("Traceback");
                addStep(
                        turns,
                        steps,
                        entry.at(),
                        List.of(ToolCall.of("run_software", Map.of())),
                        failed ? TerminationReason.ERROR : TerminationReason.COMPLETED);
            } else if (entry.first().startsWith("**[CMD Execute]**")) {
                for (String line : entry.body().split("\n")) {
                    if (line.startsWith("[CMD] ")) {
                        pendingCommands.add(ToolCall.of(
                                "shell", Map.of("cmd", line.substring(6).strip())));
                    }
                }
            } else if (FOUND.matcher(entry.first()).find()) {
                addStep(turns, steps, entry.at(), List.copyOf(pendingCommands), TerminationReason.ERROR);
                pendingCommands.clear();
            } else if (entry.first().startsWith("**[Post Info]**")) {
                end = entry.at();
            }
        }
        return Run.builder("chatdev-" + project + "-20231026174838", "chatdev", project, TerminationReason.COMPLETED)
                .turns(turns)
                .sourceSteps(steps)
                .startedAt(start)
                .endedAt(end)
                .build();
    }

    private static void addStep(
            List<Turn> turns, List<Step> steps, Instant at, List<ToolCall> calls, TerminationReason reason) {
        Turn turn = Turn.builder(turns.size() + 1, calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_USE)
                .toolCalls(calls)
                .startedAt(at)
                .endedAt(at)
                .build();
        turns.add(turn);
        steps.add(new Step(steps.size(), List.of(turn), reason));
    }

    private static List<Entry> entries(String text) {
        List<Entry> entries = new ArrayList<>();
        Instant at = null;
        String first = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                if (at != null) {
                    entries.add(new Entry(at, first, body.toString()));
                }
                // [YYYY-DD-MM ...]: group 2 is the day, group 3 the month.
                at = Instant.parse(
                        header.group(1) + "-" + header.group(3) + "-" + header.group(2) + "T" + header.group(4) + "Z");
                first = header.group(5);
                body.setLength(0);
            } else if (at != null) {
                body.append(line).append('\n');
            }
        }
        if (at != null) {
            entries.add(new Entry(at, first, body.toString()));
        }
        return entries;
    }
}
