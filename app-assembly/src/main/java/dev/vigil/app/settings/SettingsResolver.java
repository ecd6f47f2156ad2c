package dev.vigil.app.settings;

import dev.vigil.spi.settings.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves settings as settings.md §1 says: built-in defaults &lt; YAML file &lt; environment ({@code VIGIL_...}) &lt;
 * system properties ({@code -Dvigil....}) &lt; {@code --set key=value}. Every value is type- and range-checked at
 * load; an unknown key outside {@code plugins.} is an error. All problems are collected and reported together.
 */
public final class SettingsResolver {

    static final String PLUGIN_PREFIX = "plugins.";
    static final String ENV_PREFIX = "VIGIL_";
    static final String PROPERTY_PREFIX = "vigil.";

    private final List<SettingsSection> sections;
    private final Map<String, Setting<?>> declared = new LinkedHashMap<>();

    public SettingsResolver(List<SettingsSection> sections) {
        this.sections = List.copyOf(sections);
        for (SettingsSection section : sections) {
            for (Setting<?> setting : section.settings()) {
                if (declared.put(setting.key(), setting) != null) {
                    throw new IllegalStateException("setting '" + setting.key() + "' is declared twice");
                }
            }
        }
    }

    /** The sources to read; {@code configFile} may be null (no YAML). */
    public record Sources(
            Path configFile,
            Map<String, String> environment,
            Map<String, String> systemProperties,
            List<String> overrides) {

        public Sources {
            environment = Map.copyOf(environment);
            systemProperties = Map.copyOf(systemProperties);
            overrides = List.copyOf(overrides);
        }

        /** Defaults only. */
        public static Sources none() {
            return new Sources(null, Map.of(), Map.of(), List.of());
        }
    }

    /**
     * Resolves every declared setting.
     *
     * @throws SettingsException listing every bad value and unknown key with its source
     */
    public ResolvedSettings resolve(Sources sources) {
        List<RawValue> raw = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (sources.configFile() != null) {
            if (!Files.isRegularFile(sources.configFile())) {
                throw new SettingsException(List.of("config file not found: " + sources.configFile()));
            }
            raw.addAll(YamlSettingsReader.read(sources.configFile()));
        }
        raw.addAll(fromEnvironment(sources.environment()));
        raw.addAll(fromSystemProperties(sources.systemProperties()));
        for (String override : sources.overrides()) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                problems.add("--set expects key=value, got '" + override + "'");
            } else {
                raw.add(new RawValue(override.substring(0, equals).strip(), override.substring(equals + 1), "--set"));
            }
        }

        Map<String, ResolvedSettings.Entry> entries = new HashMap<>();
        for (Setting<?> setting : declared.values()) {
            entries.put(setting.key(), new ResolvedSettings.Entry(setting, setting.defaultValue(), "default"));
        }
        Map<String, Map<String, String>> pluginConfigs = new TreeMap<>();
        for (RawValue value : raw) { // later sources override earlier ones: the list is in precedence order
            Setting<?> setting = declared.get(value.key());
            if (setting != null) {
                try {
                    entries.put(
                            value.key(),
                            new ResolvedSettings.Entry(setting, setting.convert(value.value()), value.source()));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage() + " (from " + value.source() + ")");
                }
            } else if (value.key().startsWith(PLUGIN_PREFIX) && value.key().indexOf('.', PLUGIN_PREFIX.length()) > 0) {
                String rest = value.key().substring(PLUGIN_PREFIX.length());
                String plugin = rest.substring(0, rest.indexOf('.'));
                pluginConfigs
                        .computeIfAbsent(plugin, p -> new TreeMap<>())
                        .put(
                                rest.substring(plugin.length() + 1),
                                value.value() == null ? "" : String.valueOf(value.value()));
            } else {
                problems.add("unknown setting '" + value.key() + "' (from " + value.source() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return new ResolvedSettings(sections, entries, pluginConfigs);
    }

    /** {@code VIGIL_} + the key upper-cased with dots as underscores, for each declared key. */
    public static String environmentName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private List<RawValue> fromEnvironment(Map<String, String> environment) {
        // Keys contain underscores, so an environment name cannot be mapped back; look up each declared key instead.
        List<RawValue> values = new ArrayList<>();
        for (String key : declared.keySet()) {
            String name = environmentName(key);
            if (environment.containsKey(name)) {
                values.add(new RawValue(key, environment.get(name), "env " + name));
            }
        }
        return values;
    }

    private static List<RawValue> fromSystemProperties(Map<String, String> properties) {
        List<RawValue> values = new ArrayList<>();
        new TreeMap<>(properties).forEach((name, value) -> {
            if (name.startsWith(PROPERTY_PREFIX)) {
                values.add(new RawValue(name.substring(PROPERTY_PREFIX.length()), value, "system property " + name));
            }
        });
        return values;
    }
}
