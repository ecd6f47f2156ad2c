package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;
import dev.vigil.spi.settings.Settings;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The collector's configuration (coordination.md §3), built from settings by {@link #from(Settings)}.
 *
 * <p>Rejections: {@code collect must not be null}, {@code collect must not contain null}, {@code collect must not
 * contain duplicates, got '<name>'}, {@code alerts must not be null}, {@code tokenSpeedupAlertRatio must be > 0, got
 * <v>}, {@code quadraticThreshold must be in (0.0, 1.0], got <v>}, {@code similarity must not be null}.
 *
 * @param enabled {@code coordination.enabled} (false): when off, the collector returns empty metrics and records nothing
 * @param collect {@code coordination.collect}: the metrics to compute (all nine by default), unique
 * @param alerts the overhead alert thresholds ({@code coordination.alerts.*})
 * @param tokenSpeedupAlertRatio {@code coordination.token_speedup.alert_ratio} (2.0), > 0
 * @param quadraticThreshold {@code coordination.message_overhead.quadratic_threshold} (0.5), in (0, 1]
 * @param similarity {@code coordination.redundancy.similarity} ({@code jaccard})
 */
public record CoordinationConfig(
        boolean enabled,
        List<MetricName> collect,
        OrchestrationAlertThresholds alerts,
        double tokenSpeedupAlertRatio,
        double quadraticThreshold,
        SimilarityKind similarity) {

    /** Every setting at its default (collection disabled). */
    public static final CoordinationConfig DEFAULTS = from(Settings.defaults());

    public CoordinationConfig {
        collect = Checks.copyList("collect", collect);
        Set<MetricName> seen = EnumSet.noneOf(MetricName.class);
        for (MetricName metric : collect) {
            if (!seen.add(metric)) {
                throw new IllegalArgumentException(
                        "collect must not contain duplicates, got '" + metric.wireName() + "'");
            }
        }
        Checks.notNull("alerts", alerts);
        Checks.positive("tokenSpeedupAlertRatio", tokenSpeedupAlertRatio);
        Checks.finite("quadraticThreshold", quadraticThreshold);
        if (!(quadraticThreshold > 0.0 && quadraticThreshold <= 1.0)) {
            throw new IllegalArgumentException("quadraticThreshold must be in (0.0, 1.0], got " + quadraticThreshold);
        }
        Checks.notNull("similarity", similarity);
    }

    /** Builds the config from resolved settings; the cross-field rule info < warn < critical is checked here. */
    public static CoordinationConfig from(Settings settings) {
        return new CoordinationConfig(
                settings.get(CoordinationSettings.ENABLED),
                settings.get(CoordinationSettings.COLLECT),
                new OrchestrationAlertThresholds(
                        settings.get(CoordinationSettings.ALERTS_INFO),
                        settings.get(CoordinationSettings.ALERTS_WARN),
                        settings.get(CoordinationSettings.ALERTS_CRITICAL)),
                settings.get(CoordinationSettings.TOKEN_SPEEDUP_ALERT_RATIO),
                settings.get(CoordinationSettings.QUADRATIC_THRESHOLD),
                settings.get(CoordinationSettings.REDUNDANCY_SIMILARITY));
    }

    /** This config with collection switched on or off (convenient for library use and tests). */
    public CoordinationConfig withEnabled(boolean on) {
        return new CoordinationConfig(on, collect, alerts, tokenSpeedupAlertRatio, quadraticThreshold, similarity);
    }

    /** This config collecting only {@code metrics}. */
    public CoordinationConfig withCollect(List<MetricName> metrics) {
        return new CoordinationConfig(enabled, metrics, alerts, tokenSpeedupAlertRatio, quadraticThreshold, similarity);
    }

    /** True when {@code metric} is in {@link #collect()}. */
    public boolean collects(MetricName metric) {
        return collect.contains(metric);
    }
}
