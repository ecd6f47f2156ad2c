package dev.vigil.app.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-written OTLP/JSON, built field by field as the OTLP/JSON spec encodes it (hex ids, nanos as strings). */
final class OtlpJsonSamples {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** 2025-10-09T08:53:20Z, in milliseconds. */
    static final long BASE_MS = 1_760_000_000_000L;

    private OtlpJsonSamples() {}

    /** A span from {@code startMs} to {@code endMs} after {@link #BASE_MS}; {@code kv} alternates keys and values. */
    static ObjectNode span(
            String traceId, String spanId, String parentId, String name, long startMs, long endMs, Object... kv) {
        ObjectNode span = MAPPER.createObjectNode();
        span.put("traceId", traceId);
        span.put("spanId", spanId);
        if (parentId != null) {
            span.put("parentSpanId", parentId);
        }
        span.put("name", name);
        span.put("kind", 1);
        span.put("startTimeUnixNano", String.valueOf((BASE_MS + startMs) * 1_000_000L));
        span.put("endTimeUnixNano", String.valueOf((BASE_MS + endMs) * 1_000_000L));
        ArrayNode attributes = span.putArray("attributes");
        for (int i = 0; i < kv.length; i += 2) {
            ObjectNode entry = attributes.addObject();
            entry.put("key", (String) kv[i]);
            entry.set("value", anyValue(kv[i + 1]));
        }
        span.putObject("status");
        return span;
    }

    /** Marks the span as failed (status code 2) with an exception event. */
    static ObjectNode failed(ObjectNode span, String message) {
        ObjectNode status = span.putObject("status");
        status.put("code", 2);
        status.put("message", message);
        ObjectNode event = span.putArray("events").addObject();
        event.put("name", "exception");
        event.put("timeUnixNano", span.get("endTimeUnixNano").asText());
        ObjectNode type = event.putArray("attributes").addObject();
        type.put("key", "exception.type");
        type.set("value", anyValue("java.io.IOException"));
        return span;
    }

    static ObjectNode anyValue(Object value) {
        ObjectNode node = MAPPER.createObjectNode();
        if (value instanceof String s) {
            node.put("stringValue", s);
        } else if (value instanceof Integer || value instanceof Long) {
            node.put("intValue", String.valueOf(value)); // int64 is a JSON string in OTLP/JSON
        } else if (value instanceof Double d) {
            node.put("doubleValue", d);
        } else if (value instanceof Boolean b) {
            node.put("boolValue", b);
        } else if (value instanceof List<?> list) {
            ArrayNode values = node.putObject("arrayValue").putArray("values");
            list.forEach(item -> values.add(anyValue(item)));
        } else if (value instanceof Map<?, ?> map) {
            ArrayNode values = node.putObject("kvlistValue").putArray("values");
            map.forEach((k, v) -> {
                ObjectNode entry = values.addObject();
                entry.put("key", (String) k);
                entry.set("value", anyValue(v));
            });
        }
        return node;
    }

    /** One ExportTraceServiceRequest holding {@code spans} under one resource. */
    static ObjectNode request(String service, ObjectNode... spans) {
        ObjectNode request = MAPPER.createObjectNode();
        ObjectNode resourceSpans = request.putArray("resourceSpans").addObject();
        ObjectNode serviceName =
                resourceSpans.putObject("resource").putArray("attributes").addObject();
        serviceName.put("key", "service.name");
        serviceName.set("value", anyValue(service));
        ObjectNode scope = resourceSpans.putArray("scopeSpans").addObject();
        scope.putObject("scope").put("name", "test");
        ArrayNode array = scope.putArray("spans");
        for (ObjectNode span : spans) {
            array.add(span);
        }
        return request;
    }

    /** Writes one compact JSON value per line. */
    static Path writeLines(Path file, List<?> lines) throws IOException {
        List<String> text = new ArrayList<>();
        for (Object line : lines) {
            text.add(line instanceof String s ? s : MAPPER.writeValueAsString(line));
        }
        return Files.write(file, text);
    }

    /** A 32-hex-character trace id ending in {@code n}. */
    static String traceId(int n) {
        return String.format("%032x", 0x1000 + n);
    }

    /** A 16-hex-character span id ending in {@code n}. */
    static String spanId(int n) {
        return String.format("%016x", 0x100 + n);
    }
}
