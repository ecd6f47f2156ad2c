package dev.vigil.app.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * SWE-agent trajectory files ({@code .traj}, docs/formats.md): one run per file, {@code {environment, trajectory:
 * [{action, observation, response, thought, state}], history, info: {exit_status, submission, model_stats}}}. Each
 * trajectory entry is one turn and one step; its command is the turn's tool call, and an observation that reports
 * a failed command (for example the E999 syntax check that rejects an edit) makes the turn finish with
 * {@link FinishReason#ERROR}. {@code info.model_stats} gives the run's tokens and cost, spread evenly over the turns.
 */
public final class SweAgentFormat implements TraceFormat {

    public static final String NAME = "swe-agent";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Observations of commands that failed, as SWE-agent's tools word them. A traceback printed by a script the agent
     * runs is that script's output, not a failed command, and does not match.
     */
    private static final List<Pattern> FAILED_COMMAND = List.of(
            Pattern.compile("Your proposed edit has introduced new syntax error"),
            Pattern.compile("\\A\\s*Error:"),
            Pattern.compile("\\A\\s*Usage: "),
            Pattern.compile(": command not found"),
            Pattern.compile("\\A\\s*No file open\\."),
            Pattern.compile("\\A\\s*(File|Directory) \\S.* not found"),
            Pattern.compile("\\A\\s*[\\w./-]+: .*No such file or directory"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean detect(Path file, String head) {
        String text = head.stripLeading();
        if (!text.startsWith("{") || !text.contains("\"trajectory\"")) {
            return false;
        }
        return file.getFileName().toString().endsWith(".traj")
                || text.contains("\"action\"")
                || text.contains("\"observation\"")
                || text.contains("\"thought\"");
    }

    @Override
    public void read(Path file, Consumer<TraceRecord> records, Consumer<InputProblem> problems) throws IOException {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String location = where == null ? name + "#" : name + ":" + where.getLineNr();
            problems.accept(new InputProblem(location, "file", "not valid JSON: " + e.getOriginalMessage()));
            return;
        }
        if (root == null || !root.isObject()) {
            problems.accept(new InputProblem(name + "#", "record", "must be a JSON object {trajectory, info}"));
            return;
        }
        JsonNode trajectory = root.get("trajectory");
        if (trajectory == null || !trajectory.isArray()) {
            problems.accept(new InputProblem(
                    name + "#", "trajectory", trajectory == null ? "is required" : "must be an array"));
            return;
        }
        TraceRecord.SingleRun run;
        try {
            run = parse(name, root, trajectory, problems);
        } catch (FieldException e) {
            problems.accept(new InputProblem(name + "#", e.field(), e.getMessage()));
            return;
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.accept(new InputProblem(name + "#", "record", String.valueOf(e.getMessage())));
            return;
        }
        records.accept(run);
    }

    /** One trajectory entry, read. */
    private record Entry(int index, ToolCall call, boolean failed) {}

    private static TraceRecord.SingleRun parse(
            String name, JsonNode root, JsonNode trajectory, Consumer<InputProblem> problems) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < trajectory.size(); i++) {
            try {
                entries.add(entry(i, new JsonFields(trajectory.get(i), "")));
            } catch (FieldException e) {
                String field = e.field().equals("record") ? "entry" : e.field();
                problems.accept(new InputProblem(name + "#/trajectory/" + i, field, e.getMessage()));
            }
        }
        JsonNode infoNode = root.get("info");
        JsonFields info = infoNode == null || infoNode.isNull() ? null : new JsonFields(infoNode, "info");
        ModelStats stats = modelStats(name, info, problems);

        String exitStatus = info == null ? null : info.text("exit_status");
        String submission = info == null ? null : info.text("submission");
        TerminationReason reason = terminationReason(exitStatus, submission);
        String errorMessage = errorMessage(reason, exitStatus);

        List<Turn> turns = new ArrayList<>();
        List<String> stepOrigins = new ArrayList<>();
        int n = entries.size();
        double costSoFar = 0.0;
        int priorToolCalls = 0;
        int failed = 0;
        for (int k = 0; k < n; k++) {
            Entry entry = entries.get(k);
            FinishReason finish = entry.failed()
                    ? FinishReason.ERROR
                    : entry.call() == null ? FinishReason.STOP : FinishReason.TOOL_USE;
            double cost = k < n - 1 ? stats.cost / n : Math.max(0.0, stats.cost - costSoFar);
            costSoFar += cost;
            Turn.Builder turn = Turn.builder(k + 1, finish)
                    .inputTokens(share(stats.tokensSent, n, k))
                    .outputTokens(share(stats.tokensReceived, n, k))
                    .cost(cost)
                    .priorToolCallCount(priorToolCalls);
            if (entry.call() != null) {
                turn.toolCall(entry.call());
                priorToolCalls++;
            }
            failed += entry.failed() ? 1 : 0;
            turns.add(turn.build());
            stepOrigins.add(name + "#/trajectory/" + entry.index());
        }
        if (stepOrigins.isEmpty()) {
            stepOrigins.add(name + "#/trajectory"); // F1: a run without turns still has one (empty) step
        }

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source_format", NAME);
        putIfPresent(metadata, "exit_status", exitStatus);
        putIfPresent(metadata, "environment", textOrNull(root.get("environment")));
        metadata.put("trajectory_entries", trajectory.size());
        metadata.put("failed_commands", failed);
        putIfPresent(metadata, "api_calls", stats.apiCalls);
        metadata.put("tokens_sent", stats.tokensSent);
        metadata.put("tokens_received", stats.tokensReceived);
        metadata.put("total_cost", stats.cost);

        String runId = TauBenchFormat.stem(name);
        Run run = Run.builder(runId, agentId(root), runId, reason)
                .errorMessage(errorMessage)
                .turns(turns)
                .finalOutput(submission)
                .metadata(metadata)
                .build();
        return new TraceRecord.SingleRun(run, null, stepOrigins, name + "#");
    }

    private static Entry entry(int index, JsonFields entry) {
        String action = entry.text("action");
        String observation = entry.text("observation");
        ToolCall call = null;
        if (action != null && !action.isBlank()) {
            String command = action.strip();
            int space = indexOfWhitespace(command);
            String tool = space < 0 ? command : command.substring(0, space);
            String rest = space < 0 ? "" : command.substring(space).strip();
            call = rest.isEmpty() ? new ToolCall(tool, Map.of()) : ToolCall.ofRawArguments(tool, rest, null);
        }
        return new Entry(index, call, call != null && observation != null && failedCommand(observation));
    }

    /** Whether an observation reports that the command failed (see {@link #FAILED_COMMAND}). */
    static boolean failedCommand(String observation) {
        for (Pattern pattern : FAILED_COMMAND) {
            if (pattern.matcher(observation).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code exit_status} → termination reason: {@code submitted} completes (without a patch it is a no-op); a
     * limit that stopped the run (also when SWE-agent then auto-submitted, {@code submitted (exit_cost)}) maps to
     * its reason; any other exit is an error.
     */
    static TerminationReason terminationReason(String exitStatus, String submission) {
        if (exitStatus == null || exitStatus.isBlank()) {
            return TerminationReason.ERROR;
        }
        String status = exitStatus.strip();
        if (status.equals("submitted")) {
            return submission == null || submission.isBlank() ? TerminationReason.NO_OP : TerminationReason.COMPLETED;
        }
        int open = status.indexOf('(');
        int close = status.lastIndexOf(')');
        String cause = status.startsWith("submitted") && open >= 0 && close > open
                ? status.substring(open + 1, close).strip()
                : status;
        switch (cause) {
            case "exit_cost":
            case "exit_context":
                return TerminationReason.BUDGET_EXHAUSTED;
            case "exit_total_execution_time":
            case "exit_command_timeout":
            case "exit_step_limit":
                return TerminationReason.MAX_TURNS;
            case "early_exit":
                return TerminationReason.CANCELLED;
            default:
                return TerminationReason.ERROR;
        }
    }

    private static String errorMessage(TerminationReason reason, String exitStatus) {
        if (reason == TerminationReason.NO_OP) {
            return "submitted without a patch (info.submission is empty)";
        }
        if (reason != TerminationReason.ERROR) {
            return null;
        }
        return exitStatus == null || exitStatus.isBlank()
                ? "info.exit_status is missing: the run did not finish"
                : "SWE-agent exited with status '" + exitStatus.strip() + "'";
    }

    /** The run's totals from {@code info.model_stats}. */
    private record ModelStats(long tokensSent, long tokensReceived, double cost, Long apiCalls) {}

    private static ModelStats modelStats(String name, JsonFields info, Consumer<InputProblem> problems) {
        JsonNode statsNode = info == null ? null : info.raw("model_stats");
        if (statsNode == null || statsNode.isNull()) {
            return new ModelStats(0, 0, 0.0, null);
        }
        try {
            JsonFields stats = new JsonFields(statsNode, "info.model_stats");
            long sent = stats.longValue("tokens_sent", 0);
            long received = stats.longValue("tokens_received", 0);
            double cost = stats.has("instance_cost")
                    ? stats.doubleValue("instance_cost", 0.0)
                    : stats.doubleValue("total_cost", 0.0);
            if (sent < 0 || received < 0 || !(cost >= 0.0) || Double.isInfinite(cost)) {
                throw new FieldException("info.model_stats", "tokens and cost must be >= 0");
            }
            return new ModelStats(sent, received, cost, stats.optionalLong("api_calls"));
        } catch (FieldException e) {
            // The steps are still worth analysing without token counts.
            problems.accept(new InputProblem(name + "#", e.field(), e.getMessage() + " (tokens and cost left at 0)"));
            return new ModelStats(0, 0, 0.0, null);
        }
    }

    /** Turn k's share of {@code total} over n turns; the remainder goes to the first turns, so the sum is exact. */
    private static long share(long total, int n, int k) {
        return total / n + (k < total % n ? 1 : 0);
    }

    /** {@code swe-agent}, or {@code swe-agent/<model>} when a newer file's {@code replay_config} names the model. */
    private static String agentId(JsonNode root) {
        JsonNode config = root.get("replay_config");
        try {
            if (config != null && config.isTextual()) {
                config = MAPPER.readTree(config.asText());
            }
        } catch (JsonProcessingException e) {
            config = null;
        }
        if (config != null && config.isObject()) {
            JsonNode model = config.path("agent").path("model");
            String modelName = textOrNull(model.has("name") ? model.get("name") : model.get("model_name"));
            if (modelName != null && !modelName.isBlank()) {
                return NAME + "/" + modelName.strip();
            }
        }
        return NAME;
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static void putIfPresent(Map<String, Object> metadata, String key, Object value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
