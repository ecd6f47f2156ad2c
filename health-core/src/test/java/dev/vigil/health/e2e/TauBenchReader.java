package dev.vigil.health.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small test-only reader for the τ-bench historical trajectories (until the assembly's ingest lands). One run per
 * {task_id, trial}; one turn per assistant message, with its tool calls ({@code arguments} is a JSON string; text that
 * is not a JSON object is kept raw, F12). A conversational agent's natural step is its handling of one user message,
 * so a step holds the assistant turns between two user messages; it ends in ERROR when any of its tool results starts
 * with {@code Error} (the file's convention for tool errors), else it completes. The file has no timestamps or tokens,
 * so every duration is 0. Every conversation ends normally (the user's {@code ###STOP###} or a transfer to a human),
 * so every run is COMPLETED; the binary reward is kept in the metadata, not in the termination reason.
 */
final class TauBenchReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private TauBenchReader() {}

    static List<Run> read(Path file) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (JsonNode record : JSON.readTree(file.toFile())) {
            runs.add(run(record));
        }
        return runs;
    }

    static String runId(int task, int trial) {
        return "taubench-airline-task" + task + "-trial" + trial;
    }

    private static Run run(JsonNode record) {
        int task = record.get("task_id").asInt();
        int trial = record.get("trial").asInt();
        List<Turn> turns = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<Turn> stepTurns = new ArrayList<>();
        boolean stepFailed = false;
        for (JsonNode message : record.get("traj")) {
            String role = message.path("role").asText();
            if (role.equals("user")) {
                if (!stepTurns.isEmpty()) {
                    steps.add(step(steps.size(), stepTurns, stepFailed));
                }
                stepTurns = new ArrayList<>();
                stepFailed = false;
            } else if (role.equals("assistant")) {
                List<ToolCall> calls = new ArrayList<>();
                for (JsonNode call : message.path("tool_calls")) {
                    calls.add(toolCall(call));
                }
                Turn turn = Turn.builder(turns.size() + 1, calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_USE)
                        .toolCalls(calls)
                        .build();
                turns.add(turn);
                stepTurns.add(turn);
            } else if (role.equals("tool") && message.path("content").asText().startsWith("Error")) {
                stepFailed = true;
            }
        }
        if (!stepTurns.isEmpty()) {
            steps.add(step(steps.size(), stepTurns, stepFailed));
        }
        return Run.builder(
                        runId(task, trial), "gpt-4o-airline-agent", "airline-task-" + task, TerminationReason.COMPLETED)
                .turns(turns)
                .sourceSteps(steps)
                .metadata(Map.of("reward", record.get("reward").asDouble()))
                .build();
    }

    private static Step step(int index, List<Turn> turns, boolean failed) {
        return new Step(index, List.copyOf(turns), failed ? TerminationReason.ERROR : TerminationReason.COMPLETED);
    }

    private static ToolCall toolCall(JsonNode call) {
        String name = call.path("function").path("name").asText();
        String arguments = call.path("function").path("arguments").asText();
        String id = call.path("id").isMissingNode() ? null : call.path("id").asText();
        try {
            JsonNode parsed = JSON.readTree(arguments);
            if (parsed != null && parsed.isObject()) {
                return new ToolCall(name, JSON.convertValue(parsed, OBJECT), id);
            }
        } catch (IOException e) {
            // not JSON: kept raw below
        }
        return ToolCall.ofRawArguments(name, arguments, id);
    }
}
