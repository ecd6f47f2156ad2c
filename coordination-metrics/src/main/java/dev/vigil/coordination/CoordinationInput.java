package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;
import dev.vigil.spi.model.AgentDuration;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.spi.model.Turn;
import java.util.List;

/**
 * What the collector measures (coordination.md §5): one single-agent run ({@link #ofRun}) or one team run ({@link
 * #ofTeamRun}).
 *
 * <p>Rejections: {@code <list> must not be null}, {@code <list> must not contain null}, {@code agentId / taskId /
 * runId must not be blank}, {@code teamSize must be >= 1, got <n>}, {@code makespanSeconds must be finite, got <v>},
 * {@code makespanSeconds must be >= 0, got <v>}, {@code messageCount must be >= 0, got <n>}.
 *
 * @param turns every LLM call of the run (a team's agents' turns concatenated)
 * @param agentId the agent, or the team's lead agent
 * @param taskId the task
 * @param runId the run or team run
 * @param teamSize the number of agents, >= 1
 * @param agentDurations one duration per agent run (validated by the straggler gap, not here)
 * @param makespanSeconds wall-clock duration (D5), nullable (then the maximum agent duration is used)
 * @param agentOutputs the agents' final outputs, for redundancy
 * @param messageCount this run's inter-agent messages (D4), nullable (the source recorded none), >= 0
 * @param multiAgent true when at least two distinct agents ran
 */
public record CoordinationInput(
        List<Turn> turns,
        String agentId,
        String taskId,
        String runId,
        int teamSize,
        List<AgentDuration> agentDurations,
        Double makespanSeconds,
        List<String> agentOutputs,
        Integer messageCount,
        boolean multiAgent) {

    public CoordinationInput {
        turns = Checks.copyList("turns", turns);
        Checks.notBlank("agentId", agentId);
        Checks.notBlank("taskId", taskId);
        Checks.notBlank("runId", runId);
        if (teamSize < 1) {
            throw new IllegalArgumentException("teamSize must be >= 1, got " + teamSize);
        }
        agentDurations = Checks.copyList("agentDurations", agentDurations);
        if (makespanSeconds != null) {
            Checks.nonNegative("makespanSeconds", makespanSeconds);
        }
        agentOutputs = Checks.copyList("agentOutputs", agentOutputs);
        if (messageCount != null) {
            Checks.nonNegative("messageCount", messageCount);
        }
    }

    /**
     * A single-agent run: team size 1, one agent duration, makespan = {@link Run#durationSeconds()} (F2; a duration
     * that overflowed to infinity counts as unknown), the final output if any, no message count.
     */
    public static CoordinationInput ofRun(Run run) {
        Checks.notNull("run", run);
        double duration = run.durationSeconds();
        List<String> outputs = run.finalOutput() == null ? List.of() : List.of(run.finalOutput());
        return new CoordinationInput(
                run.turns(),
                run.agentId(),
                run.taskId(),
                run.runId(),
                1,
                List.of(new AgentDuration(run.agentId(), duration)),
                knownDuration(duration),
                outputs,
                null,
                false);
    }

    /**
     * A team run: the agents' turns, the lead agent, the team size, one duration per agent run, the makespan (D5; a
     * makespan that overflowed to infinity counts as unknown), the agents' outputs and this run's message count (D4).
     */
    public static CoordinationInput ofTeamRun(TeamRun teamRun) {
        Checks.notNull("teamRun", teamRun);
        return new CoordinationInput(
                teamRun.turns(),
                teamRun.leadAgentId(),
                teamRun.taskId(),
                teamRun.teamRunId(),
                teamRun.teamSize(),
                teamRun.agentDurations(),
                knownDuration(teamRun.makespanSeconds()),
                teamRun.agentOutputs(),
                teamRun.messageCount(),
                teamRun.multiAgent());
    }

    private static Double knownDuration(double seconds) {
        return Double.isFinite(seconds) && seconds >= 0.0 ? seconds : null;
    }
}
