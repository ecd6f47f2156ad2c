package dev.vigil.app.settings;

import dev.vigil.spi.settings.Setting;
import java.util.List;

/**
 * The settings one module declares.
 *
 * @param module the module name as users see it, e.g. {@code quality-core}
 * @param settings its declarations, in documentation order
 */
public record SettingsSection(String module, List<Setting<?>> settings) {

    public SettingsSection {
        settings = List.copyOf(settings);
    }
}
