package dev.vigil.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.app.plugins.fixture.FixtureClassifiers;
import dev.vigil.spi.plugin.StepClassifierProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {

    @TempDir
    Path plugins;

    @Test
    void builtInsAreFoundWithoutAPluginsFolder() {
        LoadedPlugins loaded = new PluginLoader(1.0).load(plugins.resolve("absent"));
        assertTrue(names(loaded).contains("rule_based"), "quality-core's classifier is a built-in");
        assertTrue(loaded.sinks().stream().anyMatch(s -> s.type().equals("console")), "health-core's console sink");
        assertTrue(loaded.records().stream().allMatch(r -> r.origin().equals("built-in")));
    }

    @Test
    void aPluginJarAddsAProviderWithItsOwnClassLoader() throws IOException {
        PluginJars.write(plugins.resolve("good.jar"), StepClassifierProvider.class, FixtureClassifiers.Good.class);
        LoadedPlugins loaded = new PluginLoader(1.0).load(plugins);
        StepClassifierProvider good = loaded.classifiers().stream()
                .filter(p -> p.name().equals("fixture_good"))
                .findFirst()
                .orElseThrow();
        assertTrue(good.getClass().getClassLoader() instanceof SpiOnlyClassLoader, "loaded from the plugin's jar");
        assertEquals(plugins.resolve("good.jar").toString(), loaded.originOf(PluginPoint.CLASSIFIER, "fixture_good"));
    }

    @Test
    void aSubFolderIsOnePlugin() throws IOException {
        PluginJars.write(plugins.resolve("team/one.jar"), StepClassifierProvider.class, FixtureClassifiers.Good.class);
        Files.writeString(plugins.resolve("team/notes.txt"), "not a jar");
        LoadedPlugins loaded = new PluginLoader(1.0).load(plugins);
        assertTrue(names(loaded).contains("fixture_good"));
        assertEquals(plugins.resolve("team").toString(), loaded.originOf(PluginPoint.CLASSIFIER, "fixture_good"));
    }

    @Test
    void brokenPluginsAreReportedAndTheRestLoad() throws IOException {
        PluginJars.write(plugins.resolve("a-good.jar"), StepClassifierProvider.class, FixtureClassifiers.Good.class);
        PluginJars.write(
                plugins.resolve("b-duplicate.jar"), StepClassifierProvider.class, FixtureClassifiers.Duplicate.class);
        PluginJars.write(
                plugins.resolve("c-reserved.jar"), StepClassifierProvider.class, FixtureClassifiers.Reserved.class);
        PluginJars.write(
                plugins.resolve("d-throws.jar"), StepClassifierProvider.class, FixtureClassifiers.Throwing.class);
        PluginJars.write(
                plugins.resolve("e-hangs.jar"), StepClassifierProvider.class, FixtureClassifiers.Hanging.class);
        Files.writeString(plugins.resolve("f-corrupt.jar"), "this is not a zip file");

        LoadedPlugins loaded = new PluginLoader(0.5).load(plugins);

        assertEquals(
                1,
                loaded.classifiers().stream()
                        .filter(p -> p.name().equals("fixture_good"))
                        .count());
        assertEquals("duplicate classifier name 'fixture_good'", rejection(loaded, "b-duplicate.jar"));
        assertEquals("name 'rule_based' is reserved for a built-in classifier", rejection(loaded, "c-reserved.jar"));
        assertTrue(
                rejection(loaded, "d-throws.jar").contains("fixture constructor fails"),
                rejection(loaded, "d-throws.jar"));
        assertTrue(
                rejection(loaded, "e-hangs.jar").contains("did not return within 0.5 s"),
                rejection(loaded, "e-hangs.jar"));
        assertTrue(!rejection(loaded, "f-corrupt.jar").isEmpty());
        assertEquals(
                "rule_based",
                loaded.classifiers().stream()
                        .filter(p -> p.name().equals("rule_based"))
                        .findFirst()
                        .orElseThrow()
                        .name(),
                "the built-in keeps its name");
        assertEquals(
                "built-in",
                loaded.originOf(PluginPoint.CLASSIFIER, "rule_based"),
                "the reserved claim did not replace it");
    }

    private static List<String> names(LoadedPlugins loaded) {
        return loaded.classifiers().stream().map(StepClassifierProvider::name).toList();
    }

    private static String rejection(LoadedPlugins loaded, String jarName) {
        return loaded.records().stream()
                .filter(r ->
                        r.state() == PluginRecord.State.REJECTED && r.origin().endsWith(jarName))
                .map(PluginRecord::detail)
                .findFirst()
                .orElse("");
    }
}
