package dev.vigil.app.settings;

import static dev.vigil.spi.settings.Reload.RESTART;

import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Setting;
import java.util.List;

/** The assembly's own settings (settings.md §7). */
public final class AssemblySettings {

    public static final Setting<String> PLUGINS_DIRECTORY = Setting.ofString(
            "plugins.directory",
            "plugins",
            RESTART,
            "Folder of plugin jars, relative to the distribution; each sub-folder gets its own class loader.");

    public static final Setting<Double> PLUGINS_CALL_TIMEOUT_SECONDS = Setting.ofDouble(
            "plugins.call_timeout_seconds",
            5.0,
            Constraint.greaterThan(0.0),
            RESTART,
            "F9: a hanging classifier or triage rule cannot stall the pipeline.");

    public static final Setting<String> BASELINES_PATH = Setting.ofString(
            "engine.trajectory.baselines_path",
            null,
            RESTART,
            "Ideal-trajectory baselines; unset means no efficiency ratios.");

    public static final Setting<List<SinkSpec>> NOTIFICATION_SINKS = new Setting<>(
            "notifications.sinks",
            new SinkListType(),
            List.of(new SinkSpec("console", PluginConfig.empty())),
            Constraint.any(),
            RESTART,
            "Sinks, in order; the console sink logs every escalated ticket.");

    public static final Setting<Boolean> URL_VALIDATION_ENABLED = Setting.ofBool(
            "notifications.outbound.url_validation_enabled",
            true,
            RESTART,
            "D12: the SSRF guard is on unless switched off for local testing.");

    public static final Setting<String> HOSTNAME_ALLOWLIST = Setting.ofString(
            "notifications.outbound.hostname_allowlist",
            "",
            RESTART,
            "Hosts allowed to resolve to private ranges (still pinned); comma-separated.");

    public static final Setting<Double> WEBHOOK_TIMEOUT_SECONDS =
            timeout("notifications.webhook.timeout_seconds", 10.0, "Per-request HTTP timeout.");
    public static final Setting<Double> SLACK_TIMEOUT_SECONDS =
            timeout("notifications.slack.timeout_seconds", 10.0, "Per-request HTTP timeout.");
    public static final Setting<String> SLACK_API_BASE_URL = Setting.ofString(
            "notifications.slack.api_base_url",
            "https://slack.com/api",
            RESTART,
            "The Web API base; overridable for tests.");
    public static final Setting<String> NTFY_DEFAULT_URL = Setting.ofString(
            "notifications.ntfy.default_url",
            "",
            RESTART,
            "The ntfy server used when a sink gives none; empty means the sink must name one.");
    public static final Setting<Double> NTFY_TIMEOUT_SECONDS =
            timeout("notifications.ntfy.timeout_seconds", 10.0, "Per-request HTTP timeout.");
    public static final Setting<Double> EMAIL_SMTP_TIMEOUT_SECONDS =
            timeout("notifications.email.smtp_timeout_seconds", 10.0, "SMTP connect and read timeout.");

    public static final Setting<Double> BRIDGE_SHUTDOWN_SECONDS = timeout(
            "api.lifecycle.bridge_shutdown_seconds",
            2.0,
            "Seed. Stop step per ingest bridge (the OTLP/HTTP receiver, the file reader).");
    public static final Setting<Double> MESSAGE_BUS_SHUTDOWN_SECONDS = timeout(
            "api.lifecycle.message_bus_shutdown_seconds",
            3.0,
            "Seed. Drains the in-process queue between ingest and the engines.");
    public static final Setting<Double> TASK_ENGINE_SHUTDOWN_SECONDS = timeout(
            "api.lifecycle.task_engine_shutdown_seconds",
            8.0,
            "Seed. The analysis engine finishes in-flight runs, including their end-of-run judgement.");
    public static final Setting<Double> PERFORMANCE_TRACKER_SHUTDOWN_SECONDS = timeout(
            "api.lifecycle.performance_tracker_shutdown_seconds",
            2.0,
            "Seed. Coordination collection and report aggregation for completed runs.");
    public static final Setting<Double> NOTIFICATION_DISPATCHER_SHUTDOWN_SECONDS = timeout(
            "api.lifecycle.notification_dispatcher_shutdown_seconds",
            5.0,
            "Waits for in-flight dispatches (with retries), then closes the sinks.");
    public static final Setting<Double> SETTINGS_DISPATCHER_SHUTDOWN_SECONDS =
            timeout("api.lifecycle.settings_dispatcher_shutdown_seconds", 2.0, "Seed. Stops the config watcher.");
    public static final Setting<Double> PERSISTENCE_SHUTDOWN_SECONDS = timeout(
            "api.lifecycle.persistence_shutdown_seconds",
            5.0,
            "Seed. Flushes the metric stores and writes the reports.");
    public static final Setting<Double> DRAIN_TIMEOUT_SECONDS = timeout(
            "api.lifecycle.drain_timeout_seconds",
            40.0,
            "Seed. The outer budget around the whole stop sequence; stages sum to 27 s with one bridge, leaving"
                    + " headroom. Audit-set placeholder.");

    private AssemblySettings() {}

    private static Setting<Double> timeout(String key, double defaultSeconds, String rationale) {
        return Setting.ofDouble(key, defaultSeconds, Constraint.greaterThan(0.0), RESTART, rationale);
    }

    /** Every assembly setting, in settings.md §7 order. */
    public static List<Setting<?>> all() {
        return List.of(
                PLUGINS_DIRECTORY,
                PLUGINS_CALL_TIMEOUT_SECONDS,
                BASELINES_PATH,
                NOTIFICATION_SINKS,
                URL_VALIDATION_ENABLED,
                HOSTNAME_ALLOWLIST,
                WEBHOOK_TIMEOUT_SECONDS,
                SLACK_TIMEOUT_SECONDS,
                SLACK_API_BASE_URL,
                NTFY_DEFAULT_URL,
                NTFY_TIMEOUT_SECONDS,
                EMAIL_SMTP_TIMEOUT_SECONDS,
                BRIDGE_SHUTDOWN_SECONDS,
                MESSAGE_BUS_SHUTDOWN_SECONDS,
                TASK_ENGINE_SHUTDOWN_SECONDS,
                PERFORMANCE_TRACKER_SHUTDOWN_SECONDS,
                NOTIFICATION_DISPATCHER_SHUTDOWN_SECONDS,
                SETTINGS_DISPATCHER_SHUTDOWN_SECONDS,
                PERSISTENCE_SHUTDOWN_SECONDS,
                DRAIN_TIMEOUT_SECONDS);
    }
}
