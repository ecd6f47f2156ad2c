package dev.vigil.spi.model;

/** What a stagnation check concluded for the current step. */
public enum StagnationVerdict implements WireEnum {
    NO_STAGNATION("no_stagnation"),
    INJECT_PROMPT("inject_prompt"),
    TERMINATE("terminate");

    private final String wireName;

    StagnationVerdict(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code stagnationVerdict must be one of [...], got 'x'}
     */
    public static StagnationVerdict fromWireName(String wireName) {
        return WireEnum.parse(StagnationVerdict.class, "stagnationVerdict", wireName);
    }
}
