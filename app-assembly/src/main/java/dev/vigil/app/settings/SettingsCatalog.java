package dev.vigil.app.settings;

import dev.vigil.coordination.CoordinationSettings;
import dev.vigil.health.HealthSettings;
import dev.vigil.quality.QualitySettings;
import dev.vigil.routing.RoutingSettings;
import dev.vigil.trajectory.TrajectorySettings;
import java.util.List;

/** Every module's settings declarations, in documentation order. */
public final class SettingsCatalog {

    private SettingsCatalog() {}

    /** The sections, one per module that declares settings. */
    public static List<SettingsSection> sections() {
        return List.of(
                new SettingsSection("quality-core", QualitySettings.all()),
                new SettingsSection("health-core", HealthSettings.all()),
                new SettingsSection("trajectory-core", TrajectorySettings.all()),
                new SettingsSection("coordination-metrics", CoordinationSettings.all()),
                new SettingsSection("routing-core", RoutingSettings.all()),
                new SettingsSection("app-assembly", AssemblySettings.all()));
    }
}
