package dev.vigil.trajectory;

import dev.vigil.spi.model.WireEnum;

/**
 * How the scorer ranks the consistent candidates ({@code engine.trajectory.selection.ranking}, issue 12).
 */
public enum CandidateRanking implements WireEnum {
    /** The seed's rule (trajectory.md §4): the highest joint score (verbalized confidence and trace length). */
    JOINT_SCORE("joint_score"),
    /**
     * Minimum-Bayes-risk selection: the candidate whose actions agree most with the other candidates' (mean Jaccard
     * similarity of the sets of tool-call fingerprints plus the final answer), then the highest joint score. With no
     * reward model, the candidate closest to the consensus is the least likely outlier.
     */
    AGREEMENT("agreement");

    private final String wireName;

    CandidateRanking(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code ranking must be one of [...], got 'x'}
     */
    public static CandidateRanking fromWireName(String wireName) {
        return WireEnum.parse(CandidateRanking.class, "ranking", wireName);
    }
}
