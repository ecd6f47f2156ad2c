package dev.vigil.routing;

import dev.vigil.spi.model.WireEnum;

/** Whether an agent can take work; only {@link #ACTIVE} agents are ever routed to. */
public enum AgentStatus implements WireEnum {
    ACTIVE("active"),
    ON_LEAVE("on_leave"),
    TERMINATED("terminated");

    private final String wireName;

    AgentStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code status must be one of [active, on_leave, terminated], got 'x'}
     */
    public static AgentStatus fromWireName(String wireName) {
        return WireEnum.parse(AgentStatus.class, "status", wireName);
    }
}
