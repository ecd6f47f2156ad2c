package dev.vigil.trajectory;

import dev.vigil.spi.model.Complexity;
import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Best-of-K configuration (trajectory.md §1): whether sampling is on, how many candidates, which task complexities
 * qualify, how much of the remaining budget the guard holds back, and (issue 6) how long the live executor waits.
 *
 * @param enabled best-of-K sampling is opt-in
 * @param kCandidates candidates per gated task, in [2, 5]
 * @param complexityGate the complexities worth K samples; no nulls, no duplicates, order kept
 * @param budgetGuardMargin share of the remaining budget held back, in [0.0, 1.0]
 * @param bestOfKDeadlineSeconds wall-clock limit of {@link BestOfKExecutor#runBestOfK}, {@code > 0}
 */
public record TrajectoryConfig(
        boolean enabled,
        int kCandidates,
        List<Complexity> complexityGate,
        double budgetGuardMargin,
        double bestOfKDeadlineSeconds) {

    /** Every component at its settings.md default. */
    public static final TrajectoryConfig DEFAULTS = from(Settings.defaults());

    /** Validates every component; see the component docs for the rules. */
    public TrajectoryConfig {
        if (kCandidates < 2 || kCandidates > 5) {
            throw new IllegalArgumentException("kCandidates must be in [2, 5], got " + kCandidates);
        }
        Checks.required("complexityGate", complexityGate);
        List<Complexity> copy = new ArrayList<>(complexityGate.size());
        for (Complexity complexity : complexityGate) {
            if (complexity == null) {
                throw new IllegalArgumentException("complexityGate must not contain null");
            }
            copy.add(complexity);
        }
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException("complexityGate must not contain duplicates, got " + copy);
        }
        complexityGate = List.copyOf(copy);
        Checks.inUnitInterval("budgetGuardMargin", budgetGuardMargin);
        Checks.positive("bestOfKDeadlineSeconds", bestOfKDeadlineSeconds);
    }

    /** The spec's four components, with the deadline at its default. */
    public TrajectoryConfig(
            boolean enabled, int kCandidates, List<Complexity> complexityGate, double budgetGuardMargin) {
        this(
                enabled,
                kCandidates,
                complexityGate,
                budgetGuardMargin,
                TrajectorySettings.BEST_OF_K_DEADLINE_SECONDS.defaultValue());
    }

    /** Builds the config from resolved settings. */
    public static TrajectoryConfig from(Settings settings) {
        Checks.required("settings", settings);
        return new TrajectoryConfig(
                settings.get(TrajectorySettings.ENABLED),
                settings.get(TrajectorySettings.K_CANDIDATES),
                settings.get(TrajectorySettings.COMPLEXITY_GATE),
                settings.get(TrajectorySettings.BUDGET_GUARD_MARGIN),
                settings.get(TrajectorySettings.BEST_OF_K_DEADLINE_SECONDS));
    }
}
