package dev.vigil.app.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * AgentProcessBench JSON Lines (docs/formats.md): one labelled agent run per line, {@code {total_index, query_index,
 * sample_index, question, messages, step_labels, final_label, ...}}. {@code messages} is an OpenAI-style chat
 * transcript ({@link OpenAiChatMapping}); each assistant message is one step, and {@code step_labels} (assistant
 * message index → 1 / 0 / -1) becomes that step's label (correct / neutral / incorrect). Samples of one query are
 * best-of-K candidates of one task, with {@code final_label} as the outcome. The run's {@code task_prompt} metadata is
 * the {@code question} (else the first user message).
 */
public final class AgentProcessBenchFormat implements TraceFormat {

    public static final String NAME = "agentprocessbench";

    /** Run-metadata key of the task's prompt, read by step classifiers (e.g. {@code grounded}). */
    static final String TASK_PROMPT = "task_prompt";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean detect(Path file, String head) {
        for (String line : head.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            return trimmed.startsWith("{")
                    && trimmed.contains("\"messages\"")
                    && (trimmed.contains("\"step_labels\"")
                            || trimmed.contains("\"query_index\"")
                            || trimmed.contains("\"final_label\""));
        }
        return false;
    }

    @Override
    public void read(Path file, Consumer<TraceRecord> records, Consumer<InputProblem> problems) throws IOException {
        String name = file.getFileName().toString();
        String stem = TauBenchFormat.stem(name);
        Map<String, String> seen = new HashMap<>();
        try (BufferedReader reader = utf8Lenient(file)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String origin = name + ":" + lineNumber;
                TraceRecord.SingleRun record;
                try {
                    record = parseLine(trimmed, stem, origin, lineNumber);
                } catch (FieldException e) {
                    problems.accept(new InputProblem(origin, e.field(), e.getMessage()));
                    continue;
                } catch (JsonProcessingException e) {
                    problems.accept(new InputProblem(origin, "line", "not valid JSON: " + e.getOriginalMessage()));
                    continue;
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.accept(new InputProblem(origin, "record", String.valueOf(e.getMessage())));
                    continue;
                }
                String previous = seen.putIfAbsent(record.run().runId(), origin);
                if (previous != null) {
                    problems.accept(new InputProblem(
                            origin, "total_index", "duplicates the run at " + previous + " (same total_index)"));
                    continue;
                }
                records.accept(record);
            }
        }
    }

    static TraceRecord.SingleRun parseLine(String line, String stem, String origin, long lineNumber)
            throws JsonProcessingException {
        JsonFields fields = new JsonFields(MAPPER.readTree(line), "");
        Integer totalIndex = fields.optionalInt("total_index");
        Integer queryIndex = fields.optionalInt("query_index");
        Integer sampleIndex = fields.optionalInt("sample_index");
        Double finalLabel = fields.optionalDouble("final_label");
        OpenAiChatMapping.Transcript transcript = OpenAiChatMapping.read(fields.raw("messages"), "messages");
        Map<Integer, StepQuality> labels = labels(fields, transcript.assistantIndexes());

        List<Turn> turns = transcript.turns();
        TerminationReason reason = TerminationReason.COMPLETED;
        List<Step> steps = new ArrayList<>();
        List<String> stepOrigins = new ArrayList<>();
        for (int k = 0; k < turns.size(); k++) {
            int messageIndex = transcript.assistantIndexes().get(k);
            TerminationReason stepReason = k < turns.size() - 1 ? TerminationReason.COMPLETED : reason;
            steps.add(new Step(k, List.of(turns.get(k)), stepReason, labels.get(messageIndex)));
            stepOrigins.add(origin + "#/messages/" + messageIndex);
        }
        if (stepOrigins.isEmpty()) {
            stepOrigins.add(origin); // F1: a run without turns still has one (empty) step
        }

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source_format", NAME);
        putIfPresent(metadata, "total_index", totalIndex);
        putIfPresent(metadata, "query_index", queryIndex);
        putIfPresent(metadata, "sample_index", sampleIndex);
        putIfPresent(metadata, "data_source", textOrNull(fields.raw("data_source")));
        String question = textOrNull(fields.raw("question"));
        putIfPresent(metadata, "question", question);
        putIfPresent(
                metadata,
                TASK_PROMPT,
                question != null && !question.isBlank() ? question.strip() : transcript.taskPrompt());
        putIfPresent(metadata, "final_label", finalLabel);
        metadata.put("labelled_steps", labels.size());
        metadata.put("tool_results", transcript.toolResults());
        metadata.put("tool_errors", transcript.toolErrors());
        if (transcript.unpairedToolResults() > 0) {
            metadata.put("unpaired_tool_results", transcript.unpairedToolResults());
        }

        String runId = stem + ":" + (totalIndex != null ? "row-" + totalIndex : "line-" + lineNumber);
        String taskId = queryIndex != null ? stem + ":query-" + queryIndex : runId;
        String answer = textOrNull(fields.raw("answer_text"));
        Run run = Run.builder(runId, stem, taskId, reason)
                .turns(turns)
                .sourceSteps(steps)
                .finalOutput(answer != null ? answer : transcript.finalAssistantText())
                .metadata(metadata)
                .build();
        CandidateInfo candidate = queryIndex != null && sampleIndex != null
                ? new CandidateInfo(sampleIndex, null, null, finalLabel)
                : null;
        if (candidate != null && sampleIndex < 0) {
            throw new FieldException("sample_index", "must be >= 0, got " + sampleIndex);
        }
        return new TraceRecord.SingleRun(run, candidate, stepOrigins, origin);
    }

    /** {@code step_labels}: assistant message index (as a string) → 1 / 0 / -1. */
    private static Map<Integer, StepQuality> labels(JsonFields fields, List<Integer> assistantIndexes) {
        Map<Integer, StepQuality> labels = new HashMap<>();
        JsonNode node = fields.raw("step_labels");
        if (node == null || node.isNull()) {
            return labels;
        }
        if (!node.isObject()) {
            throw new FieldException(
                    "step_labels", "must be an object mapping assistant message indexes to -1, 0 or 1");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String field = "step_labels." + entry.getKey();
            int messageIndex;
            try {
                messageIndex = Integer.parseInt(entry.getKey().strip());
            } catch (NumberFormatException e) {
                throw new FieldException(field, "the key must be a message index, got '" + entry.getKey() + "'");
            }
            if (!assistantIndexes.contains(messageIndex)) {
                throw new FieldException(
                        field, "names message " + messageIndex + ", which is not an assistant message");
            }
            labels.put(messageIndex, quality(entry.getValue(), field));
        }
        return labels;
    }

    private static StepQuality quality(JsonNode value, String field) {
        String text = value.isNumber() || value.isTextual() ? value.asText().strip() : "";
        switch (text) {
            case "1":
            case "1.0":
                return StepQuality.CORRECT;
            case "0":
            case "0.0":
                return StepQuality.NEUTRAL;
            case "-1":
            case "-1.0":
                return StepQuality.INCORRECT;
            default:
                throw new FieldException(field, "must be 1, 0 or -1, got " + value);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static void putIfPresent(Map<String, Object> metadata, String key, Object value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }

    /** Malformed UTF-8 becomes U+FFFD, so one bad byte costs at most its own line, not the whole file. */
    private static BufferedReader utf8Lenient(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    }
}
