package dev.vigil.coordination;

import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import java.util.List;

/**
 * Every setting of the coordination metrics (settings.md §5): keys, defaults, ranges, reload modes and rationales.
 * The assembly resolves them; {@link CoordinationConfig#from} and {@link BaselineStore#from} read them.
 */
public final class CoordinationSettings {

    private CoordinationSettings() {}

    /** {@code coordination.enabled} (false): collection is opt-in. */
    public static final Setting<Boolean> ENABLED =
            Setting.ofBool("coordination.enabled", false, Reload.LIVE, "Collection is opt-in.");

    /** {@code coordination.collect} (all nine): which metrics to compute. */
    public static final Setting<List<MetricName>> COLLECT = Setting.ofEnumList(
            "coordination.collect",
            MetricName.class,
            List.of(MetricName.values()),
            Reload.LIVE,
            "Selective collection.");

    /** {@code coordination.alerts.info} (0.30). */
    public static final Setting<Double> ALERTS_INFO = Setting.ofDouble(
            "coordination.alerts.info",
            0.30,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Overhead fraction for an INFO alert.");

    /** {@code coordination.alerts.warn} (0.50). */
    public static final Setting<Double> ALERTS_WARN = Setting.ofDouble(
            "coordination.alerts.warn", 0.50, Constraint.between(0.0, 1.0), Reload.LIVE, "…for a WARNING alert.");

    /** {@code coordination.alerts.critical} (0.70). */
    public static final Setting<Double> ALERTS_CRITICAL = Setting.ofDouble(
            "coordination.alerts.critical", 0.70, Constraint.between(0.0, 1.0), Reload.LIVE, "…for a CRITICAL alert.");

    /** {@code coordination.baseline.window_size} (50): single-agent records kept for the baseline. */
    public static final Setting<Integer> BASELINE_WINDOW_SIZE = Setting.ofInt(
            "coordination.baseline.window_size",
            50,
            new Constraint<>("> 0", v -> v > 0),
            Reload.LIVE,
            "Single-agent records kept for the baseline; about a day of traffic on a small org, with bounded memory.");

    /** {@code coordination.token_speedup.alert_ratio} (2.0). */
    public static final Setting<Double> TOKEN_SPEEDUP_ALERT_RATIO = Setting.ofDouble(
            "coordination.token_speedup.alert_ratio",
            2.0,
            Constraint.greaterThan(0.0),
            Reload.LIVE,
            "Paying twice the tokens for the same wall-clock win is the diminishing-returns point (strict >).");

    /** {@code coordination.message_overhead.quadratic_threshold} (0.5). */
    public static final Setting<Double> QUADRATIC_THRESHOLD = Setting.ofDouble(
            "coordination.message_overhead.quadratic_threshold",
            0.5,
            Constraint.aboveAtMost(0.0, 1.0),
            Reload.LIVE,
            "The share of n² messages that flags quadratic coordination (strict >).");

    /** {@code coordination.redundancy.similarity} ({@code jaccard}). */
    public static final Setting<SimilarityKind> REDUNDANCY_SIMILARITY = Setting.ofEnum(
            "coordination.redundancy.similarity",
            SimilarityKind.class,
            SimilarityKind.JACCARD,
            Reload.LIVE,
            "F7: the built-in similarity for the redundancy rate.");

    /** Every setting of this module, in settings.md order. */
    public static List<Setting<?>> all() {
        return List.of(
                ENABLED,
                COLLECT,
                ALERTS_INFO,
                ALERTS_WARN,
                ALERTS_CRITICAL,
                BASELINE_WINDOW_SIZE,
                TOKEN_SPEEDUP_ALERT_RATIO,
                QUADRATIC_THRESHOLD,
                REDUNDANCY_SIMILARITY);
    }
}
