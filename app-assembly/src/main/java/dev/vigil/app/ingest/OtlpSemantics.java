package dev.vigil.app.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.ToolCall;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the GenAI meaning of a span from its attributes and events: the current OpenTelemetry GenAI semantic
 * conventions, the older attribute names still emitted in the wild, and OpenInference. Each lookup tries the names in
 * that order and takes the first one present.
 */
final class OtlpSemantics {

    /** Attribute under which a source without a cost attribute (Langfuse) hands its cost to the mapping. */
    static final String COST_KEY = "vigil.cost";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final List<String> INPUT_TOKEN_KEYS = List.of(
            "gen_ai.usage.input_tokens",
            "gen_ai.usage.prompt_tokens",
            "llm.token_count.prompt",
            "llm.usage.prompt_tokens");
    private static final List<String> OUTPUT_TOKEN_KEYS = List.of(
            "gen_ai.usage.output_tokens",
            "gen_ai.usage.completion_tokens",
            "llm.token_count.completion",
            "llm.usage.completion_tokens");
    private static final List<String> COST_KEYS = List.of(COST_KEY, "gen_ai.usage.cost", "llm.cost.total");
    private static final List<String> MODEL_KEYS =
            List.of("gen_ai.response.model", "gen_ai.request.model", "llm.model_name", "llm.response.model");

    /** Legacy flattened tool calls: {@code gen_ai.completion.0.tool_calls.1.name}. */
    private static final Pattern LEGACY_TOOL_CALL =
            Pattern.compile("gen_ai\\.completion\\.(\\d{1,6})\\.tool_calls\\.(\\d{1,6})\\.(name|arguments|id)");
    /** Legacy single function call: {@code gen_ai.completion.0.function_call.name}. */
    private static final Pattern LEGACY_FUNCTION_CALL =
            Pattern.compile("gen_ai\\.completion\\.(\\d{1,6})\\.function_call\\.(name|arguments)");
    /** OpenInference: {@code llm.output_messages.0.message.tool_calls.1.tool_call.function.name}. */
    private static final Pattern OPENINFERENCE_TOOL_CALL =
            Pattern.compile("llm\\.output_messages\\.(\\d{1,6})\\.message\\.tool_calls\\.(\\d{1,6})\\.tool_call\\."
                    + "(function\\.name|function\\.arguments|id)");

    private OtlpSemantics() {}

    /**
     * A tool call the LLM asked for in its output.
     *
     * @param name the tool name, NotBlank
     * @param arguments a JSON object, JSON text, or null
     * @param id the call id, nullable
     */
    record RequestedCall(String name, Object arguments, String id) {}

    /**
     * Whether an attribute holds the LLM's input (prompts, instructions, tool definitions). The mapping never reads
     * these, so readers drop them at once to keep large traces small in memory.
     */
    static boolean isInputContent(String key) {
        return key.equals("gen_ai.input.messages")
                || key.equals("gen_ai.system_instructions")
                || key.equals("gen_ai.tool.definitions")
                || key.startsWith("gen_ai.prompt.")
                || key.startsWith("llm.input_messages.")
                || key.startsWith("llm.tools.")
                || key.startsWith("llm.prompt_template.");
    }

    /** The span's role: what the source declares, else the GenAI operation, the OpenInference kind, then hints. */
    static OtlpSpan.Role role(OtlpSpan span) {
        if (span.declaredRole() != null) {
            return span.declaredRole();
        }
        Map<String, Object> attributes = span.attributes();
        String operation = lower(text(attributes, "gen_ai.operation.name"));
        if (operation != null) {
            switch (operation) {
                case "chat", "text_completion", "generate_content", "completion":
                    return OtlpSpan.Role.LLM;
                case "execute_tool":
                    return OtlpSpan.Role.TOOL;
                case "invoke_agent":
                    return OtlpSpan.Role.AGENT;
                default:
                    return OtlpSpan.Role.OTHER; // embeddings, create_agent, retrieval, ...
            }
        }
        String kind = text(attributes, "openinference.span.kind");
        if (kind != null) {
            return switch (kind.strip().toUpperCase(Locale.ROOT)) {
                case "LLM" -> OtlpSpan.Role.LLM;
                case "TOOL" -> OtlpSpan.Role.TOOL;
                case "AGENT" -> OtlpSpan.Role.AGENT;
                default -> OtlpSpan.Role.OTHER;
            };
        }
        // OpenLLMetry (Traceloop) marks framework spans with traceloop.span.kind.
        String traceloopKind = lower(text(attributes, "traceloop.span.kind"));
        if ("tool".equals(traceloopKind)) {
            return OtlpSpan.Role.TOOL;
        }
        if ("agent".equals(traceloopKind)) {
            return OtlpSpan.Role.AGENT;
        }
        String requestType = lower(text(attributes, "llm.request.type"));
        if ("chat".equals(requestType) || "completion".equals(requestType)) {
            return OtlpSpan.Role.LLM;
        }
        for (String key : attributes.keySet()) {
            if (key.startsWith("gen_ai.completion.")
                    || key.startsWith("gen_ai.prompt.")
                    || INPUT_TOKEN_KEYS.contains(key)
                    || OUTPUT_TOKEN_KEYS.contains(key)) {
                return OtlpSpan.Role.LLM;
            }
        }
        if (attributes.containsKey("gen_ai.tool.name") || attributes.containsKey("tool.name")) {
            return OtlpSpan.Role.TOOL;
        }
        return OtlpSpan.Role.OTHER;
    }

