package dev.vigil.app.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.ToolResult;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an OpenAI-style chat transcript ({@code [{role, content, tool_calls, tool_call_id}, ...]}) to turns, shared by
 * the τ-bench and AgentProcessBench formats.
 *
 * <p>Rules (docs/formats.md): one turn per assistant message, numbered from 1; its {@code tool_calls} become tool
 * calls ({@code function.arguments} JSON text becomes the argument map, other text is kept as {@code {"_raw": text}});
 * {@code tool_calls} given as a Python-literal string is read with {@link OpenAiChatPythonLiteral}. A tool result
 * pairs with the oldest unanswered call carrying its {@code tool_call_id}, or, when no unanswered call has that id
 * (ids repeat or are missing), with the oldest unanswered call: pairing by position. A result whose text starts with
 * {@code Error}, or that is a JSON object with a non-empty {@code error} member, is a tool error and makes its call's
 * turn finish with {@link FinishReason#ERROR}. The assistant message's text becomes the turn's {@code content} (null
 * when blank); each tool message becomes its paired call's {@link ToolResult}; the first user message is the task
 * prompt.
 */
final class OpenAiChatMapping {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE = new TypeReference<>() {};

    private OpenAiChatMapping() {}

    /**
     * The transcript's turns.
     *
     * @param turns one per assistant message, in order
     * @param assistantIndexes for each turn, the index of its assistant message in the transcript
     * @param toolResults tool messages read
     * @param toolErrors tool results recognised as errors
     * @param unpairedToolResults tool results with no call left to pair with
     * @param finalAssistantText the content of the last assistant message with text, or null
     * @param taskPrompt the text of the first user message with text (the task or question), or null
     */
    record Transcript(
            List<Turn> turns,
            List<Integer> assistantIndexes,
            int toolResults,
            int toolErrors,
            int unpairedToolResults,
            String finalAssistantText,
            String taskPrompt) {
        Transcript {
            turns = List.copyOf(turns);
            assistantIndexes = List.copyOf(assistantIndexes);
        }
    }

    /** A call still waiting for its result: its turn, its position in that turn, its source id. */
    private record PendingCall(int turn, int call, String id) {}

    /** A turn under construction. */
    private static final class TurnDraft {
        final List<ToolCall> calls = new ArrayList<>();
        long inputTokens;
        long outputTokens;
        String content;
        FinishReason sourceFinish;
        boolean toolError;
    }

    /**
     * Reads {@code messages} (a JSON array) found at {@code field}.
     *
     * @throws FieldException naming the message and field that is wrong
     */
    static Transcript read(JsonNode messages, String field) {
        if (messages == null || messages.isNull() || messages.isMissingNode()) {
            throw new FieldException(field, "is required");
        }
        if (!messages.isArray()) {
            throw new FieldException(field, "must be an array of chat messages");
        }
        List<TurnDraft> drafts = new ArrayList<>();
        List<Integer> assistantIndexes = new ArrayList<>();
        List<PendingCall> pending = new ArrayList<>();
        int toolResults = 0;
        int toolErrors = 0;
        int unpaired = 0;
        String finalText = null;
        String taskPrompt = null;
        for (int i = 0; i < messages.size(); i++) {
            String path = field + "[" + i + "]";
            JsonFields message = new JsonFields(messages.get(i), path);
            String role = message.requiredText("role");
            switch (role) {
                case "assistant" -> {
                    TurnDraft draft = assistantTurn(message, path);
                    for (int c = 0; c < draft.calls.size(); c++) {
                        pending.add(new PendingCall(
                                drafts.size(), c, draft.calls.get(c).id()));
                    }
                    drafts.add(draft);
                    assistantIndexes.add(i);
                    String text = contentText(message.raw("content"));
                    if (!text.isBlank()) {
                        finalText = text;
                        draft.content = text;
                    }
                }
                case "user" -> {
                    String text = contentText(message.raw("content"));
                    if (taskPrompt == null && !text.isBlank()) {
                        taskPrompt = text;
                    }
                }
                case "tool", "function" -> {
                    toolResults++;
                    String id = scalarText(message.raw("tool_call_id"));
                    int match = -1;
                    for (int p = 0; p < pending.size() && id != null; p++) {
                        if (id.equals(pending.get(p).id())) {
                            match = p;
                            break;
                        }
                    }
                    if (match < 0 && !pending.isEmpty()) {
                        match = 0; // no unanswered call has this id: pair by position
                    }
                    String resultText = contentText(message.raw("content"));
                    boolean error = isToolError(resultText);
                    if (error) {
                        toolErrors++;
                    }
                    if (match < 0) {
                        unpaired++;
                    } else {
                        PendingCall call = pending.remove(match);
                        TurnDraft owner = drafts.get(call.turn());
                        owner.toolError |= error;
                        owner.calls.set(
                                call.call(),
                                owner.calls.get(call.call()).withResult(new ToolResult(resultText, error)));
                    }
                }
                default -> {
                    // system, developer: context for the agent, not its own turns
                }
            }
        }
        List<Turn> turns = new ArrayList<>(drafts.size());
        int priorToolCalls = 0;
        for (int t = 0; t < drafts.size(); t++) {
            TurnDraft draft = drafts.get(t);
            FinishReason finish;
            if (draft.toolError) {
                finish = FinishReason.ERROR;
            } else if (draft.sourceFinish != null) {
                finish = draft.sourceFinish;
            } else {
                finish = draft.calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_USE;
            }
            turns.add(Turn.builder(t + 1, finish)
                    .inputTokens(draft.inputTokens)
                    .outputTokens(draft.outputTokens)
                    .toolCalls(draft.calls)
                    .priorToolCallCount(priorToolCalls)
                    .content(draft.content)
                    .build());
            priorToolCalls += draft.calls.size();
        }
        return new Transcript(turns, assistantIndexes, toolResults, toolErrors, unpaired, finalText, taskPrompt);
    }

