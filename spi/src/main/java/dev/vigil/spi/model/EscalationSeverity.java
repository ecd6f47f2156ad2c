package dev.vigil.spi.model;

/** Severity of an escalation ticket, ordered by ordinal: LOW &lt; MEDIUM &lt; HIGH &lt; CRITICAL. */
public enum EscalationSeverity implements WireEnum {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    CRITICAL("critical");

    private final String wireName;

    EscalationSeverity(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code escalationSeverity must be one of [...], got 'x'}
     */
    public static EscalationSeverity fromWireName(String wireName) {
        return WireEnum.parse(EscalationSeverity.class, "escalationSeverity", wireName);
    }
}
