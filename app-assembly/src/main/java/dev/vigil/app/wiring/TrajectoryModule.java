package dev.vigil.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.app.settings.SettingsException;
import dev.vigil.trajectory.IdealTrajectoryBaselines;
import dev.vigil.trajectory.PteConfig;
import dev.vigil.trajectory.SelectionConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Trajectory scoring inputs: the PTE config and, when configured, the ideal-trajectory baselines. */
public final class TrajectoryModule extends AbstractModule {

    @Provides
    @Singleton
    PteConfig pteConfig(ResolvedSettings settings) {
        return PteConfig.from(settings);
    }

    /** How recorded best-of-K candidates are compared (vote scope, ranking, token estimate). */
    @Provides
    @Singleton
    SelectionConfig selectionConfig(ResolvedSettings settings) {
        return SelectionConfig.from(settings);
    }

    /** The baselines file of {@code engine.trajectory.baselines_path}; a file that cannot be read fails startup. */
    @Provides
    @Singleton
    Optional<IdealTrajectoryBaselines> baselines(ResolvedSettings settings) {
        String path = settings.get(AssemblySettings.BASELINES_PATH);
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(BaselinesFile.read(Path.of(path)));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(List.of(AssemblySettings.BASELINES_PATH.key() + ": " + e.getMessage()));
        }
    }
}
