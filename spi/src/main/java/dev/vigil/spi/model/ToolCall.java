package dev.vigil.spi.model;

import java.util.Map;

/**
 * One tool call made in an LLM turn.
 *
 * @param name the tool name, NotBlank, used verbatim (may contain {@code :})
 * @param arguments JSON values only, deep-copied and unmodifiable, insertion order kept; null means empty. An ingester
 *     whose argument text is not a JSON object stores {@code {"_raw": <text>}} (F12)
 * @param id the source's call id, nullable; not part of the fingerprint
 * @param result what the tool returned, or null when the source did not record it; not part of the fingerprint
 */
public record ToolCall(String name, Map<String, Object> arguments, String id, ToolResult result) {

    /** The key under which an ingester keeps argument text that is not a JSON object (F12). */
    public static final String RAW_ARGUMENTS_KEY = "_raw";

    /** Validates and deep-copies the arguments. */
    public ToolCall {
        Checks.notBlank(name, "name");
        arguments = JsonValues.copyObject(arguments, "arguments");
    }

    /** A call whose result was not recorded. */
    public ToolCall(String name, Map<String, Object> arguments, String id) {
        this(name, arguments, id, null);
    }

    /** A call without a source id. */
    public ToolCall(String name, Map<String, Object> arguments) {
        this(name, arguments, null, null);
    }

    /** This call with the tool's result attached. */
    public ToolCall withResult(ToolResult value) {
        return new ToolCall(name, arguments, id, value);
    }

    /** A call of {@code name} with arguments of any JSON-valued map type and no source id. */
    public static ToolCall of(String name, Map<String, ?> arguments) {
        Checks.notBlank(name, "name");
        return new ToolCall(name, JsonValues.copyObject(arguments, "arguments"), null);
    }

    /** A call whose argument text was not a JSON object: arguments are {@code {"_raw": text}} (F12). */
    public static ToolCall ofRawArguments(String name, String argumentText, String id) {
        Checks.required(argumentText, "argumentText");
        return new ToolCall(name, Map.of(RAW_ARGUMENTS_KEY, argumentText), id);
    }

    /** This call's fingerprint (D1), {@code name:} + 16 lowercase hex characters. */
    public String fingerprint() {
        return ToolCallFingerprint.of(this);
    }
}
