package dev.vigil.app.analysis;

import com.google.inject.Injector;
import dev.vigil.app.plugins.LoadedPlugins;
import dev.vigil.app.plugins.PluginLoader;
import dev.vigil.app.report.JsonReport;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.app.settings.SettingsCatalog;
import dev.vigil.app.settings.SettingsResolver;
import dev.vigil.app.wiring.VigilAssembly;
import dev.vigil.health.notify.NotificationDispatcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs the real assembly's analysis in-process, the way {@code vigil analyze} wires it. */
public final class Engines {

    private Engines() {}

    /** What one analysis produced: its summary and the JSON report text. */
    public record Analysis(AnalysisSummary summary, String json) {

        /** The JSON report with the random ticket ids replaced, so that two analyses can be compared. */
        public String jsonWithoutTicketIds() {
            return json.replaceAll("\"id\" : \"[0-9a-f-]{36}\"", "\"id\" : \"<ticket>\"");
        }
    }

    /** Settings from defaults plus {@code overrides} ({@code key=value}). */
    public static ResolvedSettings settings(String... overrides) {
        return new SettingsResolver(SettingsCatalog.sections())
                .resolve(new SettingsResolver.Sources(null, Map.of(), Map.of(), List.of(overrides)));
    }

    /** Analyses {@code inputs} with {@code threads} workers and a JSON report. */
    public static Analysis analyze(List<Path> inputs, int threads, String... overrides) throws IOException {
        Injector injector = injector(overrides);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AnalysisSummary summary;
            try (JsonReport report = new JsonReport(out, "test")) {
                summary = injector.getInstance(AnalysisEngine.class).analyze(inputs, null, report, threads);
            }
            return new Analysis(summary, out.toString(StandardCharsets.UTF_8));
        } finally {
            injector.getInstance(NotificationDispatcher.class).close(Duration.ofSeconds(5));
        }
    }

    /** The wired assembly, with no plugins folder. */
    public static Injector injector(String... overrides) {
        LoadedPlugins plugins = new PluginLoader(5.0).load(Path.of("no-plugins-here"));
        return VigilAssembly.create(settings(overrides), plugins);
    }
}
