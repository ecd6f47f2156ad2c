package dev.vigil.app.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import dev.vigil.app.plugins.LoadedPlugins;
import dev.vigil.app.plugins.PluginLoader;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.app.settings.SettingsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The default assembly: one Guice module per feature, built eagerly so every config record validates at startup and
 * a bad setting stops Vigil before any input is read.
 */
public final class VigilAssembly {

    private VigilAssembly() {}

    /**
     * Loads plugins and wires every feature module.
     *
     * @param pluginsDirectory the resolved plugins folder
     * @throws SettingsException when a config record rejects the resolved settings
     */
    public static Injector create(ResolvedSettings settings, Path pluginsDirectory) {
        LoadedPlugins plugins =
                new PluginLoader(settings.get(AssemblySettings.PLUGINS_CALL_TIMEOUT_SECONDS)).load(pluginsDirectory);
        return create(settings, plugins);
    }

    /** Wires every feature module around already loaded plugins. */
    public static Injector create(ResolvedSettings settings, LoadedPlugins plugins) {
        try {
            return Guice.createInjector(
                    Stage.PRODUCTION,
                    new SettingsModule(settings),
                    new PluginsModule(plugins),
                    new RuntimeModule(),
                    new QualityModule(),
                    new HealthModule(),
                    new TrajectoryModule(),
                    new CoordinationModule(),
                    new AnalysisModule());
        } catch (CreationException e) {
            throw unwrap(e.getErrorMessages(), e);
        } catch (ProvisionException e) {
            throw unwrap(e.getErrorMessages(), e);
        }
    }

    /** A config record's own validation error, reported as a settings problem rather than a Guice stack trace. */
    private static RuntimeException unwrap(java.util.Collection<Message> messages, RuntimeException original) {
        List<String> problems = new ArrayList<>();
        for (Message message : messages) {
            Throwable cause = message.getCause();
            if (cause instanceof SettingsException settingsError) {
                return settingsError;
            }
            if (cause instanceof IllegalArgumentException) {
                problems.add(cause.getMessage());
            }
        }
        return problems.isEmpty() ? original : new SettingsException(problems);
    }
}
