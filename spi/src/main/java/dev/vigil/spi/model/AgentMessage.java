package dev.vigil.spi.model;

import java.time.Instant;

/**
 * One message between agents of a team run; only the count of messages is used (data-model.md §7).
 *
 * @param fromAgentId the sender, NotBlank
 * @param toAgentId the recipient, nullable (null means broadcast)
 * @param sentAt nullable
 * @param channel nullable
 */
public record AgentMessage(String fromAgentId, String toAgentId, Instant sentAt, String channel) {

    /** Validates the sender. */
    public AgentMessage {
        Checks.notBlank(fromAgentId, "fromAgentId");
    }
}
