package dev.vigil.spi.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A multi-agent execution of one task (data-model.md §7). Build one with {@link #builder(String, String, List)}.
 *
 * @param teamRunId NotBlank
 * @param taskId NotBlank
 * @param agentRuns the agents' runs, non-empty
 * @param leadAgentId null gives agentRuns[0].agentId; NotBlank when set
 * @param messages nullable: null means the source recorded no messages, an empty list means zero messages. Only this
 *     team run's messages (D4)
 * @param teamSize null gives the number of distinct agentIds in agentRuns; &ge; 1
 */
public record TeamRun(
        String teamRunId,
        String taskId,
        List<Run> agentRuns,
        String leadAgentId,
        List<AgentMessage> messages,
        Integer teamSize) {

    /** Validates the components, copies the lists and fills in leadAgentId and teamSize when null. */
    public TeamRun {
        Checks.notBlank(teamRunId, "teamRunId");
        Checks.notBlank(taskId, "taskId");
        Checks.required(agentRuns, "agentRuns");
        agentRuns = Checks.copyList(agentRuns, "agentRuns");
        if (agentRuns.isEmpty()) {
            throw new IllegalArgumentException("agentRuns must not be empty");
        }
        leadAgentId = leadAgentId == null ? agentRuns.get(0).agentId() : Checks.notBlank(leadAgentId, "leadAgentId");
        messages = messages == null ? null : Checks.copyList(messages, "messages");
        teamSize = teamSize == null ? distinctAgents(agentRuns) : Checks.atLeast(teamSize, 1, "teamSize");
    }

    private static int distinctAgents(List<Run> runs) {
        Set<String> agents = new HashSet<>();
        for (Run run : runs) {
            agents.add(run.agentId());
        }
        return agents.size();
    }

    /** A builder with leadAgentId, messages and teamSize left null (derived or unrecorded). */
    public static Builder builder(String teamRunId, String taskId, List<Run> agentRuns) {
        return new Builder(teamRunId, taskId, agentRuns);
    }

    /** A builder holding this team run's components, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(teamRunId, taskId, agentRuns)
                .leadAgentId(leadAgentId)
                .messages(messages)
                .teamSize(teamSize);
    }

    /** The agent runs' turns, concatenated in agentRuns order. */
    public List<Turn> turns() {
        List<Turn> turns = new ArrayList<>();
        for (Run run : agentRuns) {
            turns.addAll(run.turns());
        }
        return Collections.unmodifiableList(turns);
    }

    /** One {@code AgentDuration(agentId, run.durationSeconds())} per agent run, in order. */
    public List<AgentDuration> agentDurations() {
        List<AgentDuration> durations = new ArrayList<>(agentRuns.size());
        for (Run run : agentRuns) {
            durations.add(new AgentDuration(run.agentId(), run.durationSeconds()));
        }
        return Collections.unmodifiableList(durations);
    }

    /**
     * D5: when every agent run has startedAt and endedAt, (latest endedAt − earliest startedAt) in nanoseconds / 1e9;
     * otherwise the maximum of {@link #agentDurations()} (first maximum wins).
     */
    public double makespanSeconds() {
        Instant earliestStart = null;
        Instant latestEnd = null;
        boolean allTimed = true;
        for (Run run : agentRuns) {
            if (run.startedAt() == null || run.endedAt() == null) {
                allTimed = false;
                break;
            }
            if (earliestStart == null || run.startedAt().isBefore(earliestStart)) {
                earliestStart = run.startedAt();
            }
            if (latestEnd == null || run.endedAt().isAfter(latestEnd)) {
                latestEnd = run.endedAt();
            }
        }
        if (allTimed) {
            return Checks.secondsBetween(earliestStart, latestEnd);
        }
        double max = 0.0;
        boolean first = true;
        for (AgentDuration duration : agentDurations()) {
            if (first || duration.seconds() > max) {
                max = duration.seconds();
                first = false;
            }
        }
        return max;
    }

    /** The agent runs' non-null finalOutput values, in order. */
    public List<String> agentOutputs() {
        List<String> outputs = new ArrayList<>();
        for (Run run : agentRuns) {
            if (run.finalOutput() != null) {
                outputs.add(run.finalOutput());
            }
        }
        return Collections.unmodifiableList(outputs);
    }

    /** True when at least two distinct agentIds ran. */
    public boolean multiAgent() {
        return distinctAgents(agentRuns) >= 2;
    }

    /** The number of messages, or null when the source recorded none. */
    public Integer messageCount() {
        return messages == null ? null : messages.size();
    }

    /** Fluent builder for {@link TeamRun}; {@link #build()} applies the record's validation. */
    public static final class Builder {
        private final String teamRunId;
        private final String taskId;
        private final List<Run> agentRuns;
        private String leadAgentId;
        private List<AgentMessage> messages;
        private Integer teamSize;

        private Builder(String teamRunId, String taskId, List<Run> agentRuns) {
            this.teamRunId = teamRunId;
            this.taskId = taskId;
            this.agentRuns = agentRuns == null ? null : new ArrayList<>(agentRuns);
        }

        /** Sets leadAgentId (default null: the first agent run's agentId). */
        public Builder leadAgentId(String value) {
            this.leadAgentId = value;
            return this;
        }

        /** Sets the messages (default null: not recorded); the list is copied. */
        public Builder messages(Collection<AgentMessage> value) {
            this.messages = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /** Appends one message, starting from an empty list when none were set. */
        public Builder message(AgentMessage value) {
            if (this.messages == null) {
                this.messages = new ArrayList<>();
            }
            this.messages.add(value);
            return this;
        }

        /** Sets teamSize (default null: the number of distinct agentIds). */
        public Builder teamSize(Integer value) {
            this.teamSize = value;
            return this;
        }

        /** Validates and creates the team run. */
        public TeamRun build() {
            return new TeamRun(teamRunId, taskId, agentRuns, leadAgentId, messages, teamSize);
        }
    }
}
