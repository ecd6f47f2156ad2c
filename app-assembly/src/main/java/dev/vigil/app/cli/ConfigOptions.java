package dev.vigil.app.cli;

import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.app.settings.SettingsCatalog;
import dev.vigil.app.settings.SettingsResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --set}, shared by every command that reads settings. */
final class ConfigOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "YAML config file (default: conf/vigil.yaml of the distribution, when present).")
    Path config;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Set one setting; wins over every other source. Repeatable.")
    List<String> overrides = new ArrayList<>();

    /** Resolves settings from defaults, the YAML file, the environment, system properties and {@code --set}. */
    ResolvedSettings resolve() {
        Path file = config;
        if (file == null) {
            Path bundled = VigilHome.path().resolve("conf").resolve("vigil.yaml");
            file = Files.isRegularFile(bundled) ? bundled : null;
        }
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        return new SettingsResolver(SettingsCatalog.sections())
                .resolve(new SettingsResolver.Sources(file, System.getenv(), properties, overrides));
    }
}
