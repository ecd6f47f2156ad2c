package dev.vigil.spi.settings;

import dev.vigil.spi.model.WireEnum;

/** When a changed setting takes effect. */
public enum Reload implements WireEnum {
    /** Re-read when the config changes and applied to the next run or call. */
    LIVE("live"),
    /** Read once at startup; a runtime change is ignored with a warning. */
    RESTART("restart");

    private final String wireName;

    Reload(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
