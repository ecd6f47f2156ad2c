package dev.vigil.health.triage;

import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import dev.vigil.spi.settings.SettingType;
import java.util.List;

/**
 * The settings of the triage chain and the alerting controls around it ({@code engine.health.triage.*}): the
 * thresholds of the built-in {@code persistent_stall} rule (settings.md §3) and the Vigil additions for grouping,
 * the repeat interval and silences. Declared next to the config records that read them; {@code HealthSettings}
 * re-exports each of them under its historical name and lists them in {@code HealthSettings.all()}.
 */
public final class TriageSettings {

    public static final Setting<Double> STALL_DURATION_THRESHOLD_SECONDS = Setting.ofDouble(
            "engine.health.triage.stall_duration_threshold_seconds",
            60.0,
            Constraint.atLeast(0.0),
            Reload.LIVE,
            "A MEDIUM ticket escalates once the stall reaches a minute (inclusive).");

    public static final Setting<Integer> STEPS_THRESHOLD = Setting.ofInt(
            "engine.health.triage.steps_threshold",
            5,
            Constraint.intAtLeast(0),
            Reload.LIVE,
            "...or once 5 steps pass without progress (inclusive).");

    // ---- Vigil additions (not in settings.md §3) ----

    /** Which ticket fields form a notification group; an empty list puts every ticket in one group. */
    public static final Setting<List<GroupKey>> GROUP_BY = Setting.ofEnumList(
            "engine.health.triage.group_by",
            GroupKey.class,
            List.of(GroupKey.RUN, GroupKey.CAUSE),
            Reload.RESTART,
            "Vigil addition. Escalated tickets with equal values of these fields (run, agent, task, cause) form one"
                    + " group, notified once per repeat interval unless severity rises. [run, cause] matches D10's"
                    + " de-duplication key, so by default grouping never hides a ticket D10 would let through.");

    /** How long a group stays quiet after a notification, unless a ticket of higher severity arrives. */
    public static final Setting<Double> REPEAT_INTERVAL_SECONDS = Setting.ofDouble(
            "engine.health.triage.repeat_interval_seconds",
            14400.0,
            Constraint.atLeast(0.0),
            Reload.RESTART,
            "Vigil addition. Alertmanager's default repeat_interval (4 h): a still-firing problem re-pages a few times"
                    + " a day, not every step. 0 notifies every escalated ticket.");

    /** Operator silences, see {@link Silence} for the syntax. */
    public static final Setting<List<String>> SILENCES = new Setting<>(
            "engine.health.triage.silences",
            SettingType.listOf(SettingType.STRING),
            List.of(),
            new Constraint<List<String>>(
                    "a list of silences 'agent=<id>;task=<id>;cause=<cause>;until=<ISO-8601 instant>'"
                            + " (until and at least one matcher required)",
                    TriageSettings::allSilencesParse),
            Reload.LIVE,
            "Vigil addition. Empty: nothing is muted. A silence dismisses matching tickets until it expires, so a"
                    + " known incident stops paging without switching monitoring off.");

    private TriageSettings() {}

    private static boolean allSilencesParse(List<String> texts) {
        try {
            Silence.parseAll(texts);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
