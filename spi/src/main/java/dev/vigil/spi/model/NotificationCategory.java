package dev.vigil.spi.model;

/** Coarse, backend-level notification category. */
public enum NotificationCategory implements WireEnum {
    APPROVAL("approval"),
    BUDGET("budget"),
    SECURITY("security"),
    SYSTEM("system"),
    AGENT("agent"),
    HEALTH("health"),
    ESCALATION("escalation");

    private final String wireName;

    NotificationCategory(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code notificationCategory must be one of [...], got 'x'}
     */
    public static NotificationCategory fromWireName(String wireName) {
        return WireEnum.parse(NotificationCategory.class, "notificationCategory", wireName);
    }
}
