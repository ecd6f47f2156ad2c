package dev.vigil.app.ingest;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One span as the GenAI mapping needs it, whichever file it came from: an OTLP/JSON span or a Langfuse observation
 * (which is an OpenTelemetry span under another name). Attribute values are plain JSON values (String, Boolean, Long,
 * Double, List, Map).
 *
 * @param traceId lower-case hex (OTLP) or the source's trace id (Langfuse)
 * @param spanId lower-case hex (OTLP) or the observation id (Langfuse)
 * @param parentSpanId null for a root span
 * @param name the span name, possibly empty
 * @param start start time
 * @param end end time, null when the source has none; never before {@code start}
 * @param attributes the span attributes
 * @param events the span events, in source order
 * @param error the span ended with an error status (OTLP status code 2, Langfuse level ERROR)
 * @param statusMessage the status message, nullable
 * @param serviceName the resource's {@code service.name}, nullable
 * @param declaredRole the role the source states outright (Langfuse observation type), or null to infer it from the
 *     attributes
 * @param location where the span is in its file: {@code file:line} or {@code file#/json/pointer}
 * @param path the span's field path within the record at {@code location} (e.g. {@code
 *     resourceSpans[0].scopeSpans[0].spans[2]} for a JSON Lines record), or empty when the location points at the
 *     span itself
 */
record OtlpSpan(
        String traceId,
        String spanId,
        String parentSpanId,
        String name,
        Instant start,
        Instant end,
        Map<String, Object> attributes,
        List<Event> events,
        boolean error,
        String statusMessage,
        String serviceName,
        Role declaredRole,
        String location,
        String path) {

    OtlpSpan {
        // Attribute maps may hold JSON nulls, so no Map.copyOf; insertion order is kept for stable output.
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        events = List.copyOf(events);
    }

    /** The problem-report field of {@code field} inside this span, e.g. {@code spans[2].attributes.x}. */
    String fieldOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** What a span stands for in an agent run. */
    enum Role {
        /** One LLM call: becomes a turn. */
        LLM,
        /** One tool execution: becomes a tool call of a turn. */
        TOOL,
        /** An agent invocation: names the agent of the spans below it. */
        AGENT,
        /** Anything else (HTTP, chains, retrievers): only carries the tree structure. */
        OTHER
    }

    /**
     * One span event.
     *
     * @param name the event name, e.g. {@code exception} or {@code gen_ai.choice}
     * @param time when it happened, nullable
     * @param attributes the event attributes
     */
    record Event(String name, Instant time, Map<String, Object> attributes) {
        Event {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    /** This span with the resource's service name, which OTLP/JSON may give after the spans. */
    OtlpSpan withServiceName(String service) {
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
                declaredRole,
                location,
                path);
    }
}
