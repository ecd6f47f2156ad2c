package dev.vigil.quality.verification;

import dev.vigil.spi.model.WireEnum;

/** The criteria decomposers a Vigil configuration can name (setting {@code engine.quality.verification.decomposer}). */
public enum DecomposerVariant implements WireEnum {
    /** One probe per acceptance criterion, see {@link IdentityCriteriaDecomposer}. */
    IDENTITY("identity");

    private final String wireName;

    DecomposerVariant(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code decomposer must be one of [...], got 'x'}
     */
    public static DecomposerVariant fromWireName(String wireName) {
        return WireEnum.parse(DecomposerVariant.class, "decomposer", wireName);
    }
}
