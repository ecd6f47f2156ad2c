package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;
import dev.vigil.spi.model.NotificationSeverity;
import java.util.Optional;

/**
 * Overhead fractions (overhead percent / 100) at which an alert fires: INFO from {@code info}, WARNING from {@code
 * warn}, CRITICAL from {@code critical}; all inclusive, checked from the highest down.
 *
 * <p>Rejections: {@code <name> must be in [0.0, 1.0], got <v>}, {@code <name> must be finite, got <v>} and {@code
 * alert thresholds must satisfy info < warn < critical, got <i>, <w>, <c>}.
 *
 * @param info {@code coordination.alerts.info} (0.30)
 * @param warn {@code coordination.alerts.warn} (0.50)
 * @param critical {@code coordination.alerts.critical} (0.70)
 */
public record OrchestrationAlertThresholds(double info, double warn, double critical) {

    /** The defaults of settings.md §5: 0.30 / 0.50 / 0.70. */
    public static final OrchestrationAlertThresholds DEFAULTS = new OrchestrationAlertThresholds(
            CoordinationSettings.ALERTS_INFO.defaultValue(),
            CoordinationSettings.ALERTS_WARN.defaultValue(),
            CoordinationSettings.ALERTS_CRITICAL.defaultValue());

    public OrchestrationAlertThresholds {
        Checks.unitInterval("info", info);
        Checks.unitInterval("warn", warn);
        Checks.unitInterval("critical", critical);
        if (!(info < warn && warn < critical)) {
            throw new IllegalArgumentException("alert thresholds must satisfy info < warn < critical, got " + info
                    + ", " + warn + ", " + critical);
        }
    }

    /**
     * The alert severity for an overhead fraction: CRITICAL if fraction >= critical, else WARNING if >= warn, else
     * INFO if >= info, else none (NaN gives none).
     */
    public Optional<NotificationSeverity> severityFor(double fraction) {
        if (fraction >= critical) {
            return Optional.of(NotificationSeverity.CRITICAL);
        }
        if (fraction >= warn) {
            return Optional.of(NotificationSeverity.WARNING);
        }
        if (fraction >= info) {
            return Optional.of(NotificationSeverity.INFO);
        }
        return Optional.empty();
    }
}
