package dev.vigil.app.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Langfuse trace exports: {@code {"trace": {...}, "observations": [...]}} (the shape of Langfuse's export and of its
 * framework seed traces), one per file, a JSON array of them, or one per line. A trace object with its observations
 * embedded ({@code GET /api/public/traces/{id}}) is read too.
 *
 * <p>Observations are OpenTelemetry spans under another name: GENERATION is an LLM call, TOOL a tool execution, AGENT
 * an agent invocation; SPAN, EVENT and the other types only carry the tree, unless their {@code metadata.attributes}
 * state a GenAI operation. {@code usageDetails} (numbers or numeric strings) give the tokens, {@code costDetails} the
 * cost, {@code level: ERROR} the error status. {@code metadata} (and {@code trace.metadata}) may be an object or a JSON
 * string. The mapping from spans to runs is {@link OtlpTraceAssembler}'s, described in docs/formats.md.
 */
public final class LangfuseFormat implements TraceFormat {

    public static final String NAME = "langfuse";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** For streaming a document value by value; trailing tokens are the rest of the document there. */
    private static final ObjectMapper STREAMING = new ObjectMapper();

    private static final Pattern TRACE_FIRST = Pattern.compile("^\\[?\\s*\\{\\s*\"trace\"\\s*:");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean detect(Path file, String head) {
        String trimmed = head.strip();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1).strip();
        }
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return false;
        }
        return TRACE_FIRST.matcher(trimmed).find()
                || trimmed.contains("\"observations\"")
                || trimmed.contains("\"parentObservationId\"");
    }

    @Override
    public void read(Path file, Consumer<TraceRecord> records, Consumer<InputProblem> problems) throws IOException {
        String name = file.getFileName().toString();
        Exports exports = new Exports(name, records, problems);
        if (OtlpJsonFormat.isJsonLines(file, node -> node.isObject() && node.has("observations"))) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                long lineNumber = 0;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    String trimmed = OtlpJsonFormat.lineRecord(line);
                    if (trimmed == null) {
                        continue;
                    }
                    String location = name + ":" + lineNumber;
                    try {
                        exports.read(MAPPER.readTree(trimmed), location, null);
                    } catch (JsonProcessingException e) {
                        problems.accept(
                                new InputProblem(location, "line", "not valid JSON: " + e.getOriginalMessage()));
                    }
                }
            }
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser parser = STREAMING.createParser(reader)) {
            try {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_ARRAY) {
                    // An array of exports: one export in memory at a time.
                    int i = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode export = parser.readValueAsTree();
                        exports.read(export, null, "/" + i++);
                    }
                } else if (token != null) {
                    exports.read(parser.readValueAsTree(), null, "");
                }
            } catch (JsonProcessingException e) {
                String at = parser.getParsingContext().pathAsPointer().toString();
                long line = e.getLocation() == null
                        ? parser.currentLocation().getLineNr()
                        : e.getLocation().getLineNr();
                problems.accept(new InputProblem(
                        name + ":" + line,
                        at.isEmpty() ? "document" : at,
                        "not valid JSON: " + e.getOriginalMessage() + "; the rest of the file is skipped"));
            }
        }
    }

    /** Reads exports one at a time and hands each trace to the span assembler. */
    private static final class Exports {
        private final String name;
        private final Consumer<TraceRecord> records;
        private final Consumer<InputProblem> problems;
        private final OtlpTraceAssembler assembler;

        Exports(String name, Consumer<TraceRecord> records, Consumer<InputProblem> problems) {
            this.name = name;
            this.records = records;
            this.problems = problems;
            this.assembler = new OtlpTraceAssembler(NAME, "observation", problems);
        }

        /**
         * @param line {@code file:line} for JSON Lines, else null
         * @param pointer the export's JSON pointer in a document ({@code ""} for the root), else null
         */
        void read(JsonNode node, String line, String pointer) {
            String location = line != null ? line : pointer.isEmpty() ? name : name + "#" + pointer;
            if (node == null || !node.isObject()) {
                problems.accept(
                        new InputProblem(location, "record", "must be a JSON object with trace and observations"));
                return;
            }
            JsonNode observations = node.get("observations");
            if (observations == null || !observations.isArray()) {
                problems.accept(new InputProblem(
                        location, "observations", observations == null ? "is required" : "must be an array"));
                return;
            }
            JsonNode trace = node.has("trace") ? node.get("trace") : node; // the API embeds observations in the trace
            String tracePath = node.has("trace") ? "trace" : "";
            if (!trace.isObject()) {
                problems.accept(new InputProblem(location, "trace", "must be a JSON object"));
                return;
            }
            String traceId = text(trace.get("id"));
            for (int i = 0; traceId == null && i < observations.size(); i++) {
                traceId = observations.get(i).isObject()
                        ? text(observations.get(i).get("traceId"))
                        : null;
            }
            if (traceId == null) {
                problems.accept(new InputProblem(location, join(tracePath, "id"), "is required"));
                return;
            }
            Map<String, Object> traceMetadata = metadata(trace.get("metadata"));
            Map<String, Object> traceAttributes = attributes(traceMetadata);
            String fallbackAgent = OtlpSemantics.firstText(traceAttributes, "gen_ai.agent.name", "gen_ai.agent.id");

            List<OtlpSpan> spans = new ArrayList<>();
            for (int i = 0; i < observations.size(); i++) {
                String obsLocation = line != null ? line : name + "#" + pointer + "/observations/" + i;
                String obsPath = line != null ? "observations[" + i + "]" : "";
                try {
                    OtlpSpan span = observation(observations.get(i), traceId, obsLocation, obsPath);
                    if (span != null) {
                        spans.add(span);
                    }
                } catch (FieldException e) {
                    problems.accept(new InputProblem(obsLocation, e.field(), e.getMessage()));
                }
            }
            String origin = line != null ? line : name + "#" + pointer + (tracePath.isEmpty() ? "" : "/" + tracePath);
            assembler
                    .assemble(traceId, spans, origin, fallbackAgent, traceMetadata(trace))
                    .ifPresent(records);
        }

        /** One observation as a span; null (reported) when it belongs to another trace. */
        private OtlpSpan observation(JsonNode node, String traceId, String location, String path) {
            JsonFields fields = new JsonFields(node, path);
            String id = fields.requiredText("id");
            String ownTrace = text(node.get("traceId"));
            if (ownTrace != null && !ownTrace.equals(traceId)) {
                throw new FieldException(
                        fields.pathOf("traceId"), "is '" + ownTrace + "', but the export's trace is '" + traceId + "'");
            }
            String type = fields.text("type");
            OtlpSpan.Role role = type == null
                    ? null
                    : switch (type.toUpperCase(Locale.ROOT)) {
                        case "GENERATION" -> OtlpSpan.Role.LLM;
                        case "TOOL" -> OtlpSpan.Role.TOOL;
                        case "AGENT" -> OtlpSpan.Role.AGENT;
                        case "EVENT", "EMBEDDING", "EVALUATOR", "GUARDRAIL", "RETRIEVER" -> OtlpSpan.Role.OTHER;
                        default -> null; // SPAN, CHAIN, ...: the attributes decide
                    };
            Instant start = instant(fields, "startTime", true);
            Instant end = instant(fields, "endTime", false);
            if (end != null && end.isBefore(start)) {
                throw new FieldException(
                        fields.pathOf("endTime"), "must not be before startTime, got " + end + " < " + start);
            }
            Map<String, Object> metadata = metadata(node.get("metadata"));
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes(metadata)
                    .forEach((key, value) -> attributes.put(key, OtlpSemantics.isInputContent(key) ? "" : value));
            putUsage(fields, attributes);
            String model = text(node.get("model"));
            if (model != null) {
                attributes.putIfAbsent("gen_ai.request.model", model);
            }
            OtlpSpan.Role effective = role;
            if (effective == OtlpSpan.Role.TOOL || "execute_tool".equals(attributes.get("gen_ai.operation.name"))) {
                Object input = plain(node.get("input"));
                if (input != null) {
                    attributes.putIfAbsent("gen_ai.tool.call.arguments", input);
                }
            }
            if (effective == OtlpSpan.Role.LLM || "chat".equals(attributes.get("gen_ai.operation.name"))) {
                Object output = plain(node.get("output"));
                if (output != null) {
                    attributes.putIfAbsent("gen_ai.output.messages", output);
                }
            }
            String service = null;
            if (metadata.get("resourceAttributes") instanceof Map<?, ?> resource
                    && resource.get("service.name") instanceof String s
                    && !s.isBlank()) {
                service = s;
            }
            String level = text(node.get("level"));
            return new OtlpSpan(
                    traceId,
                    id,
                    text(node.get("parentObservationId")),
                    node.get("name") != null && node.get("name").isTextual()
                            ? node.get("name").asText()
                            : "",
                    start,
                    end,
                    attributes,
                    List.of(),
                    "ERROR".equalsIgnoreCase(level),
                    text(node.get("statusMessage")),
                    service,
                    role,
                    location,
                    path);
        }

        /** Tokens and cost from Langfuse's own fields; they win over the OTel attributes they were derived from. */
        private static void putUsage(JsonFields fields, Map<String, Object> attributes) {
            JsonNode usage = fields.raw("usageDetails");
            if (usage == null || !usage.isObject()) {
                usage = fields.raw("usage");
            }
            String usagePath = fields.raw("usageDetails") != null ? "usageDetails" : "usage";
            putCount(
                    attributes,
                    "gen_ai.usage.input_tokens",
                    usage,
                    fields.pathOf(usagePath),
                    List.of("input", "prompt_tokens", "input_tokens", "promptTokens"));
            putCount(
                    attributes,
                    "gen_ai.usage.output_tokens",
                    usage,
                    fields.pathOf(usagePath),
                    List.of("output", "completion_tokens", "output_tokens", "completionTokens"));
            JsonNode costs = fields.raw("costDetails");
            JsonNode cost = costs != null && costs.isObject() ? costs.get("total") : null;
            String costPath = fields.pathOf("costDetails.total");
            if (cost == null || cost.isNull()) {
                cost = fields.raw("calculatedTotalCost");
                costPath = fields.pathOf("calculatedTotalCost");
            }
            if (cost == null || cost.isNull()) {
                cost = fields.raw("totalCost");
                costPath = fields.pathOf("totalCost");
            }
            if (cost != null && !cost.isNull()) {
                BigDecimal value = OtlpSemantics.decimal(plain(cost));
                if (value == null || value.signum() < 0 || !Double.isFinite(value.doubleValue())) {
                    throw new FieldException(costPath, "must be a number >= 0, got " + cost);
                }
                attributes.put(OtlpSemantics.COST_KEY, value.doubleValue());
            }
        }

        private static void putCount(
                Map<String, Object> attributes, String attribute, JsonNode usage, String usagePath, List<String> keys) {
            if (usage == null || !usage.isObject()) {
                return;
            }
            for (String key : keys) {
                JsonNode value = usage.get(key);
                if (value == null || value.isNull()) {
                    continue;
                }
                BigDecimal number = OtlpSemantics.decimal(plain(value));
                try {
                    if (number == null || number.signum() < 0) {
                        throw new ArithmeticException();
                    }
                    attributes.put(attribute, number.stripTrailingZeros().longValueExact());
                } catch (ArithmeticException e) {
                    throw new FieldException(
                            usagePath + "." + key, "must be a whole number >= 0 (or such a string), got " + value);
                }
                return;
            }
        }

        private Instant instant(JsonFields fields, String field, boolean required) {
            String text = fields.text(field);
            if (text == null) {
                if (required) {
                    throw new FieldException(fields.pathOf(field), "is required");
                }
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e2) {
                    try {
                        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC); // Langfuse stores UTC
                    } catch (DateTimeParseException e3) {
                        throw new FieldException(
                                fields.pathOf(field),
                                "must be an ISO-8601 time such as 2025-10-14T16:44:29.952Z, got '" + text + "'");
                    }
                }
            }
        }

        /** Run metadata from the trace: its name, session, tags and scores (Langfuse has no per-step labels). */
        private static Map<String, Object> traceMetadata(JsonNode trace) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            String traceName = text(trace.get("name"));
            if (traceName != null) {
                metadata.put("trace_name", traceName);
            }
            String session = text(trace.get("sessionId"));
            if (session != null) {
                metadata.put("session_id", session);
            }
            if (plain(trace.get("tags")) instanceof List<?> tags && !tags.isEmpty()) {
                metadata.put("tags", tags);
            }
            Object scores = plain(trace.get("scores"));
            if (scores instanceof String text) {
                scores = OtlpSemantics.parseJson(text);
            }
            if (scores instanceof List<?> list) {
                List<Map<String, Object>> kept = new ArrayList<>();
                for (Object item : list) {
                    if (item instanceof Map<?, ?> score && score.get("name") != null) {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("name", String.valueOf(score.get("name")));
                        Object value = score.get("value");
                        entry.put("value", value instanceof Number || value instanceof String ? value : null);
                        if (score.get("source") instanceof String source) {
                            entry.put("source", source);
                        }
                        kept.add(entry);
                    }
                }
                if (!kept.isEmpty()) {
                    metadata.put("scores", kept);
                }
            }
            return metadata;
        }
    }

    /** {@code metadata} as a map: a JSON object, or a JSON string holding one; anything else is empty. */
    private static Map<String, Object> metadata(JsonNode node) {
        Object value = plain(node);
        if (value instanceof String text) {
            value = OtlpSemantics.parseJson(text);
            if (value instanceof String nested) {
                value = OtlpSemantics.parseJson(nested); // doubly encoded
            }
        }
        return value instanceof Map<?, ?> map ? OtlpSemantics.stringKeys(map) : Map.of();
    }

    /** The OTel attributes inside Langfuse metadata: {@code metadata.attributes}, else GenAI keys at the top. */
    private static Map<String, Object> attributes(Map<String, Object> metadata) {
        Object attributes = metadata.get("attributes");
        if (attributes instanceof String text) {
            attributes = OtlpSemantics.parseJson(text);
        }
        if (attributes instanceof Map<?, ?> map) {
            return OtlpSemantics.stringKeys(map);
        }
        Map<String, Object> genAi = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (key.startsWith("gen_ai.") || key.startsWith("llm.") || key.startsWith("tool.")) {
                genAi.put(key, value);
            }
        });
        return genAi;
    }

    /** A JSON node as a plain value (Map, List, String, Number, Boolean or null). */
    private static Object plain(JsonNode node) {
        return node == null || node.isNull() ? null : MAPPER.convertValue(node, Object.class);
    }

    private static String text(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
