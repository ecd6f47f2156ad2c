package dev.vigil.app.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * OpenTelemetry traces in the OTLP/JSON encoding: {@code ExportTraceServiceRequest} objects ({@code
 * {"resourceSpans": [...]}}), one per line (JSON Lines, as the OTLP file exporter and collector file exporter write)
 * or one per file (pretty-printed or not). A bare {@code ResourceSpans} per line, as the Java SDK's {@code
 * OtlpJsonLoggingSpanExporter} logs it, is read too. The GenAI meaning of the spans (current semantic conventions,
 * older attribute names, OpenInference) is described in docs/formats.md.
 *
 * <p>The file is parsed with Jackson, not with protobuf's {@code JsonFormat} parser over the {@code
 * io.opentelemetry.proto} types: OTLP/JSON deliberately deviates from protobuf's canonical JSON mapping, encoding
 * {@code traceId}, {@code spanId} and {@code parentSpanId} as lower-case hex strings, where protobuf's parser expects
 * base64 for {@code bytes} fields (it would reject or silently mis-decode every id). Jackson also lets a large
 * single-request file be streamed span by span. Base64 ids, as written by tools that did use protobuf's printer, are
 * accepted as well.
 *
 * <p>A trace's spans may be spread over many lines and arrive in any order (batch exporters write children before
 * parents), so spans are gathered per trace for the whole file and the traces are mapped when the file has been read.
 * Input messages and prompts are dropped while reading to keep that small.
 */
public final class OtlpJsonFormat implements TraceFormat {

