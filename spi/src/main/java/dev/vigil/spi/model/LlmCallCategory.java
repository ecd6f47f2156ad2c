package dev.vigil.spi.model;

/** What an LLM call was for (optional per turn). */
public enum LlmCallCategory implements WireEnum {
    PRODUCTIVE("productive"),
    COORDINATION("coordination"),
    SYSTEM("system"),
    EMBEDDING("embedding"),
    IMAGE_GENERATION("image_generation");

    private final String wireName;

    LlmCallCategory(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code llmCallCategory must be one of [...], got 'x'}
     */
    public static LlmCallCategory fromWireName(String wireName) {
        return WireEnum.parse(LlmCallCategory.class, "llmCallCategory", wireName);
    }
}
