package dev.vigil.health;

import dev.vigil.health.notify.NotifySettings;
import dev.vigil.health.stagnation.StagnationSettings;
import dev.vigil.health.stagnation.StagnationStrategy;
import dev.vigil.health.triage.GroupKey;
import dev.vigil.health.triage.Silence;
import dev.vigil.health.triage.TriageSettings;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import java.util.List;

/**
 * Every setting of {@code health-core}: the keys of settings.md §3 in that order, then the Vigil additions for the
 * dispatcher's per-attempt timeout and the triage controls (grouping, repeat interval, silences). Only the assembly
 * reads settings; feature code receives config records built with their {@code from(Settings)} factories.
 *
 * <p>The root settings ({@code engine.health.*} of the judge and the run monitor) are declared here. The settings of
 * the sub-packages are declared next to the code that reads them ({@link StagnationSettings}, {@link TriageSettings},
 * {@link NotifySettings}), so that no sub-package depends on this one; the constants below are aliases of those (the
 * very same {@link Setting} instances), and {@link #all()} lists every setting of the module.
 */
public final class HealthSettings {

    public static final Setting<Boolean> MONITORING_ENABLED =
            Setting.ofBool("engine.health.monitoring_enabled", true, Reload.LIVE, "Read at each run start.");

    public static final Setting<Boolean> INCREMENTAL_ENABLED = Setting.ofBool(
            "engine.health.incremental_enabled",
            true,
            Reload.LIVE,
            "D10: judge after every step, not only at run end.");

    public static final Setting<Integer> QUALITY_DEGRADATION_THRESHOLD = Setting.ofInt(
            "engine.health.quality_degradation_threshold",
            3,
            Constraint.intBetween(1, 10),
            Reload.LIVE,
            "Trailing INCORRECT steps that give HIGH; twice as many give CRITICAL.");

    public static final Setting<Boolean> EMIT_BUDGET_BREACH = Setting.ofBool(
            "engine.health.emit_budget_breach", true, Reload.LIVE, "D9: BUDGET_BREACH on `budget_exhausted`.");

    public static final Setting<Boolean> EMIT_TIMEOUT = Setting.ofBool(
            "engine.health.emit_timeout",
            true,
            Reload.LIVE,
            "D9: TIMEOUT on `max_turns` or on exceeding run_timeout_seconds.");

    public static final Setting<Double> RUN_TIMEOUT_SECONDS = Setting.ofDouble(
            "engine.health.run_timeout_seconds",
            null,
            Constraint.greaterThan(0.0),
            Reload.LIVE,
            "Optional wall-clock limit per run; unset disables the duration check.");

    /** Alias of {@link TriageSettings#STALL_DURATION_THRESHOLD_SECONDS}. */
    public static final Setting<Double> TRIAGE_STALL_DURATION_THRESHOLD_SECONDS =
            TriageSettings.STALL_DURATION_THRESHOLD_SECONDS;

    /** Alias of {@link TriageSettings#STEPS_THRESHOLD}. */
    public static final Setting<Integer> TRIAGE_STEPS_THRESHOLD = TriageSettings.STEPS_THRESHOLD;

    /** Alias of {@link StagnationSettings#STRATEGY}. */
    public static final Setting<StagnationStrategy> STAGNATION_STRATEGY = StagnationSettings.STRATEGY;

    /** Alias of {@link StagnationSettings#WINDOW_SIZE}. */
    public static final Setting<Integer> STAGNATION_WINDOW_SIZE = StagnationSettings.WINDOW_SIZE;

    /** Alias of {@link StagnationSettings#REPETITION_THRESHOLD}. */
    public static final Setting<Double> STAGNATION_REPETITION_THRESHOLD = StagnationSettings.REPETITION_THRESHOLD;

    /** Alias of {@link StagnationSettings#CYCLE_DETECTION}. */
    public static final Setting<Boolean> STAGNATION_CYCLE_DETECTION = StagnationSettings.CYCLE_DETECTION;

    /** Alias of {@link StagnationSettings#MAX_CORRECTIONS}. */
    public static final Setting<Integer> STAGNATION_MAX_CORRECTIONS = StagnationSettings.MAX_CORRECTIONS;

    /** Alias of {@link StagnationSettings#MIN_TOOL_TURNS}. */
    public static final Setting<Integer> STAGNATION_MIN_TOOL_TURNS = StagnationSettings.MIN_TOOL_TURNS;

    /** Alias of {@link StagnationSettings#EROSION_THRESHOLD}. */
    public static final Setting<Double> STAGNATION_EROSION_THRESHOLD = StagnationSettings.EROSION_THRESHOLD;

    /** Alias of {@link StagnationSettings#EROSION_WINDOW_SIZE}. */
    public static final Setting<Integer> STAGNATION_EROSION_WINDOW_SIZE = StagnationSettings.EROSION_WINDOW_SIZE;

