package dev.vigil.app.ingest;

import dev.vigil.spi.model.AgentMessage;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ChatDev text logs (docs/formats.md): one team run per file. Agents are the roles that speak (CEO, CPO, CTO,
 * Programmer, ...); messages are the utterances ({@code [Start Chat]} prompts and {@code A<->B on : Phase, turn N}
 * replies); each reply is an LLM call (a turn of the replying role) whose tokens and cost come from the
 * {@code [OpenAI_Usage_Info Receive]} block logged just before it. Test reports and the final {@code [Post Info]}
 * are kept in the lead agent's metadata. Entry timestamps are written {@code yyyy-dd-MM HH:mm:ss} (day and month
 * swapped); the order is confirmed from the file itself before parsing.
 */
public final class ChatDevFormat implements TraceFormat {

    public static final String NAME = "chatdev";

    private static final Pattern HEADER =
            Pattern.compile("^\\[(\\d{4})-(\\d{1,2})-(\\d{1,2}) (\\d{1,2}):(\\d{2}):(\\d{2}) ([A-Z]+)\\] ?(.*)$");
    private static final Pattern START_CHAT = Pattern.compile("^(.+?): \\*\\*\\[Start Chat\\]\\*\\*\\s*$");
    private static final Pattern ROLE_PAIR =
            Pattern.compile("^(.+?): \\*\\*(.+?)<->(.+?) on : (.+?), turn (\\d+)\\*\\*\\s*$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| \\*\\*(\\w+)\\*\\* \\| (.*?) \\|\\s*$");
    private static final Pattern PREPROCESSING_FIELD =
            Pattern.compile("^\\*\\*(task_prompt|project_name|Timestamp)\\*\\*: ?(.*)$");
    private static final Pattern USAGE_FIELD =
            Pattern.compile("^(prompt_tokens|completion_tokens|total_tokens|cost):\\s*(.*?)\\s*$");
    private static final Pattern POST_INFO_FIELD = Pattern.compile("\\*\\*(\\w+)\\*\\*=\\$?(\\S+)");
    private static final Pattern ERROR_CODE = Pattern.compile("^error_code=(\\w+)");
    private static final Pattern COMPACT_TIMESTAMP = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})\\d{6}");
    private static final String LEAD_ROLE = "Chief Executive Officer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean detect(Path file, String head) {
        for (String line : head.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            return HEADER.matcher(line.strip()).matches()
                    && (head.contains("ChatDev") || head.contains("**[Preprocessing]**") || head.contains("<->"));
        }
        return false;
    }

    @Override
    public void read(Path file, Consumer<TraceRecord> records, Consumer<InputProblem> problems) throws IOException {
        String name = file.getFileName().toString();
        boolean dayFirst = dayFirst(file);
        Parser parser = new Parser(name, dayFirst, problems);
        try (BufferedReader reader = utf8Lenient(file)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                parser.line(line, lineNumber);
            }
        }
        parser.finish();
        TeamRun team;
        try {
            team = parser.teamRun();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.accept(
                    new InputProblem(name + ":" + parser.firstEntryLine, "record", String.valueOf(e.getMessage())));
            return;
        }
        if (team != null) {
            records.accept(new TraceRecord.Team(team, name + ":" + parser.firstEntryLine));
        }
    }

    /**
     * Whether entry dates are {@code yyyy-dd-MM} (ChatDev's format) rather than {@code yyyy-MM-dd}. A field above 12
     * settles it; otherwise the first entry's date is compared with the run's {@code yyyyMMddHHmmss} timestamp;
     * otherwise ChatDev's own format is assumed.
     */
    static boolean dayFirst(Path file) throws IOException {
        int[] firstDate = null;
        int[] compactDate = null;
        try (BufferedReader reader = utf8Lenient(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher header = HEADER.matcher(line);
                if (header.matches()) {
                    int middle = Integer.parseInt(header.group(2));
                    int last = Integer.parseInt(header.group(3));
                    if (middle > 12 && last <= 12) {
                        return true;
                    }
                    if (last > 12 && middle <= 12) {
                        return false;
                    }
                    if (firstDate == null) {
                        firstDate = new int[] {Integer.parseInt(header.group(1)), middle, last};
                    }
                } else if (compactDate == null
                        && (line.startsWith("**Timestamp**") || line.startsWith("ChatDev Starts"))) {
                    Matcher compact = COMPACT_TIMESTAMP.matcher(line);
                    if (compact.find()) {
                        compactDate = new int[] {
                            Integer.parseInt(compact.group(1)),
                            Integer.parseInt(compact.group(2)),
                            Integer.parseInt(compact.group(3))
                        };
                    }
                }
            }
        }
        if (firstDate != null && compactDate != null && firstDate[0] == compactDate[0]) {
            if (firstDate[1] == compactDate[1] && firstDate[2] == compactDate[2] && compactDate[1] != compactDate[2]) {
                return false;
            }
        }
        return true;
    }

    /** Token usage of one LLM call, waiting for the reply it belongs to. */
    private record Usage(long promptTokens, long completionTokens, double cost, Instant at) {}

    /** What is known about one role. */
    private static final class Agent {
        final String role;
        final List<Turn> turns = new ArrayList<>();
        final List<String> turnOrigins = new ArrayList<>();
        final Set<String> phases = new LinkedHashSet<>();
        Instant first;
        Instant last;
        int utterances;

        Agent(String role) {
            this.role = role;
        }

        void seenAt(Instant at) {
            if (at == null) {
                return;
            }
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
    }

    /** The log's state while it is read line by line; one entry (header plus body) is held at a time. */
    private static final class Parser {
        private final String file;
        private final boolean dayFirst;
        private final Consumer<InputProblem> problems;

        private final Map<String, Agent> agents = new LinkedHashMap<>();
        private final List<AgentMessage> messages = new ArrayList<>();
        private final List<Map<String, Object>> testReports = new ArrayList<>();
        private final Map<String, Object> postInfo = new LinkedHashMap<>();
        private String taskPrompt;
        private String projectName;
        private String timestamp;
        private String assistantRole;
        private String userRole;
        private String phase;
        private Usage pendingUsage;
        private int pendingRetries;
        private final Set<String> retryReasons = new LinkedHashSet<>();
        private Instant lastUtterance;
        private boolean finished;
        long firstEntryLine = 1;
        private boolean anyEntry;

        private long entryLine;
        private Instant entryTime;
        private String entryLevel;
        private String headline;
        private final List<String> body = new ArrayList<>();

        Parser(String file, boolean dayFirst, Consumer<InputProblem> problems) {
            this.file = file;
            this.dayFirst = dayFirst;
            this.problems = problems;
        }

        void line(String line, long number) {
            Matcher header = HEADER.matcher(line);
            if (!header.matches()) {
                if (headline != null) {
                    body.add(line);
                }
                return;
            }
            finish();
            if (!anyEntry) {
                anyEntry = true;
                firstEntryLine = number;
            }
            Instant time = time(header);
            if (time == null) {
                problems.accept(new InputProblem(
                        file + ":" + number,
                        "timestamp",
                        "'" + line.substring(1, line.indexOf(']')) + "' is not a date and time (read as yyyy-"
                                + (dayFirst ? "dd-MM" : "MM-dd") + " HH:mm:ss)"));
                return; // the entry, with its body, is skipped
            }
            entryLine = number;
            entryTime = time;
            entryLevel = header.group(7);
            headline = header.group(8).strip();
        }

        /** Handles the entry read so far, if any. */
        void finish() {
            if (headline == null) {
                return;
            }
            try {
                entry();
            } catch (FieldException e) {
                problems.accept(new InputProblem(file + ":" + entryLine, e.field(), e.getMessage()));
            } catch (RuntimeException e) {
                // Isolated: one odd entry must not cost the rest of the log.
                problems.accept(new InputProblem(file + ":" + entryLine, "entry", String.valueOf(e.getMessage())));
            } finally {
                headline = null;
                body.clear();
            }
        }

        private Instant time(Matcher header) {
            int year = Integer.parseInt(header.group(1));
            int middle = Integer.parseInt(header.group(2));
            int last = Integer.parseInt(header.group(3));
            try {
                return LocalDateTime.of(
                                year,
                                dayFirst ? last : middle,
                                dayFirst ? middle : last,
                                Integer.parseInt(header.group(4)),
                                Integer.parseInt(header.group(5)),
                                Integer.parseInt(header.group(6)))
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                return null;
            }
        }

        private void entry() {
            Matcher roleMatch;
            if (headline.equals("**[Preprocessing]**")) {
                for (String line : body) {
                    Matcher field = PREPROCESSING_FIELD.matcher(line.strip());
                    if (field.matches()) {
                        switch (field.group(1)) {
                            case "task_prompt" -> taskPrompt = field.group(2).strip();
                            case "project_name" -> projectName = field.group(2).strip();
                            default -> timestamp = field.group(2).strip();
                        }
                    }
                }
            } else if (headline.equals("System: **[chatting]**") || headline.equals("System: **[RolePlaying]**")) {
                for (String line : body) {
                    Matcher row = TABLE_ROW.matcher(line.strip());
                    if (row.matches()) {
                        String value = row.group(2).strip();
                        switch (row.group(1)) {
                            case "assistant_role_name" -> assistantRole = value;
                            case "user_role_name" -> userRole = value;
                            case "phase_name" -> phase = value;
                            default -> {
                                // prompts and settings: not needed for the run
                            }
                        }
                    }
                }
            } else if ((roleMatch = START_CHAT.matcher(headline)).matches()) {
                String from = roleMatch.group(1).strip();
                String to = from.equals(assistantRole) ? userRole : assistantRole;
                utterance(from, to, phase);
            } else if (headline.equals("**[OpenAI_Usage_Info Receive]**")) {
                usage();
            } else if ((roleMatch = ROLE_PAIR.matcher(headline)).matches()) {
                reply(
                        roleMatch.group(2).strip(),
                        roleMatch.group(3).strip(),
                        roleMatch.group(4).strip());
            } else if ((roleMatch = ERROR_CODE.matcher(headline)).find()) {
                pendingRetries++;
                retryReasons.add(roleMatch.group(1));
            } else if ("WARNING".equals(entryLevel) && headline.startsWith("Retrying")) {
                pendingRetries++;
                retryReasons.add("connection_retry");
            } else if (headline.startsWith("**[Test Reports]**")) {
                testReport();
            } else if (headline.equals("**[Post Info]**")) {
                for (String line : body) {
                    Matcher field = POST_INFO_FIELD.matcher(line);
                    if (field.find()) {
                        postInfo.put(field.group(1), number(field.group(2)));
                    }
                }
                finished = true;
            }
        }

        private void utterance(String from, String rawTo, String channel) {
            if (from.isBlank()) {
                throw new FieldException("role", "the speaking role must not be blank");
            }
            String to = rawTo == null || rawTo.isBlank() ? null : rawTo;
            Agent sender = agent(from);
            sender.seenAt(entryTime);
            sender.utterances++;
            if (channel != null) {
                sender.phases.add(channel);
            }
            if (to != null) {
                agent(to).seenAt(entryTime);
            }
            messages.add(new AgentMessage(from, to, entryTime, channel));
            lastUtterance = entryTime;
        }

        /** A reply: one utterance and one LLM call of the replying role. */
        private void reply(String from, String to, String replyPhase) {
            Instant promptAt = lastUtterance;
            utterance(from, to, replyPhase);
            Agent agent = agents.get(from);
            Usage usage = pendingUsage;
            Instant endedAt = usage != null ? usage.at() : entryTime;
            Instant startedAt = promptAt != null && !promptAt.isAfter(endedAt) ? promptAt : null;
            Turn.Builder turn = Turn.builder(agent.turns.size() + 1, FinishReason.STOP)
                    .startedAt(startedAt)
                    .endedAt(endedAt);
            if (startedAt != null) {
                turn.latencyMs((double) Duration.between(startedAt, endedAt).toMillis());
            }
            if (usage != null) {
                turn.inputTokens(usage.promptTokens())
                        .outputTokens(usage.completionTokens())
                        .cost(usage.cost());
            }
            if (pendingRetries > 0) {
                turn.retryCount(pendingRetries).retryReason(String.join(", ", retryReasons));
            }
            agent.turns.add(turn.build());
            agent.turnOrigins.add(file + ":" + entryLine);
            pendingUsage = null;
            pendingRetries = 0;
            retryReasons.clear();
        }

        private void usage() {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : body) {
                Matcher field = USAGE_FIELD.matcher(line.strip());
                if (field.matches()) {
                    values.put(field.group(1), field.group(2));
                }
            }
            pendingUsage = null; // a bad block is skipped: the reply keeps 0 tokens rather than an older block's
            long prompt = tokens(values, "prompt_tokens");
            long completion = tokens(values, "completion_tokens");
            String costText = values.getOrDefault("cost", "0").replace("$", "").strip();
            double cost;
            try {
                cost = Double.parseDouble(costText);
            } catch (NumberFormatException e) {
                throw new FieldException("cost", "must be a dollar amount such as $0.0013, got '" + costText + "'");
            }
            if (!(cost >= 0.0) || Double.isInfinite(cost)) {
                throw new FieldException("cost", "must be >= 0, got '" + costText + "'");
            }
            pendingUsage = new Usage(prompt, completion, cost, entryTime);
        }

        private static long tokens(Map<String, String> values, String field) {
            String text = values.get(field);
            if (text == null) {
                throw new FieldException(field, "is required in a usage block");
            }
            try {
                long value = Long.parseLong(text);
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new FieldException(field, "must be a non-negative integer, got '" + text + "'");
        }

        private void testReport() {
            List<String> lines =
                    body.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            boolean passed = lines.stream()
                    .anyMatch(s -> s.toLowerCase(java.util.Locale.ROOT).contains("without errors"));
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("line", entryLine);
            report.put("passed", passed);
            report.put("summary", lines.isEmpty() ? "" : lines.get(lines.size() - 1));
            testReports.add(report);
        }

        private Agent agent(String role) {
            return agents.computeIfAbsent(role, Agent::new);
        }

        private static Object number(String text) {
            String value = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
            try {
                return value.contains(".") ? (Object) Double.parseDouble(value) : (Object) Long.parseLong(value);
            } catch (NumberFormatException e) {
                return text;
            }
        }

        TeamRun teamRun() {
            if (agents.isEmpty()) {
                problems.accept(new InputProblem(
                        file + ":" + firstEntryLine,
                        "file",
                        "no ChatDev utterances ([Start Chat] or A<->B replies) found"));
                return null;
            }
            String teamRunId = projectName != null && timestamp != null
                    ? projectName + "_" + timestamp
                    : TauBenchFormat.stem(file);
            String taskId = projectName != null ? projectName : teamRunId;
            TerminationReason reason = finished ? TerminationReason.COMPLETED : TerminationReason.ERROR;
            String error = finished ? null : "the log ends before **[Post Info]**: ChatDev did not finish";
            String lead = agents.containsKey(LEAD_ROLE)
                    ? LEAD_ROLE
                    : agents.keySet().iterator().next();
            List<Run> runs = new ArrayList<>();
            for (Agent agent : agents.values()) {
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("source_format", NAME);
                metadata.put("role", agent.role);
                metadata.put("phases", List.copyOf(agent.phases));
                metadata.put("utterances", agent.utterances);
                metadata.put("step_origins", List.copyOf(agent.turnOrigins));
                if (agent.role.equals(lead)) {
                    Map<String, Object> team = new LinkedHashMap<>();
                    if (taskPrompt != null) {
                        team.put("task_prompt", taskPrompt);
                    }
                    if (projectName != null) {
                        team.put("project_name", projectName);
                    }
                    team.put("test_reports", testReports);
                    team.put(
                            "failed_test_reports",
                            testReports.stream()
                                    .filter(r -> Boolean.FALSE.equals(r.get("passed")))
                                    .count());
                    if (!postInfo.isEmpty()) {
                        team.put("post_info", postInfo);
                    }
                    metadata.put("team", team);
                }
                runs.add(Run.builder(teamRunId + ":" + agent.role, agent.role, taskId, reason)
                        .errorMessage(error)
                        .turns(agent.turns)
                        .startedAt(agent.first)
                        .endedAt(agent.last)
                        .metadata(metadata)
                        .build());
            }
            return TeamRun.builder(teamRunId, taskId, runs)
                    .leadAgentId(lead)
                    .messages(messages)
                    .build();
        }
    }

    /** Malformed UTF-8 becomes U+FFFD, so one bad byte costs at most its own line, not the whole file. */
    private static BufferedReader utf8Lenient(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    }
}