    private static TurnDraft assistantTurn(JsonFields message, String path) {
        TurnDraft draft = new TurnDraft();
        JsonNode calls = toolCallsNode(message.raw("tool_calls"), path + ".tool_calls");
        for (int j = 0; j < calls.size(); j++) {
            draft.calls.add(toolCall(new JsonFields(calls.get(j), path + ".tool_calls[" + j + "]")));
        }
        JsonFields usage = message.object("usage");
        if (usage != null) {
            draft.inputTokens = usage.has("prompt_tokens")
                    ? usage.longValue("prompt_tokens", 0)
                    : usage.longValue("input_tokens", 0);
            draft.outputTokens = usage.has("completion_tokens")
                    ? usage.longValue("completion_tokens", 0)
                    : usage.longValue("output_tokens", 0);
        }
        String finish = message.text("finish_reason");
        if ("length".equals(finish)) {
            draft.sourceFinish = FinishReason.MAX_TOKENS;
        } else if ("content_filter".equals(finish)) {
            draft.sourceFinish = FinishReason.CONTENT_FILTER;
        }
        return draft;
    }

    /** The tool-call array, read from JSON or from its Python-literal text. */
    private static JsonNode toolCallsNode(JsonNode raw, String field) {
        if (raw == null || raw.isNull()) {
            return MAPPER.createArrayNode();
        }
        JsonNode calls = raw;
        if (raw.isTextual()) {
            String text = raw.asText().strip();
            if (text.isEmpty()) {
                return MAPPER.createArrayNode();
            }
            try {
                calls = OpenAiChatPythonLiteral.parse(text);
            } catch (IllegalArgumentException e) {
                throw new FieldException(field, "is text but not a Python or JSON literal: " + e.getMessage());
            }
        }
        if (calls.isNull()) {
            return MAPPER.createArrayNode(); // the text "None"
        }
        if (!calls.isArray()) {
            throw new FieldException(field, "must be an array of tool calls (or its Python-literal text)");
        }
        return calls;
    }

    private static ToolCall toolCall(JsonFields call) {
        JsonFields function = call.object("function");
        JsonFields holder = function != null ? function : call;
        String name = holder.requiredText("name");
        if (name.isBlank()) {
            throw new FieldException(holder.pathOf("name"), "must not be blank");
        }
        String id = scalarText(call.raw("id"));
        JsonNode arguments = holder.raw("arguments");
        if (arguments == null || arguments.isNull()) {
            return new ToolCall(name, Map.of(), id);
        }
        if (arguments.isObject()) {
            return new ToolCall(name, MAPPER.convertValue(arguments, MAP_TYPE), id);
        }
        if (!arguments.isTextual()) {
            return ToolCall.ofRawArguments(name, arguments.toString(), id);
        }
        String text = arguments.asText();
        if (text.isBlank()) {
            return new ToolCall(name, Map.of(), id);
        }
        try {
            JsonNode parsed = MAPPER.readTree(text);
            if (parsed != null && parsed.isObject()) {
                return new ToolCall(name, MAPPER.convertValue(parsed, MAP_TYPE), id);
            }
        } catch (JsonProcessingException e) {
            // not JSON: kept verbatim below (F12)
        }
        return ToolCall.ofRawArguments(name, text, id);
    }

    /** Message content as text: a string, or the {@code text} parts of a content-part array. */
    static String contentText(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                JsonNode partText = part.get("text");
                if (partText != null && partText.isTextual()) {
                    text.append(partText.asText());
                } else if (part.isTextual()) {
                    text.append(part.asText());
                }
            }
            return text.toString();
        }
        return content.toString();
    }

    /** Whether a tool result reports a failure: text starting with {@code Error}, or {@code {"error": ...}}. */
    static boolean isToolError(String content) {
        String text = content.strip();
        if (text.startsWith("Error")) {
            return true;
        }
        if (!text.startsWith("{") || !text.contains("\"error\"")) {
            return false;
        }
        try {
            JsonNode parsed = MAPPER.readTree(text);
            JsonNode error = parsed == null ? null : parsed.get("error");
            if (error == null || error.isNull()) {
                return false;
            }
            if (error.isBoolean()) {
                return error.asBoolean();
            }
            return !(error.isTextual() && error.asText().isBlank()) && !(error.isContainerNode() && error.isEmpty());
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static String scalarText(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return node.asText();
    }
}
