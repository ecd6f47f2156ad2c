package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.NotificationSeverity;

/**
 * An overhead alert (coordination.md §7): the team's overhead fraction reached a threshold.
 *
 * @param severity INFO, WARNING or CRITICAL
 * @param overheadPercent the overhead in percent (500.0 means five times the baseline's extra turns)
 * @param turnsMas the team's turns as the overhead used them
 * @param turnsSas the baseline's mean turns
 * @param notification the notification built for it (category BUDGET, source {@code vigil.coordination_collector})
 * @param delivered the number of sinks that accepted it; null when it was not published (no publisher wired, or the
 *     publisher threw)
 */
public record OverheadAlert(
        NotificationSeverity severity,
        double overheadPercent,
        double turnsMas,
        double turnsSas,
        Notification notification,
        Integer delivered) {

    public OverheadAlert {
        Checks.notNull("severity", severity);
        Checks.finite("overheadPercent", overheadPercent);
        Checks.finite("turnsMas", turnsMas);
        Checks.finite("turnsSas", turnsSas);
        Checks.notNull("notification", notification);
    }

    /** True when a publisher accepted the notification call. */
    public boolean published() {
        return delivered != null;
    }
}
