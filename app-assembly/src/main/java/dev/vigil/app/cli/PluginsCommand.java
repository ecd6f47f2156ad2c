package dev.vigil.app.cli;

import dev.vigil.app.plugins.LoadedPlugins;
import dev.vigil.app.plugins.PluginLoader;
import dev.vigil.app.plugins.PluginRecord;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.app.settings.ResolvedSettings;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code vigil plugins}: every provider found, built-in and from {@code plugins/}. */
@Command(
        name = "plugins",
        mixinStandardHelpOptions = true,
        description = "List every provider found (built-in and from plugins/) with point, name, origin and state.",
        footer = {"", "Example:", "  vigil plugins --set plugins.directory=/opt/vigil-plugins"})
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ResolvedSettings settings = config.resolve();
        LoadedPlugins plugins = new PluginLoader(settings.get(AssemblySettings.PLUGINS_CALL_TIMEOUT_SECONDS))
                .load(VigilHome.resolve(settings.get(AssemblySettings.PLUGINS_DIRECTORY)));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-12s %-20s %-9s %s%n", "POINT", "NAME", "STATE", "ORIGIN");
        for (PluginRecord record : plugins.records()) {
            out.printf(
                    Locale.ROOT,
                    "%-12s %-20s %-9s %s%s%n",
                    record.point() == null ? "-" : record.point().label(),
                    record.name() == null ? "-" : record.name(),
                    record.state().name().toLowerCase(Locale.ROOT),
                    record.origin(),
                    record.detail().isEmpty() ? "" : "  (" + record.detail() + ")");
        }
        out.flush();
        return 0;
    }
}