    /** Alias of {@link StagnationSettings#EROSION_WEIGHT_DUPLICATED}. */
    public static final Setting<Double> EROSION_WEIGHT_DUPLICATED = StagnationSettings.EROSION_WEIGHT_DUPLICATED;

    /** Alias of {@link StagnationSettings#EROSION_WEIGHT_CYCLOMATIC}. */
    public static final Setting<Double> EROSION_WEIGHT_CYCLOMATIC = StagnationSettings.EROSION_WEIGHT_CYCLOMATIC;

    /** Alias of {@link StagnationSettings#EROSION_WEIGHT_DEAD_BRANCH}. */
    public static final Setting<Double> EROSION_WEIGHT_DEAD_BRANCH = StagnationSettings.EROSION_WEIGHT_DEAD_BRANCH;

    /** Alias of {@link NotifySettings#DISPATCHER_ENABLED}. */
    public static final Setting<Boolean> DISPATCHER_ENABLED = NotifySettings.DISPATCHER_ENABLED;

    /** Alias of {@link NotifySettings#MIN_SEVERITY}. */
    public static final Setting<NotificationSeverity> MIN_SEVERITY = NotifySettings.MIN_SEVERITY;

    /** Alias of {@link NotifySettings#PUBLISH_MAX_ATTEMPTS}. */
    public static final Setting<Integer> PUBLISH_MAX_ATTEMPTS = NotifySettings.PUBLISH_MAX_ATTEMPTS;

    /** Alias of {@link NotifySettings#PUBLISH_BACKOFF_BASE_SECONDS}. */
    public static final Setting<Double> PUBLISH_BACKOFF_BASE_SECONDS = NotifySettings.PUBLISH_BACKOFF_BASE_SECONDS;

    /**
     * Alias of {@link NotifySettings#PUBLISH_BACKOFF_CAP_SECONDS}. Range {@code >= base}: checked on the assembled
     * {@code RetryPolicy}, since it depends on another key.
     */
    public static final Setting<Double> PUBLISH_BACKOFF_CAP_SECONDS = NotifySettings.PUBLISH_BACKOFF_CAP_SECONDS;

    // ---- Vigil additions (not in settings.md §3) ----

    /**
     * Alias of {@link NotifySettings#SEND_TIMEOUT_SECONDS}: per-attempt cut-off for one sink's {@code send}, so a
     * hanging sink cannot hold {@code dispatch} forever.
     */
    public static final Setting<Double> SEND_TIMEOUT_SECONDS = NotifySettings.SEND_TIMEOUT_SECONDS;

    /**
     * Alias of {@link TriageSettings#GROUP_BY}: which ticket fields form a notification group; an empty list puts
     * every ticket in one group.
     */
    public static final Setting<List<GroupKey>> TRIAGE_GROUP_BY = TriageSettings.GROUP_BY;

    /**
     * Alias of {@link TriageSettings#REPEAT_INTERVAL_SECONDS}: how long a group stays quiet after a notification,
     * unless a ticket of higher severity arrives.
     */
    public static final Setting<Double> TRIAGE_REPEAT_INTERVAL_SECONDS = TriageSettings.REPEAT_INTERVAL_SECONDS;

    /** Alias of {@link TriageSettings#SILENCES}: operator silences, see {@link Silence} for the syntax. */
    public static final Setting<List<String>> TRIAGE_SILENCES = TriageSettings.SILENCES;

    private HealthSettings() {}

    /** Every setting of this module: settings.md §3 order, then the Vigil additions. */
    public static List<Setting<?>> all() {
        return List.of(
                MONITORING_ENABLED,
                INCREMENTAL_ENABLED,
                QUALITY_DEGRADATION_THRESHOLD,
                EMIT_BUDGET_BREACH,
                EMIT_TIMEOUT,
                RUN_TIMEOUT_SECONDS,
                TRIAGE_STALL_DURATION_THRESHOLD_SECONDS,
                TRIAGE_STEPS_THRESHOLD,
                STAGNATION_STRATEGY,
                STAGNATION_WINDOW_SIZE,
                STAGNATION_REPETITION_THRESHOLD,
                STAGNATION_CYCLE_DETECTION,
                STAGNATION_MAX_CORRECTIONS,
                STAGNATION_MIN_TOOL_TURNS,
                STAGNATION_EROSION_THRESHOLD,
                STAGNATION_EROSION_WINDOW_SIZE,
                EROSION_WEIGHT_DUPLICATED,
                EROSION_WEIGHT_CYCLOMATIC,
                EROSION_WEIGHT_DEAD_BRANCH,
                DISPATCHER_ENABLED,
                MIN_SEVERITY,
                PUBLISH_MAX_ATTEMPTS,
                PUBLISH_BACKOFF_BASE_SECONDS,
                PUBLISH_BACKOFF_CAP_SECONDS,
                SEND_TIMEOUT_SECONDS,
                TRIAGE_GROUP_BY,
                TRIAGE_REPEAT_INTERVAL_SECONDS,
                TRIAGE_SILENCES);
    }
}
