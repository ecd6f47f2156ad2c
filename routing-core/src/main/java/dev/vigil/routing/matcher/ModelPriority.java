package dev.vigil.routing.matcher;

import dev.vigil.spi.model.WireEnum;

/** What a model requirement optimises for within its tier: the priciest (quality), the fastest (speed), the cheapest (cost) or the middle of the tier's price range (balanced). */
public enum ModelPriority implements WireEnum {
    QUALITY("quality"),
    BALANCED("balanced"),
    SPEED("speed"),
    COST("cost");

    private final String wireName;

    ModelPriority(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code priority must be one of [...], got 'x'}
     */
    public static ModelPriority fromWireName(String wireName) {
        return WireEnum.parse(ModelPriority.class, "priority", wireName);
    }
}
