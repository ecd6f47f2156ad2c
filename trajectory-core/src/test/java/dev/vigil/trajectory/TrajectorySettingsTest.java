package dev.vigil.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Complexity;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** settings.md §4 keys, defaults, ranges and reload modes, and the config records built from them. */
class TrajectorySettingsTest {

    @Test
    void everyKeyInSpecOrderThenTheDeadline() {
        List<String> keys = new ArrayList<>();
        for (Setting<?> setting : TrajectorySettings.all()) {
            keys.add(setting.key());
            assertEquals(Reload.LIVE, setting.reload(), setting.key());
        }
        assertEquals(
                List.of(
                        "engine.trajectory.enabled",
                        "engine.trajectory.k_candidates",
                        "engine.trajectory.complexity_gate",
                        "engine.trajectory.budget_guard_margin",
                        "engine.trajectory.pte.eviction_penalty",
                        "engine.trajectory.pte.tool_inflation_factor",
                        "engine.trajectory.best_of_k_deadline_seconds",
                        "engine.trajectory.selection.vote_scope",
                        "engine.trajectory.selection.read_only_tools",
                        "engine.trajectory.selection.ranking",
                        "engine.trajectory.selection.estimate_missing_tokens",
                        "engine.trajectory.selection.chars_per_token"),
                keys);
        assertFalse(keys.contains("engine.trajectory.baselines_path"), "the assembly owns baselines_path");
    }

    @Test
    void defaultsMatchTheSpec() {
        TrajectoryConfig config = TrajectoryConfig.DEFAULTS;
        assertFalse(config.enabled());
        assertEquals(2, config.kCandidates());
        assertEquals(List.of(Complexity.COMPLEX, Complexity.EPIC), config.complexityGate());
        assertEquals(0.2, config.budgetGuardMargin());
        assertEquals(300.0, config.bestOfKDeadlineSeconds());
        assertEquals(config, TrajectoryConfig.from(Settings.defaults()));
        assertEquals(config, new TrajectoryConfig(false, 2, List.of(Complexity.COMPLEX, Complexity.EPIC), 0.2));
    }

    @Test
    void fromResolvedRawValues() {
        Settings settings = Settings.of(Map.of(
                "engine.trajectory.enabled", "true",
                "engine.trajectory.k_candidates", "5",
                "engine.trajectory.complexity_gate", "medium, epic",
                "engine.trajectory.budget_guard_margin", 0.0,
                "engine.trajectory.best_of_k_deadline_seconds", "1.5"));
        TrajectoryConfig config = TrajectoryConfig.from(settings);
        assertTrue(config.enabled());
        assertEquals(5, config.kCandidates());
        assertEquals(List.of(Complexity.MEDIUM, Complexity.EPIC), config.complexityGate());
        assertEquals(0.0, config.budgetGuardMargin());
        assertEquals(1.5, config.bestOfKDeadlineSeconds());
    }

    @Test
    void settingRangesReportTheKey() {
        assertEquals(
                "engine.trajectory.k_candidates must be in [2, 5], got 6",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TrajectoryConfig.from(Settings.of(Map.of("engine.trajectory.k_candidates", 6))))
                        .getMessage());
        assertEquals(
                "engine.trajectory.budget_guard_margin must be in [0.0, 1.0], got 1.5",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TrajectoryConfig.from(
                                        Settings.of(Map.of("engine.trajectory.budget_guard_margin", 1.5))))
                        .getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> TrajectoryConfig.from(Settings.of(Map.of("engine.trajectory.complexity_gate", "hard"))));
        assertThrows(
                IllegalArgumentException.class,
                () -> TrajectoryConfig.from(Settings.of(Map.of("engine.trajectory.complexity_gate", "epic,epic"))));
        assertThrows(
                IllegalArgumentException.class,
                () -> TrajectoryConfig.from(Settings.of(Map.of("engine.trajectory.best_of_k_deadline_seconds", 0.0))));
    }

    @Test
    void recordValidatesAgain() {
        List<Complexity> gate = List.of(Complexity.COMPLEX);
        assertEquals(
                "kCandidates must be in [2, 5], got 1",
                assertThrows(IllegalArgumentException.class, () -> new TrajectoryConfig(true, 1, gate, 0.2))
                        .getMessage());
        assertEquals(
                "budgetGuardMargin must be in [0.0, 1.0], got -0.1",
                assertThrows(IllegalArgumentException.class, () -> new TrajectoryConfig(true, 2, gate, -0.1))
                        .getMessage());
        assertEquals(
                "budgetGuardMargin must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new TrajectoryConfig(true, 2, gate, Double.NaN))
                        .getMessage());
        List<Complexity> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals(
                "complexityGate must not contain null",
                assertThrows(IllegalArgumentException.class, () -> new TrajectoryConfig(true, 2, withNull, 0.2))
                        .getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new TrajectoryConfig(true, 2, List.of(Complexity.EPIC, Complexity.EPIC), 0.2));
        assertEquals(
                "bestOfKDeadlineSeconds must be > 0.0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new TrajectoryConfig(true, 2, gate, 0.2, 0.0))
                        .getMessage());
        List<Complexity> mutable = new ArrayList<>(gate);
        TrajectoryConfig config = new TrajectoryConfig(true, 2, mutable, 0.2);
        mutable.add(Complexity.SIMPLE);
        assertEquals(gate, config.complexityGate());
    }
}
