package dev.vigil.spi.model;

/** Kinds of node a turn touches in the execution graph. */
public enum NodeType implements WireEnum {
    LLM_CALL("llm_call"),
    TOOL_INVOCATION("tool_invocation"),
    QUALITY_CHECK("quality_check"),
    BUDGET_CHECK("budget_check"),
    STAGNATION_CHECK("stagnation_check");

    private final String wireName;

    NodeType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code nodeType must be one of [...], got 'x'}
     */
    public static NodeType fromWireName(String wireName) {
        return WireEnum.parse(NodeType.class, "nodeType", wireName);
    }
}
