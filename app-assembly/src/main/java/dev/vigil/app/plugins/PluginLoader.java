package dev.vigil.app.plugins;

import dev.vigil.spi.plugin.NotificationSinkProvider;
import dev.vigil.spi.plugin.StepClassifierProvider;
import dev.vigil.spi.plugin.TriageRuleProvider;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the built-in providers and those of every jar (or folder of jars) under the plugins directory. Each plugin
 * gets its own class loader: a {@link ModuleLayer} when the host runs on the module path and the plugin resolves as
 * modules, an {@link SpiOnlyClassLoader} otherwise. A plugin that fails to load, claims a reserved name or repeats a
 * name is reported and skipped; the rest load.
 */
public final class PluginLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);
    private static final String BUILT_IN = "built-in";

    private final double instantiateTimeoutSeconds;

    /** @param instantiateTimeoutSeconds how long one provider's constructor may take ({@code plugins.call_timeout_seconds}) */
    public PluginLoader(double instantiateTimeoutSeconds) {
        this.instantiateTimeoutSeconds = instantiateTimeoutSeconds;
    }

    /** Loads built-ins, then the plugins under {@code directory} (which may be absent). */
    public LoadedPlugins load(Path directory) {
        Map<PluginPoint, Map<String, Object>> accepted = new LinkedHashMap<>();
        for (PluginPoint point : PluginPoint.values()) {
            accepted.put(point, new LinkedHashMap<>());
        }
        List<PluginRecord> records = new ArrayList<>();
        ExecutorService constructors = Executors.newCachedThreadPool(daemonThreads());
        try {
            for (PluginPoint point : PluginPoint.values()) {
                ServiceLoader<?> builtIns =
                        ServiceLoader.load(point.providerType(), PluginLoader.class.getClassLoader());
                collect(point, builtIns, layerless -> true, BUILT_IN, true, accepted, records, constructors);
            }
            for (PluginUnit unit : pluginUnits(directory, records)) {
                loadUnit(unit, accepted, records, constructors);
            }
        } finally {
            constructors.shutdownNow();
        }
        return new LoadedPlugins(
                typed(accepted.get(PluginPoint.CLASSIFIER), StepClassifierProvider.class),
                typed(accepted.get(PluginPoint.TRIAGE_RULE), TriageRuleProvider.class),
                typed(accepted.get(PluginPoint.SINK), NotificationSinkProvider.class),
                records);
    }

    /** One plugin: a jar directly in the plugins folder, or every jar of one sub-folder. */
    private record PluginUnit(List<Path> jars, String origin) {}

    private void loadUnit(
            PluginUnit unit,
            Map<PluginPoint, Map<String, Object>> accepted,
            List<PluginRecord> records,
            ExecutorService constructors) {
        String origin = unit.origin();
        ClassLoaderChoice choice;
        try {
            choice = classLoaderFor(unit.jars(), origin);
        } catch (RuntimeException | LinkageError e) {
            reject(records, null, null, origin, "cannot load: " + describe(e));
            return;
        }
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(
                choice.loader()); // plugins that look up resources through the TCCL find their own
        try {
            int before = records.size();
            for (PluginPoint point : PluginPoint.values()) {
                ServiceLoader<?> loader = choice.layer() != null
                        ? ServiceLoader.load(choice.layer(), point.providerType())
                        : ServiceLoader.load(point.providerType(), choice.loader());
                ModuleLayer layer = choice.layer();
                collect(
                        point,
                        loader,
                        type -> layer == null || type.getModule().getLayer() == layer,
                        origin,
                        false,
                        accepted,
                        records,
                        constructors);
            }
            if (records.size() == before) {
                reject(records, null, null, origin, "no provider found (missing META-INF/services or 'provides')");
            }
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private record ClassLoaderChoice(ClassLoader loader, ModuleLayer layer) {}

    private static ClassLoaderChoice classLoaderFor(List<Path> jars, String origin) {
        Module host = PluginLoader.class.getModule();
        if (host.isNamed() && host.getLayer() != null) {
            // Module path: resolve the plugin's jars as modules in a layer of their own over the host's layer.
            ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
            Set<String> roots = finder.findAll().stream()
                    .map(ModuleReference::descriptor)
                    .map(d -> d.name())
                    .collect(Collectors.toSet());
            ModuleLayer parent = host.getLayer();
            Configuration configuration = parent.configuration().resolve(finder, ModuleFinder.of(), roots);
            ModuleLayer layer = parent.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
            ClassLoader loader = layer.findLoader(roots.iterator().next());
            return new ClassLoaderChoice(loader, layer);
        }
        URL[] urls = jars.stream().map(PluginLoader::toUrl).toArray(URL[]::new);
        return new ClassLoaderChoice(
                new SpiOnlyClassLoader("plugin:" + origin, urls, PluginLoader.class.getClassLoader()), null);
    }

    private void collect(
            PluginPoint point,
            ServiceLoader<?> serviceLoader,
            java.util.function.Predicate<Class<?>> belongsHere,
            String origin,
            boolean builtIn,
            Map<PluginPoint, Map<String, Object>> accepted,
            List<PluginRecord> records,
            ExecutorService constructors) {
        List<ServiceLoader.Provider<?>> providers = new ArrayList<>();
        try {
            serviceLoader.stream().forEach(providers::add);
        } catch (ServiceConfigurationError e) {
            reject(records, point, null, origin, describe(e));
        }
        for (ServiceLoader.Provider<?> provider : providers) {
            if (!belongsHere.test(provider.type())) {
                continue; // a provider of a parent layer (a built-in), not of this plugin
            }
            Object instance;
            String name;
            try {
                instance = instantiate(provider, constructors);
                name = point.nameOf(instance);
            } catch (RuntimeException | LinkageError | ServiceConfigurationError e) {
                reject(records, point, provider.type().getName(), origin, describe(e));
                continue;
            }
            if (name == null || name.isBlank()) {
                reject(records, point, provider.type().getName(), origin, point.label() + " name must not be blank");
            } else if (!builtIn && point.reservedNames().contains(name)) {
                reject(records, point, name, origin, "name '" + name + "' is reserved for a built-in " + point.label());
            } else if (accepted.get(point).containsKey(name)) {
                reject(records, point, name, origin, "duplicate " + point.label() + " name '" + name + "'");
            } else {
                accepted.get(point).put(name, instance);
                records.add(new PluginRecord(point, name, origin, PluginRecord.State.LOADED, ""));
                LOG.atInfo()
                        .setMessage("vigil.assembly.plugin_loaded")
                        .addKeyValue("plugin", name)
                        .addKeyValue("point", point.label())
                        .addKeyValue("origin", origin)
                        .log();
            }
        }
    }

    private Object instantiate(ServiceLoader.Provider<?> provider, ExecutorService constructors) {
        Future<?> future = constructors.submit(provider::get);
        try {
            return future.get((long) (instantiateTimeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            // No cause: the report should say what happened, not "TimeoutException".
            throw new IllegalStateException("constructor did not return within " + instantiateTimeoutSeconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error
                    && !(cause instanceof LinkageError)
                    && !(cause instanceof ServiceConfigurationError)) {
                throw error;
            }
            throw new IllegalStateException(describe(cause), cause);
        }
    }

    private static void reject(
            List<PluginRecord> records, PluginPoint point, String name, String origin, String reason) {
        records.add(new PluginRecord(point, name, origin, PluginRecord.State.REJECTED, reason));
        LOG.atWarn()
                .setMessage("vigil.assembly.plugin_rejected")
                .addKeyValue("plugin", name == null ? origin : name)
                .addKeyValue("point", point == null ? "unknown" : point.label())
                .addKeyValue("reason", reason)
                .log();
    }

    /** Each jar directly under the directory is a plugin; each sub-folder (all its jars) is one plugin. Sorted. */
    private static List<PluginUnit> pluginUnits(Path directory, List<PluginRecord> records) {
        List<PluginUnit> units = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return units;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.sorted().toList()) {
                if (Files.isDirectory(entry)) {
                    List<Path> jars = jarsIn(entry);
                    if (!jars.isEmpty()) {
                        units.add(new PluginUnit(jars, entry.toString()));
                    }
                } else if (isJar(entry)) {
                    units.add(new PluginUnit(List.of(entry), entry.toString()));
                }
            }
        } catch (IOException e) {
            reject(records, null, null, directory.toString(), "cannot list plugins: " + e.getMessage());
        }
        return units;
    }

    private static List<Path> jarsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(PluginLoader::isJar).sorted().toList();
        }
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a file path: " + path, e);
        }
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        Set<Throwable> seen = new HashSet<>();
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "vigil-plugin-loader");
            thread.setDaemon(true); // a hung constructor must not keep the JVM alive
            return thread;
        };
    }

    private static <P> List<P> typed(Map<String, Object> providers, Class<P> type) {
        return providers.values().stream().map(type::cast).toList();
    }
}
