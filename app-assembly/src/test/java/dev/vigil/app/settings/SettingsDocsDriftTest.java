package dev.vigil.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.spi.settings.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/hyperparameters.md and the distribution's conf/vigil.yaml are generated from the settings declarations; this
 * test fails when either drifts. Regenerate with {@code -Dvigil.updateGolden=true} (or {@code vigil settings}).
 */
class SettingsDocsDriftTest {

    static final Path HYPERPARAMETERS = Path.of("..", "docs", "hyperparameters.md");
    static final Path BUNDLED_CONFIG = Path.of("src", "dist", "conf", "vigil.yaml");

    final SettingsDocument document = new SettingsDocument(SettingsCatalog.sections());

    @Test
    void hyperparametersPageIsTheGeneratedMarkdown() throws IOException {
        assertGenerated(HYPERPARAMETERS, document.markdown());
    }

    @Test
    void bundledConfigIsTheGeneratedYaml() throws IOException {
        assertGenerated(BUNDLED_CONFIG, document.yaml());
    }

    @Test
    void bundledConfigChangesNothingAsShipped() {
        ResolvedSettings settings = new SettingsResolver(SettingsCatalog.sections())
                .resolve(new SettingsResolver.Sources(BUNDLED_CONFIG, Map.of(), Map.of(), List.of()));
        for (SettingsSection section : settings.sections()) {
            for (Setting<?> setting : section.settings()) {
                assertEquals("default", settings.entry(setting.key()).source(), setting.key());
            }
        }
    }

    @Test
    void uncommentingTheWholeConfigSetsEveryKeyToItsDefault(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        StringBuilder uncommented = new StringBuilder();
        Files.readAllLines(BUNDLED_CONFIG).stream()
                .skip(3) // the header
                .map(line -> line.startsWith("# ") ? line.substring(2) : line)
                .forEach(line -> uncommented.append(line).append('\n'));
        Path active = dir.resolve("vigil.yaml");
        Files.writeString(active, uncommented);
        ResolvedSettings settings = new SettingsResolver(SettingsCatalog.sections())
                .resolve(new SettingsResolver.Sources(active, Map.of(), Map.of(), List.of()));
        for (SettingsSection section : settings.sections()) {
            for (Setting<?> setting : section.settings()) {
                Object value = settings.get(setting);
                assertTrue(sameAsDefault(setting, value), () -> setting.key() + " resolved to " + value);
            }
        }
    }

    @Test
    void everyDeclaredSettingIsListedOnceWithItsRationale() throws IOException {
        JsonNode rows = new ObjectMapper().readTree(document.json());
        int declared = SettingsCatalog.sections().stream()
                .mapToInt(s -> s.settings().size())
                .sum();
        assertEquals(declared, rows.size());
        rows.forEach(row -> assertTrue(!row.get("rationale").asText().isBlank(), row::toString));
        assertEquals(
                declared,
                SettingsCatalog.sections().stream()
                        .flatMap(s -> s.settings().stream())
                        .map(Setting::key)
                        .distinct()
                        .count(),
                "every key is declared once");
    }

    /** Compared in rendered form: sink lists hold PluginConfig values, which compare by content only that way. */
    private static <T> boolean sameAsDefault(Setting<T> setting, Object value) {
        @SuppressWarnings("unchecked") // the resolver converted the value with this setting's own type
        T typed = (T) value;
        return setting.type()
                .render(setting.defaultValue())
                .equals(setting.type().render(typed));
    }

    private static void assertGenerated(Path file, String generated) throws IOException {
        if (Boolean.getBoolean("vigil.updateGolden")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), () -> file + " is missing; run with -Dvigil.updateGolden=true");
        assertEquals(
                generated,
                Files.readString(file, StandardCharsets.UTF_8),
                file + " drifted from the settings declarations; regenerate it with -Dvigil.updateGolden=true");
    }
}
