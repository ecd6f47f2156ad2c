package dev.vigil.spi.model;

import java.util.Objects;

/**
 * What a tool returned to the agent, when the source recorded it. Classifiers use it to tell a useful result from an
 * empty one, an error, or an answer the results do not support.
 *
 * @param content the returned text (possibly truncated by the source), never null; may be empty
 * @param error true when the source marks the result as an error (e.g. text starting with {@code Error})
 * @since 0.1
 */
public record ToolResult(String content, boolean error) {

    /** Requires the content (an empty result is the empty string). */
    public ToolResult {
        Objects.requireNonNull(content, "content must not be null");
    }
}
