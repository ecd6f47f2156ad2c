package dev.vigil.spi.model;

/** Notification severity, compared by ordinal (INFO 0 .. CRITICAL 3). */
public enum NotificationSeverity implements WireEnum {
    INFO("info"),
    WARNING("warning"),
    ERROR("error"),
    CRITICAL("critical");

    private final String wireName;

    NotificationSeverity(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code notificationSeverity must be one of [...], got 'x'}
     */
    public static NotificationSeverity fromWireName(String wireName) {
        return WireEnum.parse(NotificationSeverity.class, "notificationSeverity", wireName);
    }
}
