package dev.vigil.trajectory;

import dev.vigil.spi.model.WireEnum;

/**
 * What each best-of-K candidate votes with when the scorer checks self-consistency
 * ({@code engine.trajectory.selection.vote_scope}, issue 12). A candidate is consistent when its vote equals the
 * strict-majority vote of all candidates (or when no strict majority exists).
 */
public enum VoteScope implements WireEnum {
    /** The seed's vote (trajectory.md §3): the sorted tool-call fingerprints of the run's last turn. */
    LAST_TURN("last_turn"),
    /**
     * The distinct fingerprints, sorted, of every state-changing tool call of the run (tools not matched by
     * {@code read_only_tools}) whose result is not a recorded error: what the run did to the world.
     */
    STATE_CHANGING("state_changing"),
    /** The run's final output, lower case, as its letter and digit words separated by single spaces. */
    FINAL_ANSWER("final_answer");

    private final String wireName;

    VoteScope(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code voteScope must be one of [...], got 'x'}
     */
    public static VoteScope fromWireName(String wireName) {
        return WireEnum.parse(VoteScope.class, "voteScope", wireName);
    }
}
