package dev.vigil.health;

import dev.vigil.health.stagnation.StagnationStrategy;
import dev.vigil.health.triage.GroupKey;
import dev.vigil.health.triage.Silence;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import dev.vigil.spi.settings.SettingType;
import java.util.List;

/**
 * Every setting of {@code health-core}: the keys of settings.md §3 in that order, then the Vigil additions for the
 * dispatcher's per-attempt timeout and the triage controls (grouping, repeat interval, silences). Only the assembly
 * reads settings; feature code receives config records built with their {@code from(Settings)} factories.
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

    public static final Setting<Double> TRIAGE_STALL_DURATION_THRESHOLD_SECONDS = Setting.ofDouble(
            "engine.health.triage.stall_duration_threshold_seconds",
            60.0,
            Constraint.atLeast(0.0),
            Reload.LIVE,
            "A MEDIUM ticket escalates once the stall reaches a minute (inclusive).");

    public static final Setting<Integer> TRIAGE_STEPS_THRESHOLD = Setting.ofInt(
            "engine.health.triage.steps_threshold",
            5,
            Constraint.intAtLeast(0),
            Reload.LIVE,
            "...or once 5 steps pass without progress (inclusive).");

    public static final Setting<StagnationStrategy> STAGNATION_STRATEGY = Setting.ofEnum(
            "engine.stagnation.strategy",
            StagnationStrategy.class,
            StagnationStrategy.TOOL_REPETITION,
            Reload.LIVE,
            "D8.");

    public static final Setting<Integer> STAGNATION_WINDOW_SIZE = Setting.ofInt(
            "engine.stagnation.window_size",
            5,
            Constraint.intBetween(2, 50),
            Reload.LIVE,
            "The trailing tool turns examined.");

    public static final Setting<Double> STAGNATION_REPETITION_THRESHOLD = Setting.ofDouble(
            "engine.stagnation.repetition_threshold",
            0.6,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Duplicate-fingerprint ratio that counts as stagnation (inclusive); 1.0 disables this signal.");

    public static final Setting<Boolean> STAGNATION_CYCLE_DETECTION =
            Setting.ofBool("engine.stagnation.cycle_detection", true, Reload.LIVE, "A->B->A->B patterns.");

    public static final Setting<Integer> STAGNATION_MAX_CORRECTIONS = Setting.ofInt(
            "engine.stagnation.max_corrections",
            1,
            Constraint.intBetween(0, 10),
            Reload.LIVE,
            "Corrective prompts before TERMINATE; 0 terminates at once. Honoured by both detectors (D8).");

    public static final Setting<Integer> STAGNATION_MIN_TOOL_TURNS = Setting.ofInt(
            "engine.stagnation.min_tool_turns",
            2,
            Constraint.intBetween(1, 50),
            Reload.LIVE,
            "Below this, the window is too small to judge.");

    public static final Setting<Double> STAGNATION_EROSION_THRESHOLD = Setting.ofDouble(
            "engine.stagnation.erosion_threshold",
            0.5,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Composite erosion that counts as stagnation (inclusive).");

    public static final Setting<Integer> STAGNATION_EROSION_WINDOW_SIZE = Setting.ofInt(
            "engine.stagnation.erosion_window_size",
            10,
            Constraint.intBetween(2, 50),
            Reload.LIVE,
            "Erosion window, for the detector and for the reported per-run score.");

    public static final Setting<Double> EROSION_WEIGHT_DUPLICATED = Setting.ofDouble(
            "engine.erosion.weight_duplicated",
            0.4,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Composite weight of duplicated blocks.");

    public static final Setting<Double> EROSION_WEIGHT_CYCLOMATIC = Setting.ofDouble(
            "engine.erosion.weight_cyclomatic",
            0.4,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Composite weight of the cyclomatic delta.");

    public static final Setting<Double> EROSION_WEIGHT_DEAD_BRANCH = Setting.ofDouble(
            "engine.erosion.weight_dead_branch",
            0.2,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Composite weight of dead branches; the three weights sum to 1.0.");

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

    /** Which ticket fields form a notification group; an empty list puts every ticket in one group. */
    public static final Setting<List<GroupKey>> TRIAGE_GROUP_BY = Setting.ofEnumList(
            "engine.health.triage.group_by",
            GroupKey.class,
            List.of(GroupKey.RUN, GroupKey.CAUSE),
            Reload.RESTART,
            "Vigil addition. Escalated tickets with equal values of these fields (run, agent, task, cause) form one"
                    + " group, notified once per repeat interval unless severity rises. [run, cause] matches D10's"
                    + " de-duplication key, so by default grouping never hides a ticket D10 would let through.");

    /** How long a group stays quiet after a notification, unless a ticket of higher severity arrives. */
    public static final Setting<Double> TRIAGE_REPEAT_INTERVAL_SECONDS = Setting.ofDouble(
            "engine.health.triage.repeat_interval_seconds",
            14400.0,
            Constraint.atLeast(0.0),
            Reload.RESTART,
            "Vigil addition. Alertmanager's default repeat_interval (4 h): a still-firing problem re-pages a few times"
                    + " a day, not every step. 0 notifies every escalated ticket.");

    /** Operator silences, see {@link Silence} for the syntax. */
    public static final Setting<List<String>> TRIAGE_SILENCES = new Setting<>(
            "engine.health.triage.silences",
            SettingType.listOf(SettingType.STRING),
            List.of(),
            new Constraint<List<String>>(
                    "a list of silences 'agent=<id>;task=<id>;cause=<cause>;until=<ISO-8601 instant>'"
                            + " (until and at least one matcher required)",
                    HealthSettings::allSilencesParse),
            Reload.LIVE,
            "Vigil addition. Empty: nothing is muted. A silence dismisses matching tickets until it expires, so a"
                    + " known incident stops paging without switching monitoring off.");

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

    private static boolean allSilencesParse(List<String> texts) {
        try {
            Silence.parseAll(texts);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
