package dev.vigil.app.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TerminationReason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * τ-bench results and historical trajectories (docs/formats.md): a JSON array of {@code {task_id, trial, reward, info,
 * traj}}. Each element is one run and one best-of-K candidate of its task ({@code index} = trial, {@code outcome} =
 * reward); {@code traj} is an OpenAI-style chat transcript mapped by {@link OpenAiChatMapping}. The array is streamed:
 * one element is in memory at a time. The run's {@code task_prompt} metadata is the first user message of {@code traj}.
 */
public final class TauBenchFormat implements TraceFormat {

    public static final String NAME = "tau-bench";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean detect(Path file, String head) {
        String text = head.stripLeading();
        if (!text.startsWith("[")) {
            return false;
        }
        String rest = text.substring(1).stripLeading();
        return rest.startsWith("{")
                && rest.contains("\"task_id\"")
                && (rest.contains("\"traj\"") || rest.contains("\"trial\"") || rest.contains("\"reward\""));
    }

    @Override
    public void read(Path file, Consumer<TraceRecord> records, Consumer<InputProblem> problems) throws IOException {
        String name = file.getFileName().toString();
        String stem = stem(name);
        Map<String, String> seen = new HashMap<>();
        int index = 0;
        try (JsonParser parser = FACTORY.createParser(file.toFile())) {
            parser.setCodec(MAPPER);
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (JsonProcessingException e) {
                problems.accept(new InputProblem(name + "#", "record", notJson(e)));
                return;
            }
            if (first != JsonToken.START_ARRAY) {
                problems.accept(new InputProblem(
                        name + "#", "record", "must be a JSON array of {task_id, trial, reward, traj} objects"));
                return;
            }
            while (true) {
                String location = name + "#/" + index;
                JsonNode element;
                try {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        break;
                    }
                    if (token == null) {
                        problems.accept(new InputProblem(location, "record", "the array ends early (file truncated)"));
                        return;
                    }
                    element = parser.readValueAsTree();
                } catch (JsonProcessingException e) {
                    // A syntax error leaves no safe place to resume inside one JSON document: stop here, keeping
                    // every element read so far.
                    problems.accept(new InputProblem(location, "record", notJson(e)));
                    return;
                }
                index++;
                TraceRecord.SingleRun run;
                try {
                    run = parseElement(element, stem, location);
                } catch (FieldException e) {
                    problems.accept(new InputProblem(location, e.field(), e.getMessage()));
                    continue;
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.accept(new InputProblem(location, "record", String.valueOf(e.getMessage())));
                    continue;
                }
                String previous = seen.putIfAbsent(run.run().runId(), location);
                if (previous != null) {
                    problems.accept(new InputProblem(
                            location, "trial", "duplicates the record at " + previous + " (same task_id and trial)"));
                    continue;
                }
                records.accept(run);
            }
        }
    }

    static TraceRecord.SingleRun parseElement(JsonNode element, String stem, String location) {
        JsonFields fields = new JsonFields(element, "");
        String taskId = idText(fields, "task_id");
        int trial = fields.intValue("trial", -1);
        if (!fields.has("trial")) {
            throw new FieldException("trial", "is required");
        }
        if (trial < 0) {
            throw new FieldException("trial", "must be >= 0, got " + trial);
        }
        Double reward = fields.optionalDouble("reward");
        if (reward != null && !Double.isFinite(reward)) {
            throw new FieldException("reward", "must be finite, got " + reward);
        }
        OpenAiChatMapping.Transcript transcript = OpenAiChatMapping.read(fields.raw("traj"), "traj");
        JsonFields info = fields.object("info");
        String error = info == null ? null : errorText(info.raw("error"));
        TerminationReason reason = error == null ? TerminationReason.COMPLETED : TerminationReason.ERROR;

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source_format", NAME);
        metadata.put("task_id", taskId);
        metadata.put("trial", trial);
        if (reward != null) {
            metadata.put("reward", reward);
        }
        if (transcript.taskPrompt() != null) {
            metadata.put(AgentProcessBenchFormat.TASK_PROMPT, transcript.taskPrompt());
        }
        metadata.put("tool_results", transcript.toolResults());
        metadata.put("tool_errors", transcript.toolErrors());
        if (transcript.unpairedToolResults() > 0) {
            metadata.put("unpaired_tool_results", transcript.unpairedToolResults());
        }
        if (info != null
                && info.raw("user_cost") != null
                && info.raw("user_cost").isNumber()) {
            metadata.put("user_simulator_cost", info.raw("user_cost").asDouble());
        }

        String fullTaskId = stem + ":task-" + taskId;
        Run run = Run.builder(fullTaskId + ":trial-" + trial, stem, fullTaskId, reason)
                .errorMessage(error)
                .turns(transcript.turns())
                .finalOutput(transcript.finalAssistantText())
                .metadata(metadata)
                .build();
        List<String> stepOrigins = new ArrayList<>();
        for (int messageIndex : transcript.assistantIndexes()) {
            stepOrigins.add(location + "/traj/" + messageIndex);
        }
        if (stepOrigins.isEmpty()) {
            stepOrigins.add(location); // F1: a run without turns still has one (empty) step
        }
        return new TraceRecord.SingleRun(run, new CandidateInfo(trial, null, null, reward), stepOrigins, location);
    }

    /** {@code task_id} as text: τ-bench writes an integer; strings are accepted too. */
    private static String idText(JsonFields fields, String field) {
        JsonNode value = fields.raw(field);
        if (value == null || value.isNull()) {
            throw new FieldException(field, "is required");
        }
        if (value.isIntegralNumber() || (value.isTextual() && !value.asText().isBlank())) {
            return value.asText().strip();
        }
        throw new FieldException(field, "must be an integer or a non-blank string, got " + value);
    }

    /** τ-bench records a crashed run as {@code info.error}; its text becomes the error message. */
    private static String errorText(JsonNode error) {
        if (error == null || error.isNull()) {
            return null;
        }
        String text = error.isTextual() ? error.asText() : error.toString();
        return text.isBlank() ? "the run failed (info.error is empty)" : text;
    }

    private static String notJson(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        return "not valid JSON: " + e.getOriginalMessage() + at;
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