    /** The agent this span itself names, or null: {@code gen_ai.agent.name}, {@code gen_ai.agent.id}, OpenInference. */
    static String agentName(OtlpSpan span, OtlpSpan.Role role) {
        String explicit = firstText(span.attributes(), "gen_ai.agent.name", "gen_ai.agent.id", "agent.name");
        if (explicit != null) {
            return explicit;
        }
        if (role == OtlpSpan.Role.AGENT) {
            String entity = text(span.attributes(), "traceloop.entity.name");
            if (entity != null) {
                return entity;
            }
            String name = span.name().strip();
            if (name.startsWith("invoke_agent")) {
                name = name.substring("invoke_agent".length()).strip();
            }
            return name.isEmpty() ? null : name;
        }
        return null;
    }

    /** Input tokens of an LLM span (0 when not recorded). */
    static long inputTokens(OtlpSpan span) {
        return wholeNumber(span.attributes(), INPUT_TOKEN_KEYS);
    }

    /** Output tokens of an LLM span (0 when not recorded). */
    static long outputTokens(OtlpSpan span) {
        return wholeNumber(span.attributes(), OUTPUT_TOKEN_KEYS);
    }

    /** Cost of an LLM span (0.0 when not recorded). */
    static double cost(OtlpSpan span) {
        for (String key : COST_KEYS) {
            Object value = span.attributes().get(key);
            if (value == null) {
                continue;
            }
            BigDecimal number = decimal(value);
            if (number == null || number.signum() < 0 || !Double.isFinite(number.doubleValue())) {
                throw new FieldException("attributes." + key, "must be a number >= 0, got " + render(value));
            }
            return number.doubleValue();
        }
        return 0.0;
    }

    /** The models the span names (response model first), without placeholders such as {@code unknown}. */
    static List<String> models(OtlpSpan span) {
        List<String> models = new ArrayList<>();
        for (String key : MODEL_KEYS) {
            String model = text(span.attributes(), key);
            if (model != null && !model.equalsIgnoreCase("unknown") && !models.contains(model)) {
                models.add(model);
            }
        }
        return models;
    }

