package dev.vigil.coordination;

import dev.vigil.spi.model.WireEnum;

/** Which built-in similarity feeds the redundancy metric ({@code coordination.redundancy.similarity}, F7). */
public enum SimilarityKind implements WireEnum {
    /** Token-set Jaccard similarity ({@link JaccardSimilarity}). */
    JACCARD("jaccard"),
    /** No built-in similarity: redundancy is only computed when a {@link SimilarityComputer} is supplied. */
    NONE("none");

    private final String wireName;

    SimilarityKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code similarity must be one of [jaccard, none], got 'x'}
     */
    public static SimilarityKind fromWireName(String wireName) {
        return WireEnum.parse(SimilarityKind.class, "similarity", wireName);
    }
}
