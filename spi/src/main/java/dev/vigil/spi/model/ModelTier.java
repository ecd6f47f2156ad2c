package dev.vigil.spi.model;

/** Model cost/capability tier (model matcher, ideal-trajectory baselines). */
public enum ModelTier implements WireEnum {
    SMALL("small"),
    MEDIUM("medium"),
    LARGE("large");

    private final String wireName;

    ModelTier(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code modelTier must be one of [...], got 'x'}
     */
    public static ModelTier fromWireName(String wireName) {
        return WireEnum.parse(ModelTier.class, "modelTier", wireName);
    }
}