    /** The finish reason the span states, or null when it states none (or one Vigil does not know). */
    static FinishReason statedFinishReason(OtlpSpan span) {
        Map<String, Object> attributes = span.attributes();
        List<Object> candidates = new ArrayList<>();
        Object reasons = attributes.get("gen_ai.response.finish_reasons");
        if (reasons instanceof String text && text.strip().startsWith("[")) {
            reasons = parseJson(text);
        }
        if (reasons instanceof List<?> list && !list.isEmpty()) {
            candidates.add(list.get(0));
        } else if (reasons != null) {
            candidates.add(reasons);
        }
        candidates.add(attributes.get("gen_ai.completion.0.finish_reason"));
        candidates.add(attributes.get("llm.output_messages.0.message.finish_reason"));
        for (Map<String, Object> message : outputMessages(span)) {
            candidates.add(message.get("finish_reason"));
        }
        for (OtlpSpan.Event event : span.events()) {
            if (event.name().equals("gen_ai.choice")) {
                candidates.add(event.attributes().get("finish_reason"));
            }
        }
        for (Object candidate : candidates) {
            FinishReason reason = candidate == null ? null : finishReason(String.valueOf(candidate));
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** Maps a provider's finish reason to Vigil's, or null when unknown. */
    static FinishReason finishReason(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "stop", "end_turn", "stop_sequence", "complete", "completed", "eos" -> FinishReason.STOP;
            case "length", "max_tokens", "max_output_tokens", "max_completion_tokens" -> FinishReason.MAX_TOKENS;
            case "tool_calls", "tool_call", "tool_use", "function_call" -> FinishReason.TOOL_USE;
            case "content_filter", "safety", "recitation", "blocked" -> FinishReason.CONTENT_FILTER;
            case "error" -> FinishReason.ERROR;
            default -> null;
        };
    }

    /**
     * The tool calls an LLM span's output asks for: {@code gen_ai.output.messages}, else the {@code gen_ai.choice} /
     * {@code gen_ai.content.completion} span events, else the legacy {@code gen_ai.completion.N.tool_calls.M.*}
     * attributes, else OpenInference's {@code llm.output_messages.N.message.tool_calls.M.*}.
     */
    static List<RequestedCall> requestedCalls(OtlpSpan span) {
        List<RequestedCall> calls = new ArrayList<>();
        for (Map<String, Object> message : outputMessages(span)) {
            callsOfMessage(message, calls);
        }
        if (!calls.isEmpty()) {
            return calls;
        }
        for (OtlpSpan.Event event : span.events()) {
            if (event.name().equals("gen_ai.choice")) {
                Object message = event.attributes().get("message");
                if (message instanceof String text) {
                    message = parseJson(text);
                }
                if (message instanceof Map<?, ?> map) {
                    callsOfMessage(stringKeys(map), calls);
                }
                Object toolCalls = event.attributes().get("tool_calls");
                if (toolCalls != null) {
                    callsOfMessage(Map.of("tool_calls", toolCalls), calls);
                }
            } else if (event.name().equals("gen_ai.content.completion")) {
                for (Map<String, Object> message : messages(event.attributes().get("gen_ai.completion"))) {
                    callsOfMessage(message, calls);
                }
            }
        }
        if (!calls.isEmpty()) {
            return calls;
        }
        calls.addAll(flattenedCalls(span.attributes()));
        return calls;
    }

    /**
     * The call a tool span executed: its name, arguments and call id. {@code requested} (nullable) is the LLM's
     * request that the span executed; it supplies the arguments and id when the span does not record them.
     */
    static ToolCall toolSpanCall(OtlpSpan span, RequestedCall requested) {
        Map<String, Object> attributes = span.attributes();
        String name = firstText(attributes, "gen_ai.tool.name", "tool.name", "traceloop.entity.name");
        if (name == null) {
            name = span.name().strip();
            if (name.startsWith("execute_tool")) {
                name = name.substring("execute_tool".length()).strip();
            }
        }
        if (name.isEmpty()) {
            name = "tool";
        }
        Object arguments = attributes.get("gen_ai.tool.call.arguments");
        if (arguments == null && attributes.containsKey("openinference.span.kind")) {
            arguments = attributes.get("input.value");
        }
        if (arguments == null && attributes.containsKey("traceloop.entity.input")) {
            arguments = traceloopArguments(attributes.get("traceloop.entity.input"));
        }
        String id = toolCallId(span);
        if (requested != null) {
            arguments = arguments != null ? arguments : requested.arguments();
            id = id != null ? id : requested.id();
        }
        return toolCall(name, arguments, id);
    }

    /** OpenLLMetry's tool input is {@code {"args": [...], "kwargs": {...}}}: the keyword arguments are the call's. */
    private static Object traceloopArguments(Object input) {
        Object parsed = input instanceof String text ? parseJson(text) : input;
        if (parsed instanceof Map<?, ?> map && map.get("kwargs") instanceof Map<?, ?> kwargs) {
            List<?> args = map.get("args") instanceof List<?> list ? list : List.of();
            return args.isEmpty() ? kwargs : input;
        }
        return input;
    }

    /** The id of the call a tool span executed, or null. */
    static String toolCallId(OtlpSpan span) {
        String id = idText(span.attributes().get("gen_ai.tool.call.id"));
        return id != null ? id : idText(span.attributes().get("tool_call.id"));
    }

    /**
     * Whether a span failed: error status or an {@code error.type} attribute. An exception event alone does not count:
     * instrumentations record exceptions that the code then handled.
     */
    static boolean failed(OtlpSpan span) {
        return span.error() || text(span.attributes(), "error.type") != null;
    }

    /** What went wrong in a failed span, NotBlank. */
    static String errorMessage(OtlpSpan span) {
        if (span.statusMessage() != null && !span.statusMessage().isBlank()) {
            return span.statusMessage();
        }
        for (OtlpSpan.Event event : span.events()) {
            String message = text(event.attributes(), "exception.message");
            if (event.name().equals("exception") && message != null) {
                return message;
            }
        }
        String type = errorType(span);
        return type != null ? type : "span '" + span.name() + "' ended with status ERROR";
    }

    /** The error type of a failed span ({@code error.type} or the exception event's type), or null. */
    static String errorType(OtlpSpan span) {
        String type = text(span.attributes(), "error.type");
        if (type != null) {
            return type;
        }
        for (OtlpSpan.Event event : span.events()) {
            String exceptionType = text(event.attributes(), "exception.type");
            if (event.name().equals("exception") && exceptionType != null) {
                return exceptionType;
            }
        }
        return null;
    }

    /** The text an LLM span answered with, or null: the last output message's text. */
    static String outputText(OtlpSpan span) {
        List<Map<String, Object>> messages = outputMessages(span);
        for (int i = messages.size() - 1; i >= 0; i--) {
            String text = messageText(messages.get(i));
            if (text != null) {
                return text;
            }
        }
        return firstText(span.attributes(), "gen_ai.completion.0.content", "llm.output_messages.0.message.content");
    }

    /** A tool call from a name, arguments in any form (F12: anything but a JSON object is kept raw) and an id. */
    static ToolCall toolCall(String name, Object arguments, String id) {
        Object value = arguments;
        if (value instanceof String text) {
            if (text.isBlank()) {
                return new ToolCall(name, Map.of(), id);
            }
            Object parsed = parseJson(text);
            if (!(parsed instanceof Map)) {
                return ToolCall.ofRawArguments(name, text, id);
            }
            value = parsed;
        }
        if (value == null) {
            return new ToolCall(name, Map.of(), id);
        }
        if (value instanceof Map<?, ?> map) {
            try {
                return new ToolCall(name, stringKeys(map), id);
            } catch (IllegalArgumentException e) {
                // e.g. a non-finite number: keep the text rather than lose the call.
                return ToolCall.ofRawArguments(name, json(value), id);
            }
        }
        return ToolCall.ofRawArguments(name, json(value), id);
    }

    // ---- messages -------------------------------------------------------------------------------------------

    private static List<Map<String, Object>> outputMessages(OtlpSpan span) {
        Object value = span.attributes().get("gen_ai.output.messages");
        return value == null ? List.of() : messages(value);
    }

    /** Chat messages from a JSON text, a list or a single message; anything unreadable gives none. */
    static List<Map<String, Object>> messages(Object value) {
        Object parsed = value instanceof String text ? parseJson(text) : value;
        List<Map<String, Object>> messages = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    messages.add(stringKeys(map));
                }
            }
        } else if (parsed instanceof Map<?, ?> map) {
            messages.add(stringKeys(map));
        }
        return messages;
    }

    /** Adds the tool calls of one message: GenAI {@code parts} of type tool_call, or OpenAI {@code tool_calls}. */
    private static void callsOfMessage(Map<String, Object> message, List<RequestedCall> calls) {
        Object role = message.get("role");
        if (role != null && !"assistant".equals(role) && !"model".equals(role)) {
            return;
        }
        if (message.get("parts") instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Map<?, ?> map && "tool_call".equals(map.get("type"))) {
                    addCall(calls, text(map.get("name")), map.get("arguments"), idText(map.get("id")));
                }
            }
        }
        Object toolCalls = message.get("tool_calls");
        if (toolCalls instanceof String text) {
            toolCalls = parseJson(text);
        }
        if (toolCalls instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> call) {
                    Object function = call.get("function");
                    if (function instanceof Map<?, ?> f) {
                        addCall(calls, text(f.get("name")), f.get("arguments"), idText(call.get("id")));
                    } else {
                        addCall(calls, text(call.get("name")), call.get("arguments"), idText(call.get("id")));
                    }
                }
            }
        }
        if (message.get("function_call") instanceof Map<?, ?> f) {
            addCall(calls, text(f.get("name")), f.get("arguments"), null);
        }
    }

    private static void addCall(List<RequestedCall> calls, String name, Object arguments, String id) {
        if (name != null && !name.isBlank()) {
            calls.add(new RequestedCall(name.strip(), arguments, id));
        }
    }

    private static String messageText(Map<String, Object> message) {
        if (message.get("parts") instanceof List<?> parts) {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Map<?, ?> map && "text".equals(map.get("type")) && map.get("content") != null) {
                    text.append(text.length() == 0 ? "" : "\n").append(map.get("content"));
                }
            }
            if (text.length() > 0) {
                return text.toString();
            }
        }
        return message.get("content") instanceof String content && !content.isBlank() ? content : null;
    }

    /** Tool calls given as flattened legacy or OpenInference attributes, in (message, call) index order. */
    private static List<RequestedCall> flattenedCalls(Map<String, Object> attributes) {
        TreeMap<Long, String[]> byIndex = new TreeMap<>(); // index -> {name, arguments, id}
        for (Map.Entry<String, Object> entry : attributes.entrySet()) {
            String key = entry.getKey();
            Matcher legacy = LEGACY_TOOL_CALL.matcher(key);
            Matcher function = LEGACY_FUNCTION_CALL.matcher(key);
            Matcher openInference = OPENINFERENCE_TOOL_CALL.matcher(key);
            long index;
            String part;
            if (legacy.matches()) {
                index = Long.parseLong(legacy.group(1)) * 1_000_000L + Long.parseLong(legacy.group(2));
                part = legacy.group(3);
            } else if (function.matches()) {
                index = Long.parseLong(function.group(1)) * 1_000_000L;
                part = function.group(2);
            } else if (openInference.matches()) {
                index = Long.parseLong(openInference.group(1)) * 1_000_000L + Long.parseLong(openInference.group(2));
                part = openInference.group(3).replace("function.", "");
            } else {
                continue;
            }
            String[] call = byIndex.computeIfAbsent(index, i -> new String[3]);
            String value = entry.getValue() instanceof String s ? s : json(entry.getValue());
            switch (part) {
                case "name" -> call[0] = value;
                case "arguments" -> call[1] = value;
                default -> call[2] = value;
            }
        }
        List<RequestedCall> calls = new ArrayList<>();
        for (String[] call : byIndex.values()) {
            addCall(calls, call[0], call[1], call[2]);
        }
        return calls;
    }

    // ---- values ---------------------------------------------------------------------------------------------

    /** The first of {@code keys} with a non-blank scalar value, as text. */
    static String firstText(Map<String, Object> attributes, String... keys) {
        for (String key : keys) {
            String value = text(attributes, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String text(Map<String, Object> attributes, String key) {
        return text(attributes.get(key));
    }

    private static String text(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            String text = String.valueOf(value).strip();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    /** A call id: text, or the elements of a list joined by commas (Microsoft Agent Framework ids are lists). */
    static String idText(Object value) {
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object item : list) {
                String part = text(item);
                if (part != null) {
                    parts.add(part);
                }
            }
            return parts.isEmpty() ? null : String.join(",", parts);
        }
        return text(value);
    }

    private static long wholeNumber(Map<String, Object> attributes, List<String> keys) {
        for (String key : keys) {
            Object value = attributes.get(key);
            if (value == null) {
                continue;
            }
            BigDecimal number = decimal(value);
            if (number == null || number.signum() < 0) {
                throw new FieldException("attributes." + key, "must be a whole number >= 0, got " + render(value));
            }
            try {
                return number.stripTrailingZeros().longValueExact();
            } catch (ArithmeticException e) {
                throw new FieldException("attributes." + key, "must be a whole number >= 0, got " + render(value));
            }
        }
        return 0L;
    }

    /** A number or numeric string as a decimal, or null. */
    static BigDecimal decimal(Object value) {
        try {
            if (value instanceof Long || value instanceof Integer) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            if (value instanceof Number number) {
                double d = number.doubleValue();
                return Double.isFinite(d) ? new BigDecimal(number.toString()) : null;
            }
            if (value instanceof String text && !text.isBlank() && text.strip().length() <= 40) {
                return new BigDecimal(text.strip());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String render(Object value) {
        String text = value instanceof String s ? "'" + s + "'" : json(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static String lower(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    /** Parses JSON text, or returns null when it is not JSON. */
    static Object parseJson(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[')) {
            return null;
        }
        try {
            return MAPPER.readValue(trimmed, Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    @SuppressWarnings("unchecked") // JSON objects decoded by Jackson or from OTLP key-value lists have string keys
    static Map<String, Object> stringKeys(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
