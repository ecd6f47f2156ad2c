package dev.vigil.trajectory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The content of the ideal-trajectory baseline file ({@code engine.trajectory.baselines_path}): a format version and
 * at most one baseline per task type. The JSON root object maps onto this record by component name; see the package
 * documentation for the format.
 *
 * @param formatVersion the file format version; must be {@link #FORMAT_VERSION}
 * @param baselines the baselines, in file order; no nulls, task types unique
 */
public record IdealTrajectoryBaselines(int formatVersion, List<IdealTrajectoryBaseline> baselines) {

    /** The only file format version this module reads. */
    public static final int FORMAT_VERSION = 1;

    /** Validates the version, rejects null and repeated task types, and copies the list. */
    public IdealTrajectoryBaselines {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion must be " + FORMAT_VERSION + ", got " + formatVersion);
        }
        Checks.required("baselines", baselines);
        List<IdealTrajectoryBaseline> copy = new ArrayList<>(baselines.size());
        Set<String> taskTypes = new HashSet<>();
        for (IdealTrajectoryBaseline baseline : baselines) {
            if (baseline == null) {
                throw new IllegalArgumentException("baselines must not contain null");
            }
            if (!taskTypes.add(baseline.taskType())) {
                throw new IllegalArgumentException(
                        "baselines must have unique taskType, got duplicate '" + baseline.taskType() + "'");
            }
            copy.add(baseline);
        }
        baselines = List.copyOf(copy);
    }

    /** A set of the current format version. */
    public static IdealTrajectoryBaselines of(List<IdealTrajectoryBaseline> baselines) {
        return new IdealTrajectoryBaselines(FORMAT_VERSION, baselines);
    }

    /** The baseline for {@code taskType} (exact match); empty for null or an unknown type (then no ratios). */
    public Optional<IdealTrajectoryBaseline> forTaskType(String taskType) {
        if (taskType == null) {
            return Optional.empty();
        }
        return baselines.stream()
                .filter(baseline -> baseline.taskType().equals(taskType))
                .findFirst();
    }
}
