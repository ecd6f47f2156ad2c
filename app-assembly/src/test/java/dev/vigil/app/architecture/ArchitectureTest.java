package dev.vigil.app.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vigil's real modules keep their boundaries. */
class ArchitectureTest {

    private static JavaClasses vigil;

    @BeforeAll
    static void importVigil() {
        // Feature modules arrive as jars (reactor or local repository), so jars are imported too; only dev.vigil.
        vigil = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vigil");
    }

    @Test
    void importSeesEveryModule() {
        // A rule over an empty import passes vacuously: prove every module was actually read.
        assertTrue(vigil.containPackage(VigilArchitecture.SPI + ".model"), "spi model imported");
        for (String feature : VigilArchitecture.FEATURE_MODULES) {
            assertTrue(
                    vigil.stream().anyMatch(c -> c.getPackageName().startsWith(feature)),
                    () -> "classes of " + feature + " imported");
        }
        assertTrue(vigil.size() > 50, () -> "only " + vigil.size() + " classes imported");
    }

    @Test
    void spiDependsOnlyOnJdk() {
        VigilArchitecture.spiDependsOnlyOnJdk(VigilArchitecture.SPI).check(vigil);
    }

    @Test
    void featureModulesAreIsolated() {
        for (String feature : VigilArchitecture.FEATURE_MODULES) {
            VigilArchitecture.featureModuleIsolated(feature, VigilArchitecture.SPI)
                    .check(vigil);
        }
    }

    @Test
    void frameworksOnlyInAssembly() {
        VigilArchitecture.frameworksOnlyInAssembly("dev.vigil", VigilArchitecture.ASSEMBLY)
                .check(vigil);
    }

    @Test
    void noPackageCycles() {
        VigilArchitecture.noPackageCycles("dev.vigil").check(vigil);
    }

    @Test
    void librariesDoNotPrint() {
        VigilArchitecture.librariesDoNotPrint("dev.vigil", VigilArchitecture.CLI)
                .check(vigil);
    }
}
