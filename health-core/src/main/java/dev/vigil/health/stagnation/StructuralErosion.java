package dev.vigil.health.stagnation;

import dev.vigil.health.internal.ToolTurnWindow;
import dev.vigil.spi.model.Turn;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Structural erosion of a run (health.md §11, inspired by SlopCodeBench): over the last {@code windowSize} tool turns
 * it measures duplicated blocks, the growth of distinct tool calls (cyclomatic delta) and dead branches (calls of a
 * tool never used again), and combines them with {@link ErosionWeights}. The per-run score the assembly reports uses
 * {@code engine.stagnation.erosion_window_size}.
 */
public final class StructuralErosion {

    /** Below 2 window turns nothing can be duplicated (settings.md §9 constant). */
    public static final int MIN_TURNS_DUPLICATED = 2;

    /** Below 4 window turns the halves are too small to compare (settings.md §9 constant). */
    public static final int MIN_TURNS_CYCLOMATIC = 4;

    /** Below 3 window turns there is too little "later" to call a branch dead (settings.md §9 constant). */
    public static final int MIN_TURNS_DEAD_BRANCH = 3;

    private StructuralErosion() {}

    /** All three sub-metrics and the composite over the window of {@code turns}. */
    public static ErosionScore score(List<Turn> turns, int windowSize, ErosionWeights weights) {
        Objects.requireNonNull(weights, "weights");
        List<Turn> window = window(turns, windowSize);
        double dup = duplicatedBlocksOf(window);
        double cyc = cyclomaticDeltaOf(window);
        double dead = deadBranchesOf(window);
        // Evaluated in the order written (README: doubles), then clamped.
        double composite = weights.duplicated() * dup + weights.cyclomatic() * cyc + weights.deadBranch() * dead;
        return new ErosionScore(dup, cyc, dead, clamp(composite));
    }

    /** The weighted composite, in [0.0, 1.0]. */
    public static double composite(List<Turn> turns, int windowSize, ErosionWeights weights) {
        return score(turns, windowSize, weights).composite();
    }

    /** Duplicates / window size, where a duplicate repeats an earlier window turn's whole sorted fingerprint list. */
    public static double duplicatedBlocks(List<Turn> turns, int windowSize) {
        return duplicatedBlocksOf(window(turns, windowSize));
    }

    /** (u2 - u1) / u1 over distinct fingerprints of the window's two halves, clamped to [0.0, 1.0]. */
    public static double cyclomaticDelta(List<Turn> turns, int windowSize) {
        return cyclomaticDeltaOf(window(turns, windowSize));
    }

    /** Dead calls / calls of every window turn but the last; a call is dead if no later window turn uses its tool. */
    public static double deadBranches(List<Turn> turns, int windowSize) {
        return deadBranchesOf(window(turns, windowSize));
    }

    private static List<Turn> window(List<Turn> turns, int windowSize) {
        if (windowSize < 1) {
            throw new IllegalArgumentException("windowSize must be >= 1, got " + windowSize);
        }
        return ToolTurnWindow.lastToolTurns(turns, windowSize);
    }

    private static double duplicatedBlocksOf(List<Turn> window) {
        if (window.size() < MIN_TURNS_DUPLICATED) {
            return 0.0;
        }
        Set<List<String>> seen = new HashSet<>();
        int duplicates = 0;
        for (Turn turn : window) {
            List<String> fingerprints = turn.toolCallFingerprints();
            if (fingerprints.isEmpty()) {
                continue;
            }
            if (!seen.add(fingerprints)) {
                duplicates++;
            }
        }
        return duplicates / (double) window.size();
    }

    private static double cyclomaticDeltaOf(List<Turn> window) {
        int size = window.size();
        if (size < MIN_TURNS_CYCLOMATIC) {
            return 0.0;
        }
        int mid = size / 2;
        int u1 = distinctFingerprints(window.subList(0, mid));
        int u2 = distinctFingerprints(window.subList(mid, size));
        if (u1 == 0) {
            return 0.0;
        }
        return clamp((u2 - u1) / (double) u1);
    }

    private static double deadBranchesOf(List<Turn> window) {
        int size = window.size();
        if (size < MIN_TURNS_DEAD_BRANCH) {
            return 0.0;
        }
        // Walk backwards, carrying the names used by later window turns.
        Set<String> usedLater = new HashSet<>(window.get(size - 1).toolCallNames());
        int dead = 0;
        int total = 0;
        for (int i = size - 2; i >= 0; i--) {
            List<String> names = window.get(i).toolCallNames();
            for (String name : names) {
                total++;
                if (!usedLater.contains(name)) {
                    dead++;
                }
            }
            usedLater.addAll(names);
        }
        return total == 0 ? 0.0 : dead / (double) total;
    }

    private static int distinctFingerprints(List<Turn> turns) {
        Set<String> distinct = new HashSet<>();
        for (Turn turn : turns) {
            distinct.addAll(turn.toolCallFingerprints());
        }
        return distinct.size();
    }

    private static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }
}