    public static final String NAME = "otlp";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** For streaming a document value by value; trailing tokens are the rest of the document there. */
    private static final ObjectMapper STREAMING = new ObjectMapper();

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    private static final List<String> SPAN_MARKERS =
            List.of("\"resourceSpans\"", "\"resource_spans\"", "\"scopeSpans\"", "\"scope_spans\"");

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
        return trimmed.startsWith("{") && SPAN_MARKERS.stream().anyMatch(trimmed::contains);
    }

    @Override
    public void read(Path file, Consumer<TraceRecord> records, Consumer<InputProblem> problems) throws IOException {
        String name = file.getFileName().toString();
        Traces traces = new Traces();
        if (isJsonLines(file, node -> node.isObject() && spanContainer(node) != null)) {
            readLines(file, name, traces, problems);
        } else {
            readDocument(file, name, traces, problems);
        }
        OtlpTraceAssembler assembler = new OtlpTraceAssembler(NAME, "span", problems);
        for (Map.Entry<String, TraceSpans> trace : traces.byId.entrySet()) {
            TraceSpans spans = trace.getValue();
            assembler
                    .assemble(trace.getKey(), spans.spans, spans.origin, null, Map.of())
                    .ifPresent(records);
        }
    }

    /**
     * Whether to read {@code file} as JSON Lines: it is not one JSON document (which may span many lines), and some
     * line on its own is a record. A garbage first or last line therefore never turns a JSON Lines file into one
     * unreadable document.
     */
    static boolean isJsonLines(Path file, Predicate<JsonNode> isRecord) throws IOException {
        if (isOneDocument(file)) {
            return false;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String record = lineRecord(line);
                if (record == null || !record.startsWith("{") || !record.endsWith("}")) {
                    continue;
                }
                try {
                    if (isRecord.test(MAPPER.readTree(record))) {
                        return true;
                    }
                } catch (JsonProcessingException e) {
                    // Not a whole record on one line; keep looking.
                }
            }
        }
        return false;
    }

    /**
     * Whether the file holds exactly one well-formed JSON value spread over several lines (skimmed token by token,
     * nothing kept). A one-line file stays JSON Lines, so its problems are reported by line like any other.
     */
    private static boolean isOneDocument(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser parser = STREAMING.createParser(reader)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            boolean multiLine = parser.currentLocation().getLineNr() > 1;
            return parser.nextToken() == null && multiLine;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * The JSON text of one JSON Lines line, or null for a line to skip: a blank line, or the bracket of a JSON array
     * written one record per line (whose elements end with a comma, dropped here).
     */
    static String lineRecord(String line) {
        String trimmed = stripBom(line.strip());
        if (trimmed.isEmpty() || trimmed.equals("[") || trimmed.equals("]")) {
            return null;
        }
        return trimmed.endsWith(",")
                ? trimmed.substring(0, trimmed.length() - 1).strip()
                : trimmed;
    }

    private static void readLines(Path file, String name, Traces traces, Consumer<InputProblem> problems)
            throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = lineRecord(line);
                if (trimmed == null) {
                    continue;
                }
                String location = name + ":" + lineNumber;
                JsonNode node;
                try {
                    node = MAPPER.readTree(trimmed);
                } catch (JsonProcessingException e) {
                    problems.accept(new InputProblem(location, "line", "not valid JSON: " + e.getOriginalMessage()));
                    continue;
                }
                readRequest(node, location, traces, problems);
            }
        }
    }

    /** One line: an ExportTraceServiceRequest or a bare ResourceSpans. */
    private static void readRequest(JsonNode node, String location, Traces traces, Consumer<InputProblem> problems) {
        String container = node.isObject() ? spanContainer(node) : null;
        if (container == null) {
            problems.accept(new InputProblem(
                    location,
                    "resourceSpans",
                    "is required: each line must be an OTLP ExportTraceServiceRequest or ResourceSpans object"));
            return;
        }
        if (container.equals("resourceSpans") || container.equals("resource_spans")) {
            JsonNode all = node.get(container);
            if (!all.isArray()) {
                problems.accept(new InputProblem(location, container, "must be an array"));
                return;
            }
            for (int i = 0; i < all.size(); i++) {
                readResourceSpans(all.get(i), location, container + "[" + i + "]", traces, problems);
            }
        } else {
            readResourceSpans(node, location, "", traces, problems);
        }
    }

    private static void readResourceSpans(
            JsonNode node, String location, String path, Traces traces, Consumer<InputProblem> problems) {
        if (!node.isObject()) {
            problems.accept(new InputProblem(location, path.isEmpty() ? "record" : path, "must be a JSON object"));
            return;
        }
        String service = serviceName(node, location, path, problems);
        JsonNode scopes = field(node, "scopeSpans", "scope_spans");
        if (scopes == null || scopes.isNull()) {
            return;
        }
        String scopesPath = join(path, "scopeSpans");
        if (!scopes.isArray()) {
            problems.accept(new InputProblem(location, scopesPath, "must be an array"));
            return;
        }
        for (int j = 0; j < scopes.size(); j++) {
            JsonNode scope = scopes.get(j);
            String scopePath = scopesPath + "[" + j + "]";
            JsonNode spans = scope.isObject() ? scope.get("spans") : null;
            if (spans == null || spans.isNull()) {
                continue;
            }
            if (!spans.isArray()) {
                problems.accept(new InputProblem(location, scopePath + ".spans", "must be an array"));
                continue;
            }
            for (int k = 0; k < spans.size(); k++) {
                String spanPath = scopePath + ".spans[" + k + "]";
                try {
                    traces.add(decodeSpan(spans.get(k), location, spanPath, service));
                } catch (FieldException e) {
                    problems.accept(new InputProblem(location, e.field(), e.getMessage()));
                }
            }
        }
    }

    private static String serviceName(
            JsonNode resourceSpans, String location, String path, Consumer<InputProblem> problems) {
        JsonNode resource = resourceSpans.get("resource");
        if (resource == null || !resource.isObject() || !resource.has("attributes")) {
            return null;
        }
        try {
            Map<String, Object> attributes =
                    keyValues(resource.get("attributes"), join(path, "resource.attributes"), false);
            Object service = attributes.get("service.name");
            return service instanceof String s && !s.isBlank() ? s : null;
        } catch (FieldException e) {
            problems.accept(new InputProblem(location, e.field(), e.getMessage()));
            return null;
        }
    }

    // ---- one document per file, streamed span by span ------------------------------------------------------

    private static void readDocument(Path file, String name, Traces traces, Consumer<InputProblem> problems)
            throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser parser = STREAMING.createParser(reader)) {
            int document = 0;
            try {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    String pointer = document == 0 ? "" : "/" + document; // later root values are rare; keep them apart
                    if (token != JsonToken.START_OBJECT) {
                        problems.accept(new InputProblem(
                                name + ":" + parser.currentLocation().getLineNr(),
                                "document",
                                "must be an OTLP ExportTraceServiceRequest object, got " + token.asString()));
                        parser.skipChildren();
                    } else {
                        new DocumentReader(parser, name, traces, problems).readResourceLevel(pointer);
                    }
                    document++;
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

    /** Walks one request object with a streaming parser, holding one span tree at a time. */
    private static final class DocumentReader {
        private final JsonParser parser;
        private final String name;
        private final Traces traces;
        private final Consumer<InputProblem> problems;

        DocumentReader(JsonParser parser, String name, Traces traces, Consumer<InputProblem> problems) {
            this.parser = parser;
            this.name = name;
            this.traces = traces;
            this.problems = problems;
        }

        /** Reads an object at request or ResourceSpans level; the parser is on its START_OBJECT. */
        void readResourceLevel(String pointer) throws IOException {
            String service = null;
            List<OtlpSpan> pending = new ArrayList<>(); // the resource may come after its spans
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                String fieldPointer = pointer + "/" + field;
                switch (field) {
                    case "resourceSpans", "resource_spans" -> {
                        if (!expectArray(value, fieldPointer)) {
                            continue;
                        }
                        int i = 0;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            if (parser.currentToken() == JsonToken.START_OBJECT) {
                                readResourceLevel(fieldPointer + "/" + i);
                            } else {
                                reject(fieldPointer + "/" + i, "record", "must be a JSON object");
                                parser.skipChildren();
                            }
                            i++;
                        }
                    }
                    case "resource" -> {
                        JsonNode resource = parser.readValueAsTree();
                        JsonNode attributes =
                                resource != null && resource.isObject() ? resource.get("attributes") : null;
                        if (attributes != null) {
                            try {
                                Object s = keyValues(attributes, "resource.attributes", false)
                                        .get("service.name");
                                service = s instanceof String text && !text.isBlank() ? text : null;
                            } catch (FieldException e) {
                                reject(pointer, e.field(), e.getMessage());
                            }
                        }
                    }
                    case "scopeSpans", "scope_spans" -> readScopes(fieldPointer, value, pending);
                    default -> parser.skipChildren();
                }
            }
            for (OtlpSpan span : pending) {
                traces.add(span.withServiceName(service));
            }
        }

        private void readScopes(String pointer, JsonToken value, List<OtlpSpan> pending) throws IOException {
            if (!expectArray(value, pointer)) {
                return;
            }
            int j = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String scopePointer = pointer + "/" + j++;
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    reject(scopePointer, "record", "must be a JSON object");
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken token = parser.nextToken();
                    if (!field.equals("spans")) {
                        parser.skipChildren();
                        continue;
                    }
                    if (!expectArray(token, scopePointer + "/spans")) {
                        continue;
                    }
                    int k = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        String spanPointer = scopePointer + "/spans/" + k++;
                        JsonNode span = parser.readValueAsTree();
                        try {
                            pending.add(decodeSpan(span, name + "#" + spanPointer, "", null));
                        } catch (FieldException e) {
                            reject(spanPointer, e.field(), e.getMessage());
                        }
                    }
                }
            }
        }

        private boolean expectArray(JsonToken token, String pointer) throws IOException {
            if (token == JsonToken.START_ARRAY) {
                return true;
            }
            if (token != JsonToken.VALUE_NULL) {
                reject(pointer, pointer.substring(pointer.lastIndexOf('/') + 1), "must be an array");
            }
            parser.skipChildren();
            return false;
        }

        private void reject(String pointer, String field, String problem) {
            problems.accept(new InputProblem(name + "#" + pointer, field, problem));
        }
    }

    // ---- decoding ------------------------------------------------------------------------------------------

    /** Decodes one OTLP/JSON span; throws {@link FieldException} naming the bad field. */
    static OtlpSpan decodeSpan(JsonNode node, String location, String path, String service) {
        if (node == null || !node.isObject()) {
            throw new FieldException(path.isEmpty() ? "span" : path, "must be a JSON object");
        }
        String traceId = id(node, path, 16, false, "traceId", "trace_id");
        String spanId = id(node, path, 8, false, "spanId", "span_id");
        String parentSpanId = id(node, path, 8, true, "parentSpanId", "parent_span_id");
        JsonNode nameNode = node.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText() : "";
        Instant start = time(node, path, true, "startTimeUnixNano", "start_time_unix_nano");
        Instant end = time(node, path, false, "endTimeUnixNano", "end_time_unix_nano");
        if (end != null && end.isBefore(start)) {
            throw new FieldException(
                    join(path, "endTimeUnixNano"), "must not be before startTimeUnixNano, got " + end + " < " + start);
        }
        Map<String, Object> attributes = keyValues(node.get("attributes"), join(path, "attributes"), true);
        List<OtlpSpan.Event> events = new ArrayList<>();
        JsonNode eventNodes = node.get("events");
        if (eventNodes != null && !eventNodes.isNull()) {
            if (!eventNodes.isArray()) {
                throw new FieldException(join(path, "events"), "must be an array");
            }
            for (int i = 0; i < eventNodes.size(); i++) {
                String eventPath = join(path, "events[" + i + "]");
                JsonNode event = eventNodes.get(i);
                if (!event.isObject()) {
                    throw new FieldException(eventPath, "must be a JSON object");
                }
                JsonNode eventName = event.get("name");
                events.add(new OtlpSpan.Event(
                        eventName != null && eventName.isTextual() ? eventName.asText() : "",
                        time(event, eventPath, false, "timeUnixNano", "time_unix_nano"),
                        keyValues(event.get("attributes"), join(eventPath, "attributes"), false)));
            }
        }
        boolean error = false;
        String statusMessage = null;
        JsonNode status = node.get("status");
        if (status != null && !status.isNull()) {
            if (!status.isObject()) {
                throw new FieldException(join(path, "status"), "must be a JSON object");
            }
            error = isErrorCode(status.get("code"), join(path, "status.code"));
            JsonNode message = status.get("message");
            statusMessage = message != null && message.isTextual() ? message.asText() : null;
        }
        return new OtlpSpan(
                traceId,
                spanId,
                parentSpanId,
                name,
                start,
                end,
                attributes,
                events,
                error,
                statusMessage,
                service,
                null,
                location,
                path);
    }

    /**
     * A trace or span id as lower-case hex. OTLP/JSON writes hex; base64 (protobuf's canonical JSON) is accepted.
     */
    private static String id(JsonNode node, String path, int bytes, boolean optional, String... names) {
        JsonNode value = field(node, names);
        String fieldPath = join(path, names[0]);
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            if (optional) {
                return null;
            }
            throw new FieldException(fieldPath, "is required");
        }
        if (!value.isTextual()) {
            throw new FieldException(fieldPath, "must be a string of " + 2 * bytes + " hex characters, got " + value);
        }
        String text = value.asText().strip();
        String hex = null;
        if (text.length() == 2 * bytes && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            hex = text.toLowerCase(Locale.ROOT);
        } else {
            try {
                byte[] decoded = Base64.getDecoder().decode(text);
                if (decoded.length == bytes) {
                    hex = HexFormat.of().formatHex(decoded);
                }
            } catch (IllegalArgumentException e) {
                hex = null;
            }
        }
        if (hex == null) {
            String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
            throw new FieldException(fieldPath, "must be " + 2 * bytes + " hex characters, got '" + shown + "'");
        }
        if (hex.chars().allMatch(c -> c == '0')) {
            if (optional) {
                return null; // an all-zero parent id means "no parent"
            }
            throw new FieldException(fieldPath, "must not be all zeros (the invalid id)");
        }
        return hex;
    }

    /** Unix nanoseconds as a string of digits or a JSON integer. */
    private static Instant time(JsonNode node, String path, boolean required, String... names) {
        JsonNode value = field(node, names);
        String fieldPath = join(path, names[0]);
        if (value == null || value.isNull()) {
            if (required) {
                throw new FieldException(fieldPath, "is required");
            }
            return null;
        }
        String text = value.isIntegralNumber()
                ? value.bigIntegerValue().toString()
                : value.isTextual() ? value.asText().strip() : "";
        if (!DIGITS.matcher(text).matches()) {
            throw new FieldException(fieldPath, "must be Unix nanoseconds (a string of digits), got " + value);
        }
        BigInteger nanos = new BigInteger(text);
        if (nanos.bitLength() > 63) {
            throw new FieldException(fieldPath, "is out of range, got " + text);
        }
        return Instant.ofEpochSecond(0, nanos.longValue());
    }

    private static boolean isErrorCode(JsonNode code, String path) {
        if (code == null || code.isNull()) {
            return false;
        }
        if (code.isIntegralNumber()) {
            int value = code.asInt();
            if (value < 0 || value > 2) {
                throw new FieldException(path, "must be 0 (unset), 1 (ok) or 2 (error), got " + code);
            }
            return value == 2;
        }
        if (code.isTextual()) {
            switch (code.asText().strip().toUpperCase(Locale.ROOT)) {
                case "STATUS_CODE_ERROR", "ERROR", "2":
                    return true;
                case "STATUS_CODE_OK", "OK", "STATUS_CODE_UNSET", "UNSET", "1", "0", "":
                    return false;
                default:
                    break;
            }
        }
        throw new FieldException(path, "must be 0 (unset), 1 (ok) or 2 (error), got " + code);
    }

    /** An OTLP key-value list as a map of plain values; input content is emptied when {@code pruneInputs}. */
    static Map<String, Object> keyValues(JsonNode list, String path, boolean pruneInputs) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (list == null || list.isNull()) {
            return values;
        }
        if (!list.isArray()) {
            throw new FieldException(path, "must be an array of {\"key\": ..., \"value\": ...}");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String entryPath = path + "[" + i + "]";
            JsonNode key = entry.isObject() ? entry.get("key") : null;
            if (key == null || !key.isTextual()) {
                throw new FieldException(entryPath + ".key", "must be a string");
            }
            Object value = anyValue(entry.get("value"), entryPath + ".value");
            if (pruneInputs && OtlpSemantics.isInputContent(key.asText())) {
                value = ""; // kept as a marker (legacy LLM spans are recognised by these keys), content dropped
            }
            values.putIfAbsent(key.asText(), value);
        }
        return values;
    }

    /** An OTLP AnyValue as a plain value: String, Boolean, Long, Double, List, Map or null. */
    private static Object anyValue(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new FieldException(
                    path,
                    "must be an AnyValue object such as {\"stringValue\": \"x\"}, got "
                            + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        JsonNode value;
        if ((value = field(node, "stringValue", "string_value")) != null) {
            if (!value.isTextual()) {
                throw new FieldException(path + ".stringValue", "must be a string");
            }
            return value.asText();
        }
        if ((value = field(node, "boolValue", "bool_value")) != null) {
            if (!value.isBoolean()) {
                throw new FieldException(path + ".boolValue", "must be true or false, got " + value);
            }
            return value.asBoolean();
        }
        if ((value = field(node, "intValue", "int_value")) != null) {
            String text = value.isIntegralNumber() && value.canConvertToLong()
                    ? value.asText()
                    : value.isTextual() ? value.asText().strip() : "";
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new FieldException(path + ".intValue", "must be a 64-bit integer, got " + value);
            }
        }
        if ((value = field(node, "doubleValue", "double_value")) != null) {
            if (value.isNumber()) {
                return value.asDouble();
            }
            if (value.isTextual()) {
                String text = value.asText().strip();
                if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
                    return text; // not a JSON number: kept as text
                }
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    // falls through to the error below
                }
            }
            throw new FieldException(path + ".doubleValue", "must be a number, got " + value);
        }
        if ((value = field(node, "arrayValue", "array_value")) != null) {
            List<Object> items = new ArrayList<>();
            JsonNode values = value.isObject() ? value.get("values") : null;
            if (values != null && !values.isNull()) {
                if (!values.isArray()) {
                    throw new FieldException(path + ".arrayValue.values", "must be an array");
                }
                for (int i = 0; i < values.size(); i++) {
                    items.add(anyValue(values.get(i), path + ".arrayValue.values[" + i + "]"));
                }
            }
            return items;
        }
        if ((value = field(node, "kvlistValue", "kvlist_value")) != null) {
            return keyValues(value.isObject() ? value.get("values") : null, path + ".kvlistValue.values", false);
        }
        if ((value = field(node, "bytesValue", "bytes_value")) != null) {
            return value.asText();
        }
        return null; // an empty AnyValue
    }

    /** The first of {@code names} present in {@code node}: OTLP/JSON is lowerCamelCase, protobuf also accepts snake_case. */
    private static JsonNode field(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Which field holds the spans of a request line: resourceSpans, or scopeSpans for a bare ResourceSpans. */
    private static String spanContainer(JsonNode node) {
        for (String name : List.of("resourceSpans", "resource_spans", "scopeSpans", "scope_spans")) {
            if (node.has(name)) {
                return name;
            }
        }
        return null;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Spans gathered per trace, in order of first appearance. */
    private static final class Traces {
        final Map<String, TraceSpans> byId = new LinkedHashMap<>();

        void add(OtlpSpan span) {
            byId.computeIfAbsent(span.traceId(), id -> new TraceSpans(span.location()))
                    .spans
                    .add(span);
        }
    }

    private static final class TraceSpans {
        final String origin;
        final List<OtlpSpan> spans = new ArrayList<>();

        TraceSpans(String origin) {
            this.origin = origin;
        }
    }
}
