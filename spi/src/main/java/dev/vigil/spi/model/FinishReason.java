package dev.vigil.spi.model;

/** Why one LLM call ended. */
public enum FinishReason implements WireEnum {
    STOP("stop"),
    MAX_TOKENS("max_tokens"),
    TOOL_USE("tool_use"),
    CONTENT_FILTER("content_filter"),
    ERROR("error");

    private final String wireName;

    FinishReason(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code finishReason must be one of [...], got 'x'}
     */
    public static FinishReason fromWireName(String wireName) {
        return WireEnum.parse(FinishReason.class, "finishReason", wireName);
    }
}
