package dev.vigil.spi.model;

/** Behaviour a turn exhibits. */
public enum BehaviorTag implements WireEnum {
    FILE_OPERATIONS("file_operations"),
    RETRIEVAL("retrieval"),
    TOOL_USE("tool_use"),
    MEMORY("memory"),
    CONVERSATION("conversation"),
    SUMMARIZATION("summarization"),
    DELEGATION("delegation"),
    COORDINATION("coordination"),
    VERIFICATION("verification");

    private final String wireName;

    BehaviorTag(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code behaviorTag must be one of [...], got 'x'}
     */
    public static BehaviorTag fromWireName(String wireName) {
        return WireEnum.parse(BehaviorTag.class, "behaviorTag", wireName);
    }
}
