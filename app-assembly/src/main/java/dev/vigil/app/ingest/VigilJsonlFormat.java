package dev.vigil.app.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.spi.model.AgentMessage;
import dev.vigil.spi.model.BehaviorTag;
import dev.vigil.spi.model.Complexity;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.LlmCallCategory;
import dev.vigil.spi.model.NodeType;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.ToolResult;
import dev.vigil.spi.model.Turn;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Vigil's own JSON Lines format (docs/formats.md): one run or team run per line. */
public final class VigilJsonlFormat implements TraceFormat {

    public static final String NAME = "vigil";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final java.util.regex.Pattern KIND =
            java.util.regex.Pattern.compile("\"kind\"\\s*:\\s*\"(run|team_run)\"");

    @Override
    public String name() {
        return NAME;
    }

    /** A file is in this format when any line of its head is a run or team-run object (a broken first line is not enough to lose it). */
    @Override
    public boolean detect(Path file, String head) {
        for (String line : head.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("{") && KIND.matcher(trimmed).find()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void read(Path file, Consumer<TraceRecord> records, Consumer<InputProblem> problems) throws IOException {
        String name = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                    continue;
                }
                String origin = name + ":" + lineNumber;
                TraceRecord record;
                try {
                    record = parseLine(trimmed, origin);
                } catch (FieldException e) {
                    problems.accept(new InputProblem(origin, e.field(), e.getMessage()));
                    continue;
                } catch (JsonProcessingException e) {
                    problems.accept(new InputProblem(origin, "line", "not valid JSON: " + e.getOriginalMessage()));
                    continue;
                } catch (IllegalArgumentException | NullPointerException e) {
                    // The data model's own validation (e.g. "turns must have strictly increasing turnNumber").
                    problems.accept(new InputProblem(origin, "record", String.valueOf(e.getMessage())));
                    continue;
                }
                records.accept(record);
            }
        }
    }

    /** Parses one non-blank line into a record. */
    static TraceRecord parseLine(String line, String origin) throws JsonProcessingException {
        JsonNode node = MAPPER.readTree(line);
        JsonFields fields = new JsonFields(node, "");
        String kind = fields.requiredText("kind");
        return switch (kind) {
            case "run" -> parseSingleRun(fields, origin);
            case "team_run" -> new TraceRecord.Team(parseTeamRun(fields), origin);
            default -> throw new FieldException("kind", "must be 'run' or 'team_run', got '" + kind + "'");
        };
    }

    private static TraceRecord.SingleRun parseSingleRun(JsonFields fields, String origin) {
        Run run = parseRun(fields);
        CandidateInfo candidate = null;
        JsonFields c = fields.object("candidate");
        if (c != null) {
            candidate = new CandidateInfo(
                    c.intValue("index", 0),
                    c.optionalDouble("verbalized_confidence"),
                    c.optionalLong("trace_tokens"),
                    c.optionalDouble("outcome"));
        }
        List<String> stepOrigins = new ArrayList<>();
        for (int i = 0; i < run.steps().size(); i++) {
            stepOrigins.add(origin + " steps[" + i + "]");
        }
        return new TraceRecord.SingleRun(run, candidate, stepOrigins, origin);
    }

    static Run parseRun(JsonFields fields) {
        String runId = fields.requiredText("run_id");
        String agentId = fields.requiredText("agent_id");
        String taskId = fields.has("task_id") ? fields.text("task_id") : runId;
        TerminationReason reason = fields.requiredEnum("termination_reason", TerminationReason.class);
        Run.Builder builder = Run.builder(runId, agentId, taskId, reason)
                .errorMessage(fields.text("error_message"))
                .errorType(fields.text("error_type"))
                .recoveryApplied(Boolean.TRUE.equals(fields.optionalBoolean("recovery_applied")))
                .startedAt(fields.instant("started_at"))
                .endedAt(fields.instant("ended_at"))
                .systemPromptTokens(fields.longValue("system_prompt_tokens", 0))
                .expectedSteps(fields.intValue("expected_steps", 0))
                .taskType(fields.text("task_type"))
                .complexity(fields.enumValue("complexity", Complexity.class))
                .finalOutput(fields.text("final_output"))
                .metadata(fields.jsonObject("metadata"));
        List<Turn> turns = new ArrayList<>();
        int priorToolCalls = 0;
        for (JsonFields turnFields : fields.objects("turns")) {
            Turn turn = parseTurn(turnFields, priorToolCalls);
            priorToolCalls += turn.toolCalls().size();
            turns.add(turn);
        }
        builder.turns(turns);
        List<JsonFields> steps = fields.objects("steps");
        if (!steps.isEmpty()) {
            builder.sourceSteps(parseSteps(steps, turns));
        }
        return builder.build();
    }

    private static Turn parseTurn(JsonFields t, int priorToolCalls) {
        Turn.Builder turn = Turn.builder(
                        t.intValue("turn_number", 0), t.requiredEnum("finish_reason", FinishReason.class))
                .inputTokens(t.longValue("input_tokens", 0))
                .outputTokens(t.longValue("output_tokens", 0))
                .cost(t.doubleValue("cost", 0.0))
                .callCategory(t.enumValue("call_category", LlmCallCategory.class))
                .latencyMs(t.optionalDouble("latency_ms"))
                .cacheHit(t.optionalBoolean("cache_hit"))
                .retryCount(t.optionalInt("retry_count"))
                .retryReason(t.text("retry_reason"))
                .behaviorTags(t.enumList("behavior_tags", BehaviorTag.class))
                .priorToolCallCount(
                        t.has("prior_tool_call_count") ? t.intValue("prior_tool_call_count", 0) : priorToolCalls)
                .toolResponseTokens(t.longValue("tool_response_tokens", 0))
                .semanticDriftScore(t.optionalDouble("semantic_drift_score"))
                .startedAt(t.instant("started_at"))
                .endedAt(t.instant("ended_at"))
                .content(t.text("content"));
        List<NodeType> extra = t.enumList("extra_node_types", NodeType.class);
        turn.extraNodeTypes(extra.isEmpty() ? EnumSet.noneOf(NodeType.class) : EnumSet.copyOf(extra));
        if (!t.has("turn_number")) {
            throw new FieldException(t.pathOf("turn_number"), "is required");
        }
        List<ToolCall> calls = new ArrayList<>();
        for (JsonFields call : t.objects("tool_calls")) {
            String name = call.requiredText("name");
            JsonNode arguments = call.raw("arguments");
            String id = call.text("id");
            ToolCall parsed;
            if (arguments == null || arguments.isNull()) {
                parsed = new ToolCall(name, Map.of(), id);
            } else if (arguments.isObject()) {
                parsed = new ToolCall(name, call.jsonObject("arguments"), id);
            } else {
                // F12: anything but a JSON object is kept verbatim.
                parsed = ToolCall.ofRawArguments(
                        name, arguments.isTextual() ? arguments.asText() : arguments.toString(), id);
            }
            JsonFields result = call.object("result");
            if (result != null) {
                String content = result.text("content");
                parsed = parsed.withResult(new ToolResult(
                        content == null ? "" : content, Boolean.TRUE.equals(result.optionalBoolean("error"))));
            }
            calls.add(parsed);
        }
        turn.toolCalls(calls);
        return turn.build();
    }

    private static List<Step> parseSteps(List<JsonFields> steps, List<Turn> turns) {
        Map<Integer, Turn> byNumber = new HashMap<>();
        turns.forEach(turn -> byNumber.put(turn.turnNumber(), turn));
        List<Step> result = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonFields step = steps.get(i);
            List<Turn> stepTurns = new ArrayList<>();
            JsonNode numbers = step.raw("turns");
            if (numbers != null && numbers.isArray()) {
                for (JsonNode number : numbers) {
                    Turn turn = byNumber.get(number.asInt());
                    if (turn == null) {
                        throw new FieldException(
                                step.pathOf("turns"), "names turn " + number + ", which the run does not have");
                    }
                    stepTurns.add(turn);
                }
            }
            TerminationReason reason = step.has("termination_reason")
                    ? step.requiredEnum("termination_reason", TerminationReason.class)
                    : TerminationReason.COMPLETED;
            result.add(new Step(i, stepTurns, reason, step.enumValue("label", StepQuality.class)));
        }
        return result;
    }

    private static TeamRun parseTeamRun(JsonFields fields) {
        String teamRunId = fields.requiredText("team_run_id");
        String taskId = fields.requiredText("task_id");
        List<Run> agentRuns = new ArrayList<>();
        for (JsonFields agentRun : fields.objects("agent_runs")) {
            agentRuns.add(parseRun(agentRun));
        }
        if (agentRuns.isEmpty()) {
            throw new FieldException("agent_runs", "must not be empty");
        }
        TeamRun.Builder builder = TeamRun.builder(teamRunId, taskId, agentRuns)
                .leadAgentId(fields.text("lead_agent_id"))
                .teamSize(fields.optionalInt("team_size"));
        if (fields.has("messages")) {
            List<AgentMessage> messages = new ArrayList<>();
            for (JsonFields message : fields.objects("messages")) {
                messages.add(new AgentMessage(
                        message.requiredText("from"),
                        message.text("to"),
                        message.instant("sent_at"),
                        message.text("channel")));
            }
            builder.messages(messages);
        }
        return builder.build();
    }
}
