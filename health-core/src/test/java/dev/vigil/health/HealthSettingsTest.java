package dev.vigil.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.health.notify.DispatcherConfig;
import dev.vigil.health.notify.RetryPolicy;
import dev.vigil.health.stagnation.ErosionWeights;
import dev.vigil.health.stagnation.QualityErosionConfig;
import dev.vigil.health.stagnation.StagnationConfig;
import dev.vigil.health.stagnation.StagnationStrategy;
import dev.vigil.health.triage.TriageConfig;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import dev.vigil.spi.settings.Settings;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** settings.md §3: every key, in order, with its default; config records read them. */
class HealthSettingsTest {

    @Test
    void declaresSettingsMdSection3InOrderThenTheAdditions() {
        assertEquals(
                List.of(
                        "engine.health.monitoring_enabled=true",
                        "engine.health.incremental_enabled=true",
                        "engine.health.quality_degradation_threshold=3",
                        "engine.health.emit_budget_breach=true",
                        "engine.health.emit_timeout=true",
                        "engine.health.run_timeout_seconds=unset",
                        "engine.health.triage.stall_duration_threshold_seconds=60.0",
                        "engine.health.triage.steps_threshold=5",
                        "engine.stagnation.strategy=tool_repetition",
                        "engine.stagnation.window_size=5",
                        "engine.stagnation.repetition_threshold=0.6",
                        "engine.stagnation.cycle_detection=true",
                        "engine.stagnation.max_corrections=1",
                        "engine.stagnation.min_tool_turns=2",
                        "engine.stagnation.erosion_threshold=0.5",
                        "engine.stagnation.erosion_window_size=10",
                        "engine.erosion.weight_duplicated=0.4",
                        "engine.erosion.weight_cyclomatic=0.4",
                        "engine.erosion.weight_dead_branch=0.2",
                        "notifications.dispatcher_enabled=true",
                        "notifications.min_severity=info",
                        "workers.dispatcher.publish_max_attempts=3",
                        "workers.dispatcher.publish_backoff_base_seconds=0.1",
                        "workers.dispatcher.publish_backoff_cap_seconds=1.0",
                        "workers.dispatcher.send_timeout_seconds=15.0",
                        "engine.health.triage.group_by=[run, cause]",
                        "engine.health.triage.repeat_interval_seconds=14400.0",
                        "engine.health.triage.silences=[]"),
                HealthSettings.all().stream().map(HealthSettingsTest::render).collect(Collectors.toList()));
    }

    @Test
    void reloadModesFollowSettingsMd() {
        List<String> restart = HealthSettings.all().stream()
                .filter(s -> s.reload() == Reload.RESTART)
                .map(Setting::key)
                .collect(Collectors.toList());
        assertEquals(
                List.of(
                        "notifications.min_severity",
                        "workers.dispatcher.publish_max_attempts",
                        "workers.dispatcher.publish_backoff_base_seconds",
                        "workers.dispatcher.publish_backoff_cap_seconds",
                        "workers.dispatcher.send_timeout_seconds",
                        "engine.health.triage.group_by",
                        "engine.health.triage.repeat_interval_seconds"),
                restart);
    }

    @Test
    void rangesAreEnforcedWithTheKeyInTheMessage() {
        assertEquals(
                "engine.health.quality_degradation_threshold must be in [1, 10], got 11",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> HealthSettings.QUALITY_DEGRADATION_THRESHOLD.convert(11))
                        .getMessage());
        assertEquals(
                "engine.stagnation.repetition_threshold must be in [0.0, 1.0], got 1.5",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> HealthSettings.STAGNATION_REPETITION_THRESHOLD.convert("1.5"))
                        .getMessage());
        assertEquals(
                "engine.health.run_timeout_seconds must be > 0.0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> HealthSettings.RUN_TIMEOUT_SECONDS.convert(0.0))
                        .getMessage());
    }

    @Test
    void configRecordsReadTheirSettings() {
        Settings settings = Settings.of(Map.of(
                "engine.health.quality_degradation_threshold", 4,
                "engine.health.run_timeout_seconds", "90",
                "engine.stagnation.strategy", "quality_erosion",
                "engine.stagnation.window_size", 8,
                "engine.stagnation.erosion_window_size", 12,
                "engine.erosion.weight_dead_branch", 0.0,
                "notifications.min_severity", "error",
                "workers.dispatcher.publish_max_attempts", 5,
                "engine.health.triage.steps_threshold", 2));

        assertEquals(new JudgeConfig(4, true, true, 90.0), JudgeConfig.from(settings));
        assertEquals(new StagnationConfig(8, 0.6, true, 1, 2), StagnationConfig.from(settings));
        assertEquals(new QualityErosionConfig(0.5, 12), QualityErosionConfig.from(settings));
        assertEquals(new ErosionWeights(0.4, 0.4, 0.0), ErosionWeights.from(settings));
        assertEquals(new TriageConfig(60.0, 2), TriageConfig.from(settings));
        assertEquals(
                new DispatcherConfig(NotificationSeverity.ERROR, new RetryPolicy(5, 0.1, 1.0), 15.0),
                DispatcherConfig.from(settings));
        RunMonitorConfig monitor = RunMonitorConfig.from(settings);
        assertEquals(StagnationStrategy.QUALITY_EROSION, monitor.strategy());
        assertEquals(true, monitor.monitoringEnabled());
    }

    @Test
    void defaultsMatchTheSpec() {
        assertEquals(new JudgeConfig(3, true, true, null), JudgeConfig.DEFAULTS);
        assertNull(JudgeConfig.DEFAULTS.runTimeoutSeconds());
        assertEquals(new StagnationConfig(5, 0.6, true, 1, 2), StagnationConfig.DEFAULTS);
        assertEquals(new QualityErosionConfig(0.5, 10), QualityErosionConfig.DEFAULTS);
        assertEquals(new ErosionWeights(0.4, 0.4, 0.2), ErosionWeights.DEFAULTS);
        assertEquals(new TriageConfig(60.0, 5), TriageConfig.DEFAULTS);
        assertEquals(new RetryPolicy(3, 0.1, 1.0), RetryPolicy.DEFAULTS);
        assertEquals(NotificationSeverity.INFO, DispatcherConfig.DEFAULTS.minSeverity());
    }

    @Test
    void crossFieldRulesAreCheckedOnTheAssembledRecords() {
        Settings tooFewTurns =
                Settings.of(Map.of("engine.stagnation.min_tool_turns", 6, "engine.stagnation.window_size", 5));
        assertEquals(
                "minToolTurns (6) exceeds windowSize (5) -- stagnation check will never fire within the window",
                assertThrows(IllegalArgumentException.class, () -> StagnationConfig.from(tooFewTurns))
                        .getMessage());
        Settings capBelowBase = Settings.of(Map.of(
                "workers.dispatcher.publish_backoff_base_seconds", 0.5,
                "workers.dispatcher.publish_backoff_cap_seconds", 0.2));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.from(capBelowBase));
    }

    private static <T> String render(Setting<T> setting) {
        return setting.key() + "=" + setting.type().render(setting.defaultValue());
    }
}
