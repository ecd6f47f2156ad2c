package dev.vigil.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.app.plugins.PluginJars;
import dev.vigil.app.plugins.fixture.FixtureClassifiers;
import dev.vigil.spi.plugin.StepClassifierProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party plugin jar dropped into a fresh copy of the distribution's {@code plugins/} works with no rebuild; broken
 * plugins are reported and the run completes.
 */
class PluginsDistributionIT {

    @TempDir
    Path temp;

    @Test
    void theExamplePluginsClassifierRuleAndSinkAllTakePart() throws Exception {
        Distribution vigil = Distribution.built().copyTo(temp.resolve("vigil"));
        assertTrue(Files.exists(Distribution.EXAMPLE_PLUGIN), "the example plugin is built before app-assembly");
        Files.copy(Distribution.EXAMPLE_PLUGIN, vigil.plugins().resolve("vigil-plugin-example.jar"));
        Path deliveries = temp.resolve("tickets.jsonl");
        Path report = temp.resolve("report.json");

        Distribution.Result listed = vigil.run("plugins");
        assertEquals(0, listed.exitCode(), listed::toString);
        for (String name : List.of("keyword_flags", "dismiss_cause", "jsonl_file")) {
            assertTrue(
                    listed.stdout().lines().anyMatch(l -> l.contains(name) && l.contains("loaded")), listed::toString);
        }

        Distribution.Result result = vigil.run(
                "analyze",
                Distribution.EXAMPLES.toString(),
                "--report",
                "json",
                "--out",
                report.toString(),
                "--set",
                "engine.classifier.name=keyword_flags",
                "--set",
                "notifications.sinks=[{type: jsonl_file, path: \"" + deliveries + "\"}]");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode json = new ObjectMapper().readTree(report.toFile());

        // The plugin's classifier labelled the steps.
        JsonNode clean = findRun(json, "run-clean-001");
        clean.get("steps")
                .forEach(step -> assertTrue(step.get("reason").asText().startsWith("keyword_flags:"), step::toString));

        // The plugin's rule runs before the built-ins and dismisses stagnation tickets.
        JsonNode stagnation = findRun(json, "run-stuck-002").get("tickets").get(0);
        assertEquals("stagnation", stagnation.get("cause").asText());
        assertEquals("dismissed", stagnation.get("triage").asText());
        assertEquals("dismiss_cause", stagnation.get("decided_by").asText());

        // The plugin's sink received every escalated ticket.
        List<String> delivered = Files.readAllLines(deliveries);
        int escalated = json.get("summary").get("tickets_escalated").asInt();
        assertTrue(escalated > 0);
        assertTrue(delivered.size() >= escalated, () -> delivered.size() + " lines for " + escalated + " escalations");
        assertTrue(delivered.get(0).contains("\"title\":\"Health alert:"), delivered::toString);
    }

    @Test
    void brokenPluginsAreReportedAndTheRunCompletes() throws Exception {
        Distribution vigil = Distribution.built().copyTo(temp.resolve("vigil"));
        PluginJars.write(
                vigil.plugins().resolve("fixture-ctor-fails.jar"),
                StepClassifierProvider.class,
                FixtureClassifiers.Throwing.class);
        PluginJars.write(
                vigil.plugins().resolve("fixture-ctor-hangs.jar"),
                StepClassifierProvider.class,
                FixtureClassifiers.Hanging.class);
        PluginJars.write(
                vigil.plugins().resolve("fixture-reserved.jar"),
                StepClassifierProvider.class,
                FixtureClassifiers.Reserved.class);

        Distribution.Result listed = vigil.run("plugins", "--set", "plugins.call_timeout_seconds=1");
        assertEquals(0, listed.exitCode(), listed::toString);
        assertTrue(listed.stdout().contains("fixture constructor fails"), listed::toString);
        assertTrue(listed.stdout().contains("did not return within 1.0 s"), listed::toString);
        assertTrue(
                listed.stdout().contains("name 'rule_based' is reserved for a built-in classifier"), listed::toString);

        Distribution.Result analysed =
                vigil.run("analyze", Distribution.EXAMPLES.toString(), "--set", "plugins.call_timeout_seconds=1");
        assertEquals(0, analysed.exitCode(), analysed::toString);
        assertTrue(analysed.stdout().contains("SUMMARY  6 file(s), 11 run(s)"), analysed::toString);
        assertTrue(analysed.stderr().contains("vigil.assembly.plugin_rejected"), analysed::toString);
    }

    private static JsonNode findRun(JsonNode report, String runId) {
        for (JsonNode run : report.get("runs")) {
            if (run.get("run_id").asText().equals(runId)) {
                return run;
            }
        }
        throw new AssertionError("no run " + runId);
    }
}
