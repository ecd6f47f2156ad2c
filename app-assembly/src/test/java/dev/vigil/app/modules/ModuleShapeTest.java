package dev.vigil.app.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every Vigil module keeps its promised shape: the golden descriptor files pin exports, requires, uses and provides
 * (a lost {@code provides} line would silently drop a built-in), and every {@code provides} has the matching
 * {@code META-INF/services} entry so the same jar works on the class path.
 */
class ModuleShapeTest {

    static final Set<String> EXPECTED = Set.of(
            "dev.vigil.spi",
            "dev.vigil.quality",
            "dev.vigil.health",
            "dev.vigil.trajectory",
            "dev.vigil.coordination",
            "dev.vigil.routing",
            "dev.vigil.app");
    static final Path GOLDEN = Path.of("src", "test", "resources", "module-descriptors");

    @Test
    void everyModuleIsFound() {
        assertEquals(
                EXPECTED,
                VigilModules.all().stream().map(m -> m.descriptor().name()).collect(Collectors.toSet()));
    }

    @Test
    void descriptorsMatchTheGoldenFiles() throws IOException {
        boolean update = Boolean.getBoolean("vigil.updateGolden");
        for (ModuleReference module : VigilModules.all()) {
            String actual = VigilModules.describe(module.descriptor());
            Path golden = GOLDEN.resolve(module.descriptor().name() + ".txt");
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(golden), () -> "no golden file " + golden + "; expected content:\n" + actual);
            assertEquals(
                    Files.readString(golden, StandardCharsets.UTF_8),
                    actual,
                    "shape of " + module.descriptor().name()
                            + " changed; if intended, rerun with -Dvigil.updateGolden=true and review the diff");
        }
    }

    @Test
    void providesAndServicesFilesAgree() {
        for (ModuleReference module : VigilModules.all()) {
            ModuleDescriptor descriptor = module.descriptor();
            for (ModuleDescriptor.Provides provides : descriptor.provides()) {
                assertEquals(
                        new TreeSet<>(provides.providers()),
                        new TreeSet<>(VigilModules.servicesFile(module, provides.service())),
                        descriptor.name() + ": META-INF/services/" + provides.service()
                                + " must list the same providers");
            }
            List<String> declared = descriptor.provides().stream()
                    .map(ModuleDescriptor.Provides::service)
                    .sorted()
                    .toList();
            assertEquals(
                    declared,
                    VigilModules.servicesFiles(module),
                    descriptor.name() + ": services files without 'provides'");
        }
    }

    @Test
    void everyPackageStartsWithItsModuleName() {
        for (ModuleReference module : VigilModules.all()) {
            String name = module.descriptor().name();
            for (String pkg : module.descriptor().packages()) {
                assertTrue(pkg.equals(name) || pkg.startsWith(name + "."), () -> pkg + " is not under " + name);
            }
        }
    }
}
