package dev.vigil.health.notify;

import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;

/**
 * The settings of notification delivery ({@code notifications.*} and {@code workers.dispatcher.*}, settings.md §3,
 * plus the Vigil addition {@code workers.dispatcher.send_timeout_seconds}), declared next to the config records that
 * read them. {@code HealthSettings} re-exports each of them under its historical name and lists them in
 * {@code HealthSettings.all()}.
 */
public final class NotifySettings {

    public static final Setting<Boolean> DISPATCHER_ENABLED = Setting.ofBool(
            "notifications.dispatcher_enabled",
            true,
            Reload.LIVE,
            "Kill switch, read at every dispatch; a failed read counts as enabled.");

    public static final Setting<NotificationSeverity> MIN_SEVERITY = Setting.ofEnum(
            "notifications.min_severity",
            NotificationSeverity.class,
            NotificationSeverity.INFO,
            Reload.RESTART,
            "The dispatcher's filter, applied after triage.");

    public static final Setting<Integer> PUBLISH_MAX_ATTEMPTS = Setting.ofInt(
            "workers.dispatcher.publish_max_attempts",
            3,
            Constraint.intAtLeast(1),
            Reload.RESTART,
            "Seed. Delivery attempts per sink, counting the first (D12). 3 attempts with 0.1 s / 1.0 s backoff absorb"
                    + " a transient outage without pushing latency into the multi-second tail. Audit-set placeholder.");

    public static final Setting<Double> PUBLISH_BACKOFF_BASE_SECONDS = Setting.ofDouble(
            "workers.dispatcher.publish_backoff_base_seconds",
            0.1,
            Constraint.greaterThan(0.0),
            Reload.RESTART,
            "Seed. Exponential-backoff base.");

    /** Range {@code >= base}: checked on the assembled {@code RetryPolicy}, since it depends on another key. */
    public static final Setting<Double> PUBLISH_BACKOFF_CAP_SECONDS = Setting.ofDouble(
            "workers.dispatcher.publish_backoff_cap_seconds",
            1.0,
            Constraint.greaterThan(0.0),
            Reload.RESTART,
            "Seed. The per-attempt ceiling on the wait.");

    // ---- Vigil additions (not in settings.md §3) ----

    /** Per-attempt cut-off for one sink's {@code send}, so a hanging sink cannot hold {@code dispatch} forever. */
    public static final Setting<Double> SEND_TIMEOUT_SECONDS = Setting.ofDouble(
            "workers.dispatcher.send_timeout_seconds",
            15.0,
            Constraint.greaterThan(0.0),
            Reload.RESTART,
            "Vigil addition. Cuts off a sink attempt that hangs (counted as a retryable timeout). Above the network"
                    + " sinks' 10 s request timeout, so their own, more precise timeouts report first.");

    private NotifySettings() {}
}
