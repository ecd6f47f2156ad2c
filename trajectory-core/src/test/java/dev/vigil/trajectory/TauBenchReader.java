package dev.vigil.trajectory;

import com.fasterxml.jackson.core.type.TypeReference;
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

/**
 * Test-only reader for the τ-bench historical trajectories (traces README): one run per trial, one turn (and so one
 * step, F1) per assistant message, tool calls from the OpenAI-style {@code tool_calls} with their JSON-string arguments.
 * The source has no token counts, so turns carry 0 tokens; {@link Trial#estimatedOutputTokens()} is a rough
 * characters ÷ 4 estimate of the assistant's output, for the test's second selection variant only. Until the
 * assembly's ingest lands.
 */
final class TauBenchReader {

    /** Characters per token of the rough estimate (a common rule of thumb for English text). */
    private static final int CHARS_PER_TOKEN = 4;

    /** One recorded trial. */
    record Trial(String taskId, int trial, double reward, Run run, long estimatedOutputTokens) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TauBenchReader() {}

    static List<Trial> read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        List<Trial> trials = new ArrayList<>();
        for (JsonNode record : root) {
            trials.add(trial(record));
        }
        return trials;
    }

    private static Trial trial(JsonNode record) {
        String taskId = record.get("task_id").asText();
        int trial = record.get("trial").asInt();
        double reward = record.get("reward").asDouble();
        List<Turn> turns = new ArrayList<>();
        int priorToolCalls = 0;
        long outputChars = 0;
        for (JsonNode message : record.get("traj")) {
            if (!"assistant".equals(message.path("role").asText())) {
                continue;
            }
            List<ToolCall> calls = new ArrayList<>();
            for (JsonNode call : message.path("tool_calls")) {
                JsonNode function = call.get("function");
                String name = function.get("name").asText();
                String arguments = function.path("arguments").asText("");
                String id = call.hasNonNull("id") ? call.get("id").asText() : null;
                calls.add(toolCall(name, arguments, id));
                outputChars += name.length() + arguments.length();
            }
            if (message.hasNonNull("content")) {
                outputChars += message.get("content").asText().length();
            }
            turns.add(Turn.builder(turns.size() + 1, calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_USE)
                    .toolCalls(calls)
                    .priorToolCallCount(priorToolCalls)
                    .build());
            priorToolCalls += calls.size();
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("reward", reward);
        metadata.put("trial", trial);
        Run run = Run.builder(
                        "taubench-airline-" + taskId + "-" + trial,
                        "gpt-4o-airline",
                        taskId,
                        TerminationReason.COMPLETED)
                .turns(turns)
                .taskType("taubench-airline")
                .metadata(metadata)
                .build();
        long estimatedTokens = (outputChars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
        return new Trial(taskId, trial, reward, run, estimatedTokens);
    }

    /** Parses the JSON-string arguments; text that is not a JSON object is kept raw (F12). */
    private static ToolCall toolCall(String name, String arguments, String id) {
        try {
            JsonNode parsed = MAPPER.readTree(arguments);
            if (parsed != null && parsed.isObject()) {
                Map<String, Object> map = MAPPER.convertValue(parsed, new TypeReference<Map<String, Object>>() {});
                return new ToolCall(name, map, id);
            }
        } catch (IOException | IllegalArgumentException e) {
            // fall through to the raw form
        }
        return ToolCall.ofRawArguments(name, arguments, id);
    }
}
