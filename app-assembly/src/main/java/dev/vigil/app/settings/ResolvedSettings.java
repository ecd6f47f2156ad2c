package dev.vigil.app.settings;

import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.settings.Setting;
import dev.vigil.spi.settings.Settings;
import java.util.List;
import java.util.Map;

/**
 * Settings after resolution: every declared key with its value and the source that set it, plus the free-form
 * {@code plugins.<name>.*} entries handed to plugins as {@link PluginConfig}.
 */
public final class ResolvedSettings implements Settings {

    /** A resolved value and where it came from ({@code default} when nobody set it). */
    public record Entry(Setting<?> setting, Object value, String source) {}

    private final List<SettingsSection> sections;
    private final Map<String, Entry> entries;
    private final Map<String, Map<String, String>> pluginConfigs;

    ResolvedSettings(
            List<SettingsSection> sections,
            Map<String, Entry> entries,
            Map<String, Map<String, String>> pluginConfigs) {
        this.sections = List.copyOf(sections);
        this.entries = Map.copyOf(entries);
        this.pluginConfigs = Map.copyOf(pluginConfigs);
    }

    @Override
    @SuppressWarnings("unchecked") // entries are keyed by the setting's own key and converted by its own type
    public <T> T get(Setting<T> setting) {
        Entry entry = entries.get(setting.key());
        if (entry == null) {
            throw new IllegalArgumentException("unknown setting '" + setting.key() + "'");
        }
        return (T) entry.value();
    }

    /** The resolved entry of {@code key}, or null when the key is not declared. */
    public Entry entry(String key) {
        return entries.get(key);
    }

    /** The settings under {@code plugins.<name>.}, prefix stripped. */
    public PluginConfig pluginConfig(String name) {
        return PluginConfig.of(pluginConfigs.getOrDefault(name, Map.of()));
    }

    /** The declared settings, by module. */
    public List<SettingsSection> sections() {
        return sections;
    }
}
