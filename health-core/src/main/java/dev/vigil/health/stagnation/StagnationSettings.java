package dev.vigil.health.stagnation;

import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;

/**
 * The settings of stagnation detection and structural erosion (settings.md §3, {@code engine.stagnation.*} and
 * {@code engine.erosion.*}), declared next to the config records that read them. {@code HealthSettings} re-exports
 * each of them under its historical name and lists them in {@code HealthSettings.all()}.
 */
public final class StagnationSettings {

    public static final Setting<StagnationStrategy> STRATEGY = Setting.ofEnum(
            "engine.stagnation.strategy",
            StagnationStrategy.class,
            StagnationStrategy.TOOL_REPETITION,
            Reload.LIVE,
            "D8.");

    public static final Setting<Integer> WINDOW_SIZE = Setting.ofInt(
            "engine.stagnation.window_size",
            5,
            Constraint.intBetween(2, 50),
            Reload.LIVE,
            "The trailing tool turns examined.");

    public static final Setting<Double> REPETITION_THRESHOLD = Setting.ofDouble(
            "engine.stagnation.repetition_threshold",
            0.6,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Duplicate-fingerprint ratio that counts as stagnation (inclusive); 1.0 disables this signal.");

    public static final Setting<Boolean> CYCLE_DETECTION =
            Setting.ofBool("engine.stagnation.cycle_detection", true, Reload.LIVE, "A->B->A->B patterns.");

    public static final Setting<Integer> MAX_CORRECTIONS = Setting.ofInt(
            "engine.stagnation.max_corrections",
            1,
            Constraint.intBetween(0, 10),
            Reload.LIVE,
            "Corrective prompts before TERMINATE; 0 terminates at once. Honoured by both detectors (D8).");

    public static final Setting<Integer> MIN_TOOL_TURNS = Setting.ofInt(
            "engine.stagnation.min_tool_turns",
            2,
            Constraint.intBetween(1, 50),
            Reload.LIVE,
            "Below this, the window is too small to judge.");

    public static final Setting<Double> EROSION_THRESHOLD = Setting.ofDouble(
            "engine.stagnation.erosion_threshold",
            0.5,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Composite erosion that counts as stagnation (inclusive).");

    public static final Setting<Integer> EROSION_WINDOW_SIZE = Setting.ofInt(
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

    private StagnationSettings() {}
}
