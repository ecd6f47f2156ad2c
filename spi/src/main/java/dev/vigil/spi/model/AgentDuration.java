package dev.vigil.spi.model;

/**
 * How long one agent of a team run took (data-model.md §7). Not validated here: the straggler-gap function validates
 * its inputs.
 *
 * @param agentId the agent
 * @param seconds the agent run's {@link Run#durationSeconds()}
 */
public record AgentDuration(String agentId, double seconds) {}
