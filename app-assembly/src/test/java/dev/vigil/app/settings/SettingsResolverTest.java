package dev.vigil.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Complexity;
import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsResolverTest {

    static final Setting<Double> MIN_SCORE = Setting.ofDouble(
            "engine.routing.min_score", 0.1, Constraint.between(0.0, 1.0), Reload.LIVE, "Minimum viable score.");
    static final Setting<Integer> WINDOW = Setting.ofInt(
            "engine.stagnation.window_size", 5, Constraint.intBetween(2, 50), Reload.LIVE, "Trailing tool turns.");
    static final Setting<Boolean> ENABLED =
            Setting.ofBool("engine.health.monitoring_enabled", true, Reload.LIVE, "Read at each run start.");
    static final Setting<Double> TIMEOUT = Setting.ofDouble(
            "engine.health.run_timeout_seconds", null, Constraint.greaterThan(0.0), Reload.LIVE, "Optional limit.");
    static final Setting<List<Complexity>> GATE = Setting.ofEnumList(
            "engine.trajectory.complexity_gate",
            Complexity.class,
            List.of(Complexity.COMPLEX, Complexity.EPIC),
            Reload.LIVE,
            "Only costly tasks are worth K samples.");

    static final SettingsResolver RESOLVER = new SettingsResolver(List.of(
            new SettingsSection("test", List.of(MIN_SCORE, WINDOW, ENABLED, TIMEOUT, GATE)),
            new SettingsSection("app-assembly", AssemblySettings.all())));

    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingIsSet() {
        ResolvedSettings settings = RESOLVER.resolve(SettingsResolver.Sources.none());
        assertEquals(0.1, settings.get(MIN_SCORE));
        assertEquals(5, settings.get(WINDOW));
        assertNull(settings.get(TIMEOUT), "unset by default");
        assertEquals(List.of(Complexity.COMPLEX, Complexity.EPIC), settings.get(GATE));
        assertEquals("default", settings.entry(MIN_SCORE.key()).source());
        assertEquals(
                "console",
                settings.get(AssemblySettings.NOTIFICATION_SINKS).get(0).type());
    }

    @Test
    void eachSourceOverridesTheOneBelowIt() throws IOException {
        Path yaml = yaml("engine:\n  routing:\n    min_score: 0.2\n  stagnation:\n    window_size: 7\n"
                + "  health:\n    monitoring_enabled: false\n    run_timeout_seconds: 30\n");
        Map<String, String> env =
                Map.of("VIGIL_ENGINE_STAGNATION_WINDOW_SIZE", "8", "VIGIL_ENGINE_ROUTING_MIN_SCORE", "0.3");
        Map<String, String> props = Map.of("vigil.engine.routing.min_score", "0.4", "user.home", "/root");
        ResolvedSettings settings = RESOLVER.resolve(
                new SettingsResolver.Sources(yaml, env, props, List.of("engine.routing.min_score=0.5")));

        assertEquals(false, settings.get(ENABLED), "YAML over default");
        assertEquals(30.0, settings.get(TIMEOUT), "YAML integer read as a double");
        assertEquals(8, settings.get(WINDOW), "environment over YAML");
        assertEquals(
                "env VIGIL_ENGINE_STAGNATION_WINDOW_SIZE",
                settings.entry(WINDOW.key()).source());
        assertEquals(0.5, settings.get(MIN_SCORE), "--set over system property over environment");
        assertEquals("--set", settings.entry(MIN_SCORE.key()).source());
    }

    @Test
    void systemPropertyOverridesEnvironment() {
        ResolvedSettings settings = RESOLVER.resolve(new SettingsResolver.Sources(
                null,
                Map.of("VIGIL_ENGINE_ROUTING_MIN_SCORE", "0.3"),
                Map.of("vigil.engine.routing.min_score", "0.4"),
                List.of()));
        assertEquals(0.4, settings.get(MIN_SCORE));
        assertEquals(
                "system property vigil.engine.routing.min_score",
                settings.entry(MIN_SCORE.key()).source());
    }

    @Test
    void badYamlValueNamesKeyValueAndFileLine() throws IOException {
        Path yaml = yaml("engine:\n  routing:\n    min_score: 1.5\n");
        SettingsException error =
                assertThrows(SettingsException.class, () -> RESOLVER.resolve(sources(yaml, List.of())));
        assertEquals(
                List.of("engine.routing.min_score must be in [0.0, 1.0], got 1.5 (from vigil.yaml:3)"),
                error.problems());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "engine.routing.min_score=abc | engine.routing.min_score must be a number, got 'abc' (from --set)",
                "engine.routing.min_score=-0.1 | engine.routing.min_score must be in [0.0, 1.0], got -0.1 (from --set)",
                "engine.stagnation.window_size=1 | engine.stagnation.window_size must be in [2, 50], got 1 (from --set)",
                "engine.stagnation.window_size=2.5 | engine.stagnation.window_size must be an integer, got '2.5' (from --set)",
                "engine.health.monitoring_enabled=yes | engine.health.monitoring_enabled must be true or false, got 'yes' (from --set)",
                "engine.health.run_timeout_seconds=0 | engine.health.run_timeout_seconds must be > 0.0, got 0.0 (from --set)",
                "engine.trajectory.complexity_gate=huge | engine.trajectory.complexity_gate must be a list whose elements are one of [simple, medium, complex, epic], got 'huge' (from --set)",
                "engine.routing.min_score=NaN | engine.routing.min_score must be finite, got 'NaN' (from --set)",
                "engine.no_such_key=1 | unknown setting 'engine.no_such_key' (from --set)",
                "novalue | --set expects key=value, got 'novalue'",
            })
    void everyValidationErrorNamesTheProblem(String override, String expected) {
        SettingsException error =
                assertThrows(SettingsException.class, () -> RESOLVER.resolve(sources(null, List.of(override))));
        assertEquals(List.of(expected), error.problems());
    }

    @Test
    void unknownKeyInYamlFailsWithItsLine() throws IOException {
        Path yaml = yaml("engine:\n  routing:\n    min_scor: 0.2\n");
        SettingsException error =
                assertThrows(SettingsException.class, () -> RESOLVER.resolve(sources(yaml, List.of())));
        assertEquals(List.of("unknown setting 'engine.routing.min_scor' (from vigil.yaml:3)"), error.problems());
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        SettingsException error = assertThrows(
                SettingsException.class,
                () -> RESOLVER.resolve(sources(null, List.of("engine.routing.min_score=2", "engine.nope=1"))));
        assertEquals(2, error.problems().size());
    }

    @Test
    void pluginKeysAreFreeFormAndGroupedByPlugin() throws IOException {
        Path yaml = yaml("plugins:\n  directory: extra\n  keyword_flags:\n    keywords: \"rm -rf, sudo\"\n");
        ResolvedSettings settings =
                RESOLVER.resolve(sources(yaml, List.of("plugins.keyword_flags.mode=strict", "plugins.other.x=1")));
        assertEquals("extra", settings.get(AssemblySettings.PLUGINS_DIRECTORY));
        assertEquals(
                Map.of("keywords", "rm -rf, sudo", "mode", "strict"),
                settings.pluginConfig("keyword_flags").asMap());
        assertEquals(Map.of("x", "1"), settings.pluginConfig("other").asMap());
        assertTrue(settings.pluginConfig("absent").asMap().isEmpty());
    }

    @Test
    void sinksAreReadFromYamlSequencesAndFromFlowText() throws IOException {
        Path yaml = yaml(
                "notifications:\n  sinks:\n    - type: console\n    - type: webhook\n      url: https://hooks.example.com/x\n"
                        + "      header:\n        Authorization: Bearer abc\n");
        List<SinkSpec> sinks = RESOLVER.resolve(sources(yaml, List.of())).get(AssemblySettings.NOTIFICATION_SINKS);
        assertEquals(
                List.of("console", "webhook"),
                sinks.stream().map(SinkSpec::type).toList());
        assertEquals(
                "Bearer abc", sinks.get(1).params().get("header.Authorization").orElseThrow());

        List<SinkSpec> fromSet = RESOLVER.resolve(
                        sources(null, List.of("notifications.sinks=[{type: ntfy, topic: ops}]")))
                .get(AssemblySettings.NOTIFICATION_SINKS);
        assertEquals("ops", fromSet.get(0).params().get("topic").orElseThrow());
        assertTrue(!sinks.get(1).toString().contains("Bearer"), "sink specs never print parameter values");
    }

    @Test
    void environmentNameFollowsTheSpec() {
        assertEquals("VIGIL_ENGINE_ROUTING_MIN_SCORE", SettingsResolver.environmentName("engine.routing.min_score"));
    }

    @Test
    void missingConfigFileIsAnError() {
        SettingsException error = assertThrows(
                SettingsException.class, () -> RESOLVER.resolve(sources(dir.resolve("absent.yaml"), List.of())));
        assertTrue(error.getMessage().startsWith("config file not found"));
    }

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("vigil.yaml");
        Files.writeString(file, text);
        return file;
    }

    private static SettingsResolver.Sources sources(Path yaml, List<String> overrides) {
        return new SettingsResolver.Sources(yaml, Map.of(), Map.of(), overrides);
    }
}
