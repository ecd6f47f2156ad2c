package dev.vigil.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.settings.Setting;
import dev.vigil.spi.settings.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** coordination.md §3, settings.md §5 and the settings row of examples.md §23. */
class CoordinationConfigTest {

    @Test
    void defaultsAreThoseOfSettingsMd() {
        CoordinationConfig config = CoordinationConfig.DEFAULTS;
        assertFalse(config.enabled());
        assertEquals(List.of(MetricName.values()), config.collect());
        assertEquals(new OrchestrationAlertThresholds(0.30, 0.50, 0.70), config.alerts());
        assertEquals(2.0, config.tokenSpeedupAlertRatio());
        assertEquals(0.5, config.quadraticThreshold());
        assertEquals(SimilarityKind.JACCARD, config.similarity());
    }

    @Test
    void settingsAreDeclaredInSettingsMdOrder() {
        assertEquals(
                List.of(
                        "coordination.enabled",
                        "coordination.collect",
                        "coordination.alerts.info",
                        "coordination.alerts.warn",
                        "coordination.alerts.critical",
                        "coordination.baseline.window_size",
                        "coordination.token_speedup.alert_ratio",
                        "coordination.message_overhead.quadratic_threshold",
                        "coordination.redundancy.similarity"),
                CoordinationSettings.all().stream().map(Setting::key).toList());
        assertEquals(
                "[efficiency, overhead, error_amplification, message_density, redundancy, amdahl_ceiling,"
                        + " straggler_gap, token_speedup_ratio, message_overhead]",
                CoordinationSettings.COLLECT.renderedDefault());
    }

    @Test
    void alertThresholdsMustBeStrictlyOrdered() {
        Settings settings = Settings.of(Map.of("coordination.alerts.info", 0.3, "coordination.alerts.warn", 0.3));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CoordinationConfig.from(settings));
        assertEquals("alert thresholds must satisfy info < warn < critical, got 0.3, 0.3, 0.7", e.getMessage());
    }

    @Test
    void settingRangesAreEnforced() {
        assertEquals(
                "coordination.alerts.info must be in [0.0, 1.0], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> CoordinationSettings.ALERTS_INFO.convert("1.5"))
                        .getMessage());
        assertEquals(
                "coordination.message_overhead.quadratic_threshold must be in (0.0, 1.0], got 0.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> CoordinationSettings.QUADRATIC_THRESHOLD.convert("0"))
                        .getMessage());
        assertEquals(
                "coordination.baseline.window_size must be > 0, got 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> CoordinationSettings.BASELINE_WINDOW_SIZE.convert("0"))
                        .getMessage());
        assertEquals(
                "coordination.collect must be a list of unique values, got [overhead, overhead]",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> CoordinationSettings.COLLECT.convert("overhead, overhead"))
                        .getMessage());
    }

    @Test
    void configReadsEverySetting() {
        Settings settings = Settings.of(Map.of(
                "coordination.enabled", "true",
                "coordination.collect", "overhead,straggler_gap",
                "coordination.alerts.info", "0.1",
                "coordination.token_speedup.alert_ratio", "3.5",
                "coordination.message_overhead.quadratic_threshold", "1.0",
                "coordination.redundancy.similarity", "none"));
        CoordinationConfig config = CoordinationConfig.from(settings);
        assertTrue(config.enabled());
        assertEquals(List.of(MetricName.OVERHEAD, MetricName.STRAGGLER_GAP), config.collect());
        assertEquals(0.1, config.alerts().info());
        assertEquals(3.5, config.tokenSpeedupAlertRatio());
        assertEquals(1.0, config.quadraticThreshold());
        assertEquals(SimilarityKind.NONE, config.similarity());
    }

    @Test
    void configRejectsDuplicateMetrics() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> CoordinationConfig.DEFAULTS.withCollect(List.of(MetricName.OVERHEAD, MetricName.OVERHEAD)));
        assertEquals("collect must not contain duplicates, got 'overhead'", e.getMessage());
    }

    @ParameterizedTest(name = "fraction {0} -> {1}")
    @CsvSource({"0.0, ", "0.29, ", "0.3, INFO", "0.49, INFO", "0.5, WARNING", "0.7, CRITICAL", "5.0, CRITICAL"})
    void severityIsCheckedFromTheTopAndInclusive(double fraction, NotificationSeverity expected) {
        assertEquals(Optional.ofNullable(expected), OrchestrationAlertThresholds.DEFAULTS.severityFor(fraction));
    }

    @Test
    void wireNamesParseExactly() {
        assertEquals(MetricName.AMDAHL_CEILING, MetricName.fromWireName("amdahl_ceiling"));
        assertEquals(
                "metric must be one of [efficiency, overhead, error_amplification, message_density, redundancy,"
                        + " amdahl_ceiling, straggler_gap, token_speedup_ratio, message_overhead], got 'Overhead'",
                assertThrows(IllegalArgumentException.class, () -> MetricName.fromWireName("Overhead"))
                        .getMessage());
        assertEquals(SimilarityKind.NONE, SimilarityKind.fromWireName("none"));
    }
}
