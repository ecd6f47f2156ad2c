package dev.vigil.coordination;

import dev.vigil.spi.model.AgentMessage;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, test-only reader of a ChatDev text log, until the assembly's ingest lands. Roles become agents, utterances
 * become messages, and each {@code [OpenAI_Usage_Info Receive]} block becomes one turn of the role whose reply follows
 * it.
 *
 * <ul>
 *   <li>Entries start {@code [YYYY-DD-MM HH:MM:SS LEVEL]}: day and month are swapped (traces README), so {@code
 *       2023-26-10} is 26 October 2023. Times are read as UTC; only differences matter.
 *   <li>An utterance is an entry {@code <Role>: **...**} from a role other than {@code System}: either {@code [Start
 *       Chat]} (the instruction the user role sends) or the assistant role's reply {@code A<->B on : Phase, turn N}.
 *   <li>A turn's latency runs from the utterance that prompted it to the usage entry that reports it. Agent runs carry
 *       no run-level timestamps, so an agent's duration is the sum of its own LLM-call latencies (F2).
 * </ul>
 */
final class ChatDevLogReader {

    private static final Pattern HEADER =
            Pattern.compile("^\\[(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\w+)\\] (.*)$");
    private static final Pattern UTTERANCE = Pattern.compile("^([A-Z][A-Za-z ]*?): \\*\\*(.*)\\*\\*$");
    private static final Pattern PAIR = Pattern.compile("^(.+)<->(.+) on : (\\w+), turn (\\d+)$");
    private static final Pattern USAGE_FIELD = Pattern.compile("^(prompt_tokens|completion_tokens): (\\d+)$");
    private static final Pattern POST_INFO = Pattern.compile("\\*\\*(\\w+)\\*\\*=([0-9.]+)");
    private static final Pattern PROJECT = Pattern.compile("^\\*\\*project_name\\*\\*: (\\S+)$");
    private static final String USAGE = "**[OpenAI_Usage_Info Receive]**";

    /** What the reader found: the team run, plus the log's own summary ({@code [Post Info]}) for cross-checks. */
    record ChatDevLog(TeamRun teamRun, Map<String, Double> postInfo, Instant firstEntry, Instant lastEntry) {}

    private record Prompt(String speaker, Instant at) {}

    private record Usage(Instant at, long promptTokens, long completionTokens) {}

    private ChatDevLogReader() {}

    static ChatDevLog read(Path log) throws IOException {
        String teamRunId = "chatdev-"
                + log.getFileName().toString().replaceFirst("^chatdev-", "").replace(".log", "");
        Map<String, List<Turn>> turnsByAgent = new LinkedHashMap<>();
        List<AgentMessage> messages = new ArrayList<>();
        Map<String, Double> postInfo = new LinkedHashMap<>();
        String project = null;
        Prompt pendingPrompt = null;
        Instant lastUtterance = null;
        Instant first = null;
        Instant last = null;
        Instant usageAt = null;
        long promptTokens = 0;
        long completionTokens = 0;
        Usage pendingUsage = null;

        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher header = HEADER.matcher(line);
            if (!header.matches()) {
                Matcher field = USAGE_FIELD.matcher(line);
                if (usageAt != null && field.matches()) {
                    long value = Long.parseLong(field.group(2));
                    if (field.group(1).equals("prompt_tokens")) {
                        promptTokens = value;
                    } else {
                        completionTokens = value;
                    }
                }
                Matcher post = POST_INFO.matcher(line);
                if (post.find()) {
                    postInfo.put(post.group(1), Double.parseDouble(post.group(2)));
                }
                Matcher projectName = PROJECT.matcher(line);
                if (project == null && projectName.matches()) {
                    project = projectName.group(1);
                }
                continue;
            }
            if (usageAt != null) { // the usage block ends at the next entry
                pendingUsage = new Usage(usageAt, promptTokens, completionTokens);
                usageAt = null;
            }
            // Day and month are swapped: group 2 is the day, group 3 the month.
            Instant at = LocalDateTime.of(
                            Integer.parseInt(header.group(1)),
                            Integer.parseInt(header.group(3)),
                            Integer.parseInt(header.group(2)),
                            Integer.parseInt(header.group(4)),
                            Integer.parseInt(header.group(5)),
                            Integer.parseInt(header.group(6)))
                    .toInstant(ZoneOffset.UTC);
            first = first == null ? at : first;
            last = at;
            String rest = header.group(8);
            if (rest.equals(USAGE)) {
                usageAt = at;
                promptTokens = 0;
                completionTokens = 0;
                continue;
            }
            Matcher utterance = UTTERANCE.matcher(rest);
            if (!utterance.matches() || utterance.group(1).equals("System")) {
                continue;
            }
            String speaker = utterance.group(1);
            turnsByAgent.computeIfAbsent(speaker, k -> new ArrayList<>());
            String content = utterance.group(2);
            Matcher pair = PAIR.matcher(content);
            if (content.equals("[Start Chat]")) {
                pendingPrompt = new Prompt(speaker, at);
            } else if (pair.matches()) {
                String partner = pair.group(2);
                String phase = pair.group(3);
                if (pendingPrompt != null) {
                    messages.add(new AgentMessage(pendingPrompt.speaker(), speaker, pendingPrompt.at(), phase));
                    pendingPrompt = null;
                }
                messages.add(new AgentMessage(speaker, partner, at, phase));
                if (pendingUsage != null) {
                    List<Turn> turns = turnsByAgent.get(speaker);
                    Instant promptedAt = lastUtterance == null ? pendingUsage.at() : lastUtterance;
                    double latencyMs =
                            Duration.between(promptedAt, pendingUsage.at()).toMillis();
                    turns.add(Turn.builder(turns.size() + 1, FinishReason.STOP)
                            .inputTokens(pendingUsage.promptTokens())
                            .outputTokens(pendingUsage.completionTokens())
                            .latencyMs(latencyMs)
                            .startedAt(promptedAt)
                            .endedAt(pendingUsage.at())
                            .build());
                    pendingUsage = null;
                }
            } else {
                messages.add(new AgentMessage(speaker, null, at, null));
            }
            lastUtterance = at;
        }
        if (pendingPrompt != null) { // an instruction nobody answered is still a message
            messages.add(new AgentMessage(pendingPrompt.speaker(), null, pendingPrompt.at(), null));
        }

        String taskId = project == null ? teamRunId : project;
        List<Run> runs = new ArrayList<>();
        for (Map.Entry<String, List<Turn>> agent : turnsByAgent.entrySet()) {
            runs.add(Run.builder(teamRunId + "/" + agent.getKey(), agent.getKey(), taskId, TerminationReason.COMPLETED)
                    .turns(agent.getValue())
                    .build());
        }
        TeamRun teamRun =
                TeamRun.builder(teamRunId, taskId, runs).messages(messages).build();
        return new ChatDevLog(teamRun, postInfo, first, last);
    }
}
