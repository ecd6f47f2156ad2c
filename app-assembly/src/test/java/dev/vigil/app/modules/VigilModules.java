package dev.vigil.app.modules;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The Vigil modules on the test class path (built jars in a reactor build, class folders otherwise). */
final class VigilModules {

    private VigilModules() {}

    static List<ModuleReference> all() {
        TreeMap<String, ModuleReference> modules = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            boolean modular = Files.isDirectory(path)
                    ? Files.isRegularFile(path.resolve("module-info.class"))
                    : entry.endsWith(".jar");
            if (!modular || !Files.exists(path)) {
                continue;
            }
            try {
                for (ModuleReference reference : ModuleFinder.of(path).findAll()) {
                    String name = reference.descriptor().name();
                    if (name.startsWith("dev.vigil") && !reference.descriptor().isAutomatic()) {
                        modules.putIfAbsent(name, reference);
                    }
                }
            } catch (RuntimeException unreadable) {
                // not a module we care about (e.g. an automatic module with an invalid derived name)
            }
        }
        return List.copyOf(modules.values());
    }

    /** The provider classes listed in {@code META-INF/services/<service>} of the module, or empty. */
    static List<String> servicesFile(ModuleReference module, String service) {
        try (ModuleReader reader = module.open()) {
            Optional<java.io.InputStream> in = reader.open("META-INF/services/" + service);
            if (in.isEmpty()) {
                return List.of();
            }
            try (java.io.InputStream stream = in.get()) {
                List<String> providers = new ArrayList<>();
                for (String line : new String(stream.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String trimmed = line.replaceAll("#.*", "").strip();
                    if (!trimmed.isEmpty()) {
                        providers.add(trimmed);
                    }
                }
                return providers;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every service named by a file under {@code META-INF/services/}. */
    static List<String> servicesFiles(ModuleReference module) {
        try (ModuleReader reader = module.open()) {
            return reader.list()
                    .filter(name -> name.startsWith("META-INF/services/") && !name.endsWith("/"))
                    .map(name -> name.substring("META-INF/services/".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stable text form of the descriptor, like {@code jar --describe-module}: the module's promised shape. */
    static String describe(ModuleDescriptor descriptor) {
        StringBuilder out = new StringBuilder();
        out.append("module ").append(descriptor.name()).append('\n');
        descriptor.exports().stream()
                .map(e -> "exports " + e.source()
                        + (e.isQualified() ? " to " + String.join(",", new java.util.TreeSet<>(e.targets())) : ""))
                .sorted()
                .forEach(line -> out.append(line).append('\n'));
        descriptor.opens().stream()
                .map(o -> "opens " + o.source()
                        + (o.isQualified() ? " to " + String.join(",", new java.util.TreeSet<>(o.targets())) : ""))
                .sorted()
                .forEach(line -> out.append(line).append('\n'));
        descriptor.requires().stream()
                .filter(r -> !r.name().equals("java.base"))
                .map(r -> "requires "
                        + (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE) ? "transitive " : "")
                        + r.name())
                .sorted()
                .forEach(line -> out.append(line).append('\n'));
        descriptor.uses().stream()
                .sorted()
                .forEach(use -> out.append("uses ").append(use).append('\n'));
        descriptor.provides().stream()
                .map(p -> "provides " + p.service() + " with " + String.join(",", p.providers()))
                .sorted()
                .forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }
}
