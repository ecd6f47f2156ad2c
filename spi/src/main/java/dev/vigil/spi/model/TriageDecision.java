package dev.vigil.spi.model;

/** Answer of one triage rule. */
public enum TriageDecision implements WireEnum {
    ESCALATE("escalate"),
    DISMISS("dismiss"),
    ABSTAIN("abstain");

    private final String wireName;

    TriageDecision(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code triageDecision must be one of [...], got 'x'}
     */
    public static TriageDecision fromWireName(String wireName) {
        return WireEnum.parse(TriageDecision.class, "triageDecision", wireName);
    }
}
