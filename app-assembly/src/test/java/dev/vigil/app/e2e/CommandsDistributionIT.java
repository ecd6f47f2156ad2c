package dev.vigil.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil settings}, {@code vigil route} and settings precedence, through the launcher. */
class CommandsDistributionIT {

    static final Path ROUTING =
            Path.of("..", "examples", "routing").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    void settingsPrintsEveryFormat() throws Exception {
        Distribution vigil = Distribution.built();
        Distribution.Result markdown = vigil.run("settings");
        assertEquals(0, markdown.exitCode(), markdown::toString);
        assertEquals(Files.readString(Path.of("..", "docs", "hyperparameters.md")), markdown.stdout());

        Distribution.Result yaml = vigil.run("settings", "--format", "yaml");
        assertEquals(
                Files.readString(vigil.home().resolve("conf").resolve("vigil.yaml")), yaml.stdout(), "conf/vigil.yaml");
        // Everything is commented out; uncommented, it is a valid config of the defaults.
        String uncommented = yaml.stdout()
                .lines()
                .skip(3) // the header
                .map(line -> line.startsWith("# ") ? line.substring(2) : line)
                .collect(java.util.stream.Collectors.joining("\n"));
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(uncommented);
        assertEquals(0.1, config.at("/engine/routing/min_score").asDouble());
        assertEquals("tool_repetition", config.at("/engine/stagnation/strategy").asText());

        Distribution.Result json = vigil.run("settings", "--format", "json");
        JsonNode rows = new ObjectMapper().readTree(json.stdout());
        assertTrue(rows.size() > 60, "every module's settings are listed");
    }

    @Test
    void routePrintsAssignmentsBreakdownsAndModels() throws Exception {
        Distribution.Result result = Distribution.built()
                .run(
                        "route",
                        "--agents",
                        ROUTING.resolve("agents.yaml").toString(),
                        "--plan",
                        ROUTING.resolve("plan.yaml").toString());
        assertEquals(1, result.exitCode(), "one subtask is unroutable: " + result);
        assertTrue(result.stdout().contains("payments-api     -> ana Ana (score 0.84"), result::toString);
        assertTrue(result.stdout().contains("checkout-ui      -> ben Ben"), result::toString);
        assertTrue(result.stdout().contains("gpu-kernel       UNROUTABLE"), result::toString);
        assertTrue(result.stdout().contains("ana              -> acme-ai/acme-large"), result::toString);
    }

    @Test
    void routeReportsABadFileWithItsName() throws Exception {
        Path broken = temp.resolve("agents.yaml");
        Files.writeString(broken, "agents:\n  - id: x\n    name: X\n    level: wizard\n");
        Distribution.Result result = Distribution.built()
                .run(
                        "route",
                        "--agents",
                        broken.toString(),
                        "--plan",
                        ROUTING.resolve("plan.yaml").toString());
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains(broken.toString()), result::toString);
    }

    @Test
    void settingsPrecedenceHoldsThroughTheLauncher() throws Exception {
        Distribution vigil = Distribution.built().copyTo(temp.resolve("vigil"));
        Path config = temp.resolve("strict.yaml");
        // From the YAML file: a quality-degradation threshold of 5 would silence the degrading run's HIGH ticket...
        Files.writeString(config, "engine:\n  health:\n    quality_degradation_threshold: 5\n");
        String degrading = Distribution.EXAMPLES.resolve("degrading-run.jsonl").toString();
        Distribution.Result fromYaml = vigil.run("analyze", degrading, "--config", config.toString());
        assertTrue(fromYaml.stdout().contains("5 consecutive incorrect steps (threshold: 5)"), fromYaml::toString);

        // ...the environment wins over the file...
        Distribution.Result fromEnv = vigil.runWith(
                Map.of("VIGIL_ENGINE_HEALTH_QUALITY_DEGRADATION_THRESHOLD", "4"),
                "analyze",
                degrading,
                "--config",
                config.toString());
        assertTrue(fromEnv.stdout().contains("4 consecutive incorrect steps (threshold: 4)"), fromEnv::toString);

        // ...and --set wins over both.
        Distribution.Result fromSet = vigil.runWith(
                Map.of("VIGIL_ENGINE_HEALTH_QUALITY_DEGRADATION_THRESHOLD", "4"),
                "analyze",
                degrading,
                "--config",
                config.toString(),
                "--set",
                "engine.health.quality_degradation_threshold=2");
        assertTrue(fromSet.stdout().contains("2 consecutive incorrect steps (threshold: 2)"), fromSet::toString);

        Distribution.Result badYaml = vigil.runWith(
                Map.of(), "analyze", degrading, "--set", "engine.health.quality_degradation_threshold=11");
        assertEquals(2, badYaml.exitCode());
        assertTrue(
                badYaml.stderr()
                        .contains(
                                "engine.health.quality_degradation_threshold must be in [1, 10], got 11 (from --set)"),
                badYaml::toString);
    }
}
