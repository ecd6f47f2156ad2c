package dev.vigil.health.triage;

import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.WireEnum;

/** A ticket field that notification grouping can key on ({@code engine.health.triage.group_by}). */
public enum GroupKey implements WireEnum {
    /** The run id. */
    RUN("run"),
    /** The agent id. */
    AGENT("agent"),
    /** The task id. */
    TASK("task"),
    /** The escalation cause. */
    CAUSE("cause");

    private final String wireName;

    GroupKey(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** This field's value on {@code ticket}. */
    public String valueOf(EscalationTicket ticket) {
        switch (this) {
            case RUN:
                return ticket.runId();
            case AGENT:
                return ticket.agentId();
            case TASK:
                return ticket.taskId();
            case CAUSE:
                return ticket.cause().wireName();
            default:
                throw new IllegalStateException("unhandled group key " + this);
        }
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code groupKey must be one of [run, agent, task, cause], got 'x'}
     */
    public static GroupKey fromWireName(String wireName) {
        return WireEnum.parse(GroupKey.class, "groupKey", wireName);
    }
}
