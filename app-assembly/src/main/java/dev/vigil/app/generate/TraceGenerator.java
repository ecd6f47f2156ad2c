package dev.vigil.app.generate;

import dev.vigil.app.generate.GeneratedTrace.Arg;
import dev.vigil.app.generate.GeneratedTrace.Call;
import dev.vigil.app.generate.GeneratedTrace.CandidateMark;
import dev.vigil.app.generate.GeneratedTrace.Decimal;
import dev.vigil.app.generate.GeneratedTrace.Message;
import dev.vigil.app.generate.GeneratedTrace.Run;
import dev.vigil.app.generate.GeneratedTrace.Team;
import dev.vigil.app.generate.GeneratedTrace.Turn;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes realistic, deterministic agent traces: {@link GeneratorConfig#runs()} single-agent runs of exactly
 * {@link GeneratorConfig#stepsPerRun()} steps each, drawn from a mix of scenarios (mostly clean runs; errors with and
 * without recovery; stagnation loops that repeat one identical call; degrading runs; budget and turn limits), with
 * best-of-K groups of 2 to 5 candidates of one task (Vigil format only: OTLP has no notion of candidates) and, when
 * there are at least two agents, one team run after every {@value #TEAM_RUN_EVERY} single-agent runs.
 *
 * <p>Everything comes from one {@link SplittableRandom} seeded with the configured seed, and every run gets its own
 * split of it, so the same configuration gives byte-identical files on every machine. Only one run is in memory at a
 * time, so files of any size can be written.
 */
public final class TraceGenerator {

    /** A team run follows every this many single-agent runs (when there are at least two agents). */
    static final int TEAM_RUN_EVERY = 50;

    /** Chance that a single-agent slot starts a best-of-K group, in percent. */
    static final int BEST_OF_K_PERCENT = 6;

    /** 2026-01-01T00:00:00Z: generated runs start here, one after the other. */
    static final long EPOCH_MILLIS = 1_767_225_600_000L;

    /** Input tokens stop growing here, as a context window would cap them. */
    static final long CONTEXT_CAP_TOKENS = 128_000L;

    /** What happens in a single-agent run. */
    enum Scenario {
        CLEAN(54),
        ERROR_RECOVERED(10),
        ERROR_FATAL(6),
        STAGNATION_LOOP(10),
        DEGRADING(8),
        BUDGET_EXHAUSTED(4),
        MAX_TURNS(8);

        final int weight;

        Scenario(int weight) {
            this.weight = weight;
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A task family: its type name, model, tools and the vocabulary of its arguments. */
    private enum TaskType {
        SUPPORT("support", "gpt-4o-mini", new String[] {"get_order", "get_policy", "issue_refund", "send_email"}),
        CODING("coding", "claude-sonnet-4", new String[] {"read_file", "grep", "edit_file", "run_tests"}),
        RESEARCH("research", "gpt-4.1", new String[] {"search", "fetch_url", "summarize", "cite"}),
        DATA("data", "gemini-2.5-flash", new String[] {"sql_query", "describe_table", "plot", "export_csv"});

        final String wireName;
        final String model;
        final String[] tools;

        TaskType(String wireName, String model, String[] tools) {
            this.wireName = wireName;
            this.model = model;
            this.tools = tools;
        }
    }

    private static final String[] COMPLEXITIES = {"simple", "medium", "complex", "epic"};
    private static final String[] WORDS = {
        "refund",
        "invoice",
        "latency",
        "cache",
        "schema",
        "billing",
        "deploy",
        "retry",
        "quota",
        "index",
        "timeout",
        "migration",
        "report",
        "pricing",
        "session",
        "token",
        "webhook",
        "export"
    };
    private static final String[] ERRORS = {
        "Error: upstream timed out after 30s",
        "Error: permission denied",
        "Error: rate limit exceeded, retry later",
        "Error: not found",
        "Error: invalid argument"
    };

    private final GeneratorConfig config;

    public TraceGenerator(GeneratorConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    /** Writes the traces to {@code file} (replacing it) and says what was written. */
    public GenerationSummary writeTo(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return writeTo(out);
        }
    }

    /** Writes the traces to {@code out} (not closed) and says what was written. */
    public GenerationSummary writeTo(OutputStream out) throws IOException {
        TraceWriter writer = config.format() == GeneratedFormat.OTLP
                ? new OtlpJsonWriter(out, config.seed())
                : new VigilJsonlWriter(out);
        SplittableRandom random = new SplittableRandom(config.seed());
        Map<Scenario, Integer> scenarios = new EnumMap<>(Scenario.class);
        for (Scenario scenario : Scenario.values()) {
            scenarios.put(scenario, 0);
        }
        int runs = 0;
        int teams = 0;
        int groups = 0;
        int candidates = 0;
        long clock = EPOCH_MILLIS;
        int idWidth = Math.max(6, Integer.toString(config.runs()).length());
        boolean bestOfK = config.format() == GeneratedFormat.VIGIL;
        while (runs < config.runs()) {
            int remaining = config.runs() - runs;
            if (bestOfK && remaining >= 2 && random.nextInt(100) < BEST_OF_K_PERCENT) {
                int k = Math.min(remaining, 2 + random.nextInt(4));
                groups++;
                String taskId = "task-bok-" + pad(groups, idWidth);
                TaskType type = pick(random, TaskType.values());
                String majorityAnswer = "answer-" + random.nextInt(1000);
                for (int index = 0; index < k; index++) {
                    runs++;
                    candidates++;
                    SplittableRandom runRandom = random.split();
                    boolean outlier = index > 0 && runRandom.nextInt(100) < 30;
                    String answer = outlier ? "answer-" + (1000 + runRandom.nextInt(1000)) : majorityAnswer;
                    CandidateMark mark =
                            new CandidateMark(index, 400 + runRandom.nextInt(600), answer.equals(majorityAnswer));
                    Run run = candidateRun(runRandom, "run-" + pad(runs, idWidth), taskId, type, clock, answer, mark);
                    clock = run.endMillis() + 1_000;
                    writer.run(run);
                }
            } else {
                runs++;
                SplittableRandom runRandom = random.split();
                Scenario scenario = pickScenario(runRandom);
                scenarios.merge(scenario, 1, Integer::sum);
                Run run = singleRun(runRandom, "run-" + pad(runs, idWidth), scenario, clock);
                clock = run.endMillis() + 1_000;
                writer.run(run);
            }
            if (config.agents() >= 2 && runs / TEAM_RUN_EVERY > teams) {
                teams++;
                Team team = teamRun(random.split(), "team-" + pad(teams, idWidth), clock);
                clock = team.agentRuns().stream()
                                .mapToLong(Run::endMillis)
                                .max()
                                .orElse(clock)
                        + 1_000;
                writer.team(team);
            }
        }
        writer.flush();
        Map<String, Integer> scenarioCounts = new LinkedHashMap<>();
        scenarios.forEach((scenario, count) -> scenarioCounts.put(scenario.wireName(), count));
        scenarioCounts.put("best_of_k_candidate", candidates);
        return new GenerationSummary(
                runs,
                (long) runs * config.stepsPerRun(),
                teams,
                groups,
                candidates,
                scenarioCounts,
                writer.bytesWritten());
    }

    private Run singleRun(SplittableRandom random, String runId, Scenario scenario, long start) {
        TaskType type = pick(random, TaskType.values());
        String agentId = agent(random.nextInt(config.agents()));
        String taskId = "task-" + type.wireName + "-" + random.nextInt(100_000);
        int steps = config.stepsPerRun();
        RunBuilder run = new RunBuilder(random, type, runId, start);
        // Where the scenario's event happens: somewhere in the middle of the run.
        int event = steps <= 2 ? steps : 1 + random.nextInt(steps - 1);
        boolean recovered = false;
        Call loopCall = null;
        for (int number = 1; number <= steps; number++) {
            boolean last = number == steps;
            switch (scenario) {
                case CLEAN -> {
                    if (last) {
                        run.answer("Done: " + words(random, 5) + ".");
                    } else {
                        run.toolTurn(false);
                    }
                }
                case ERROR_RECOVERED -> {
                    if (number == event && !last) {
                        run.toolTurn(true);
                        recovered = true;
                    } else if (last) {
                        run.answer("Done after a retry: " + words(random, 4) + ".");
                    } else {
                        run.toolTurn(false);
                    }
                }
                case ERROR_FATAL -> run.toolTurn(last);
                case STAGNATION_LOOP -> {
                    if (number >= Math.min(event, steps - 2) && steps >= 3) {
                        // The agent repeats one identical call from here on.
                        if (loopCall == null) {
                            loopCall = run.nextCall(false);
                        }
                        run.repeat(loopCall);
                    } else if (last) {
                        run.answer("Gave up: " + words(random, 3) + ".");
                    } else {
                        run.toolTurn(false);
                    }
                }
                case DEGRADING -> {
                    // Errors get more frequent in the second half; the run ends without recovering.
                    boolean error = number > steps / 2 && random.nextInt(100) < 45;
                    if (last) {
                        run.answer("Partial result: " + words(random, 4) + ".");
                    } else {
                        run.toolTurn(error);
                    }
                }
                case BUDGET_EXHAUSTED -> {
                    if (last) {
                        run.truncated();
                    } else {
                        run.toolTurn(false);
                    }
                }
                case MAX_TURNS -> run.toolTurn(false);
            }
        }
        String termination;
        String errorMessage = null;
        String errorType = null;
        switch (scenario) {
            case ERROR_FATAL -> {
                termination = "error";
                errorMessage = "tool call failed: " + run.lastError();
                errorType = "ToolExecutionError";
            }
            case STAGNATION_LOOP -> termination = steps >= 3 ? "stagnation" : "completed";
            case BUDGET_EXHAUSTED -> termination = "budget_exhausted";
            case MAX_TURNS -> termination = "max_turns";
            default -> termination = "completed";
        }
        return run.build(agentId, taskId, termination, errorMessage, errorType, recovered, null);
    }

    private Run candidateRun(
            SplittableRandom random,
            String runId,
            String taskId,
            TaskType type,
            long start,
            String answer,
            CandidateMark mark) {
        RunBuilder run = new RunBuilder(random, type, runId, start);
        for (int number = 1; number < config.stepsPerRun(); number++) {
            run.toolTurn(false);
        }
        // The last turn submits the answer: candidates vote on it (trajectory.md §3).
        run.submit(answer);
        return run.build(agent(random.nextInt(config.agents())), taskId, "completed", null, null, false, mark);
    }

    private Team teamRun(SplittableRandom random, String teamRunId, long start) {
        int size = Math.min(config.agents(), 2 + random.nextInt(3));
        int first = random.nextInt(config.agents());
        TaskType type = pick(random, TaskType.values());
        String taskId = "task-team-" + teamRunId;
        int turnsEach = Math.max(1, config.stepsPerRun() / size);
        List<Run> agentRuns = new ArrayList<>(size);
        List<Message> messages = new ArrayList<>();
        String lead = agent(first);
        long agentStart = start;
        for (int member = 0; member < size; member++) {
            String agentId = agent((first + member) % config.agents());
            RunBuilder run = new RunBuilder(random.split(), type, teamRunId + "/" + agentId, agentStart);
            for (int number = 1; number < turnsEach; number++) {
                run.toolTurn(random.nextInt(100) < 5);
            }
            run.answer("Part " + (member + 1) + " of " + size + ": " + words(random, 4) + ".");
            Run built = run.build(agentId, taskId, "completed", null, null, false, null);
            agentRuns.add(built);
            if (member > 0) {
                // The lead hands the part over and the member reports back.
                messages.add(new Message(lead, agentId, agentStart, "task"));
                messages.add(new Message(agentId, lead, built.endMillis(), "task"));
            }
            // Members work partly in parallel: the next one starts halfway through this one.
            agentStart = (built.startMillis() + built.endMillis()) / 2;
        }
        return new Team(teamRunId, taskId, agentRuns, messages);
    }

    private Scenario pickScenario(SplittableRandom random) {
        int total = 0;
        for (Scenario scenario : Scenario.values()) {
            total += scenario.weight;
        }
        int roll = random.nextInt(total);
        for (Scenario scenario : Scenario.values()) {
            roll -= scenario.weight;
            if (roll < 0) {
                return scenario;
            }
        }
        return Scenario.CLEAN;
    }

    private static String agent(int index) {
        return "agent-" + pad(index + 1, 2);
    }

    private static String pad(int value, int width) {
        String text = Integer.toString(value);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** Builds one run turn by turn: times, growing context, tokens and costs. */
    private static final class RunBuilder {
        private final SplittableRandom random;
        private final TaskType type;
        private final String runId;
        private final long start;
        private final List<Turn> turns = new ArrayList<>();
        private final long systemPromptTokens;
        private long clock;
        private long context;
        private int callCounter;
        private String lastError = "unknown";
        private String finalOutput;

        RunBuilder(SplittableRandom random, TaskType type, String runId, long start) {
            this.random = random;
            this.type = type;
            this.runId = runId;
            this.start = start;
            this.clock = start;
            this.systemPromptTokens = 200 + random.nextInt(1800);
            this.context = systemPromptTokens + 300 + random.nextInt(700);
        }

        /** A turn that calls one tool (sometimes two in parallel); {@code error} makes the (first) call fail. */
        void toolTurn(boolean error) {
            List<Call> calls = new ArrayList<>(2);
            calls.add(nextCall(error));
            if (!error && random.nextInt(100) < 15) {
                calls.add(nextCall(false));
            }
            String content = random.nextInt(100) < 40 ? "Next: " + words(random, 3) + "." : null;
            turn(error ? "error" : "tool_use", 30 + random.nextInt(170), content, calls);
        }

        /** A turn that repeats {@code call} verbatim (same name and arguments: a stagnation loop). */
        void repeat(Call call) {
            Call again = new Call(call.name(), call.arguments(), nextId(), call.result(), false);
            turn("tool_use", 30 + random.nextInt(40), null, List.of(again));
        }

        /** A final answer without tool calls. */
        void answer(String text) {
            finalOutput = text;
            turn("stop", 60 + random.nextInt(400), text, List.of());
        }

        /** A final turn cut off by the token limit. */
        void truncated() {
            turn("max_tokens", 4096, "The analysis so far covers " + words(random, 6), List.of());
        }

        /** A final turn that submits {@code answer} (best-of-K candidates vote on it). */
        void submit(String answer) {
            finalOutput = "Submitted " + answer + ".";
            List<Arg> arguments = List.of(new Arg("answer", answer));
            turn(
                    "tool_use",
                    40 + random.nextInt(80),
                    null,
                    List.of(new Call("submit", arguments, nextId(), "ok", false)));
        }

        String lastError() {
            return lastError;
        }

        Call nextCall(boolean error) {
            int tool = random.nextInt(type.tools.length);
            String name = type.tools[tool];
            List<Arg> arguments = arguments(name);
            String result;
            if (error) {
                result = ERRORS[random.nextInt(ERRORS.length)];
                lastError = name + ": " + result;
            } else {
                result = "ok: " + (1 + random.nextInt(50)) + " " + WORDS[random.nextInt(WORDS.length)] + " item(s)";
            }
            return new Call(name, arguments, nextId(), result, error);
        }

        private List<Arg> arguments(String tool) {
            int n = random.nextInt(10_000);
            return switch (tool) {
                case "get_order", "describe_table" -> List.of(new Arg("id", "O-" + n));
                case "get_policy" ->
                    List.of(new Arg("topic", WORDS[random.nextInt(WORDS.length)]), new Arg("page", (long)
                            (1 + n % 20)));
                case "issue_refund" -> List.of(new Arg("order_id", "O-" + n), new Arg("amount", new Decimal(n, 2)));
                case "send_email" ->
                    List.of(new Arg("to", "customer" + n + "@example.com"), new Arg("urgent", n % 2 == 0));
                case "read_file", "edit_file" ->
                    List.of(new Arg("path", "src/main/module" + n % 97 + "/File" + n + ".java"));
                case "grep", "search" ->
                    List.of(new Arg("query", words(random, 2)), new Arg("limit", (long) (10 + n % 40)));
                case "run_tests" -> List.of(new Arg("suite", "suite-" + n % 13));
                case "fetch_url" ->
                    List.of(new Arg("url", "https://docs.example.com/" + WORDS[n % WORDS.length] + "/" + n));
                case "sql_query" ->
                    List.of(new Arg("query", "select * from " + WORDS[n % WORDS.length] + " where id = " + n));
                default -> List.of(new Arg("ref", "r-" + n));
            };
        }

        private String nextId() {
            callCounter++;
            return "call-" + callCounter;
        }

        private void turn(String finishReason, long outputTokens, String content, List<Call> calls) {
            int number = turns.size() + 1;
            long gap = number == 1 ? 0 : 100 + random.nextInt(1900);
            long turnStart = clock + gap;
            long latency = 300 + random.nextInt(2700);
            long inputTokens = Math.min(context, CONTEXT_CAP_TOKENS);
            // Cost at $2.50 / $10 per million tokens, in micro-dollars (written as an exact decimal, no float).
            long cost = (inputTokens * 5 + outputTokens * 20) / 2;
            turns.add(new Turn(
                    number,
                    finishReason,
                    inputTokens,
                    outputTokens,
                    cost,
                    turnStart,
                    turnStart + latency,
                    content,
                    calls));
            clock = turnStart + latency;
            context += outputTokens + 60L * calls.size() + 20;
        }

        Run build(
                String agentId,
                String taskId,
                String termination,
                String errorMessage,
                String errorType,
                boolean recovered,
                CandidateMark candidate) {
            String complexity = COMPLEXITIES[Math.min(COMPLEXITIES.length - 1, turns.size() / 25)];
            return new Run(
                    runId,
                    agentId,
                    taskId,
                    type.wireName,
                    complexity,
                    termination,
                    errorMessage,
                    errorType,
                    recovered,
                    start,
                    clock + 50,
                    systemPromptTokens,
                    turns.size(),
                    finalOutput,
                    type.model,
                    List.copyOf(turns),
                    candidate);
        }
    }
}
