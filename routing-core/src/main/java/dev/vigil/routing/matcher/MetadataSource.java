package dev.vigil.routing.matcher;

import dev.vigil.spi.model.WireEnum;

/** Where a model's capability metadata came from; {@link #UNKNOWN} means nothing is known, and the capability filters then give the model the benefit of the doubt. */
public enum MetadataSource implements WireEnum {
    LITELLM("litellm"),
    PRESET("preset"),
    PROBE("probe"),
    UNKNOWN("unknown");

    private final String wireName;

    MetadataSource(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code source must be one of [...], got 'x'}
     */
    public static MetadataSource fromWireName(String wireName) {
        return WireEnum.parse(MetadataSource.class, "source", wireName);
    }
}
