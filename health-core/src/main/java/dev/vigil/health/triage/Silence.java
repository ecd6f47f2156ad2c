package dev.vigil.health.triage;

import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.settings.Settings;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * An operator's silence: tickets that match every given matcher are dismissed until {@code until} (exclusive).
 *
 * <p>Text syntax (setting {@code engine.health.triage.silences}, one entry per silence): {@code key=value} pairs
 * separated by {@code ;}, in any order, blanks around keys and values ignored. Keys: {@code agent} (agent id),
 * {@code task} (task id), {@code cause} (an {@link EscalationCause} wire name such as {@code stagnation}) and
 * {@code until} (an ISO-8601 instant, e.g. {@code 2026-03-01T18:00:00Z}). {@code until} is required, and so is at
 * least one of the matchers, so that a typo can never mute everything forever. Values cannot contain {@code ;} or
 * {@code ,} (the list separator of environment and {@code --set} values). Example:
 * {@code agent=billing-bot;cause=timeout;until=2026-03-01T18:00:00Z}.
 *
 * @param agentId matches the ticket's agentId exactly, or null for any agent
 * @param taskId matches the ticket's taskId exactly, or null for any task
 * @param cause matches the ticket's cause, or null for any cause
 * @param until the instant the silence expires
 */
public record Silence(String agentId, String taskId, EscalationCause cause, Instant until) {

    /** Requires {@code until} and at least one matcher; rejects blank ids. */
    public Silence {
        Objects.requireNonNull(until, "until");
        if (agentId == null && taskId == null && cause == null) {
            throw new IllegalArgumentException("silence must match at least one of agent, task, cause");
        }
        if (agentId != null && agentId.isBlank()) {
            throw new IllegalArgumentException("agentId must not be blank");
        }
        if (taskId != null && taskId.isBlank()) {
            throw new IllegalArgumentException("taskId must not be blank");
        }
    }

    /** True when the silence is still active at {@code now} and every given matcher matches the ticket. */
    public boolean matches(EscalationTicket ticket, Instant now) {
        return now.isBefore(until)
                && (agentId == null || agentId.equals(ticket.agentId()))
                && (taskId == null || taskId.equals(ticket.taskId()))
                && (cause == null || cause == ticket.cause());
    }

    /**
     * Parses one silence from its text form (see the class documentation).
     *
     * @throws IllegalArgumentException naming the problem, e.g. {@code silence needs until=<ISO-8601 instant>, got
     *     'agent=a'}
     */
    public static Silence parse(String text) {
        Objects.requireNonNull(text, "text");
        String agent = null;
        String task = null;
        EscalationCause cause = null;
        Instant until = null;
        for (String part : text.split(";", -1)) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "silence must be key=value pairs separated by ';', got '" + text + "'");
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("silence key '" + key + "' needs a value, got '" + text + "'");
            }
            switch (key) {
                case "agent":
                    agent = value;
                    break;
                case "task":
                    task = value;
                    break;
                case "cause":
                    cause = EscalationCause.fromWireName(value);
                    break;
                case "until":
                    try {
                        until = Instant.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(
                                "silence until must be an ISO-8601 instant, got '" + value + "'", e);
                    }
                    break;
                default:
                    throw new IllegalArgumentException(
                            "silence key must be one of [agent, task, cause, until], got '" + key + "'");
            }
        }
        if (until == null) {
            throw new IllegalArgumentException("silence needs until=<ISO-8601 instant>, got '" + text + "'");
        }
        return new Silence(agent, task, cause, until);
    }

    /** Parses every entry in order. */
    public static List<Silence> parseAll(List<String> texts) {
        List<Silence> silences = new ArrayList<>(texts.size());
        for (String text : texts) {
            silences.add(parse(text));
        }
        return List.copyOf(silences);
    }

    /** The silences of {@code engine.health.triage.silences}. */
    public static List<Silence> fromSettings(Settings settings) {
        return parseAll(settings.get(TriageSettings.SILENCES));
    }

    /** The text form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(";");
        if (agentId != null) {
            joiner.add("agent=" + agentId);
        }
        if (taskId != null) {
            joiner.add("task=" + taskId);
        }
        if (cause != null) {
            joiner.add("cause=" + cause.wireName());
        }
        joiner.add("until=" + until);
        return joiner.toString();
    }
}
