package dev.vigil.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;

/**
 * Vigil's module boundaries, written once. Each rule is a function of package roots so that the same rule is checked
 * against the real modules and, in {@link ArchitectureRulesBiteTest}, against deliberately offending fixtures.
 */
final class VigilArchitecture {

    static final String SPI = "dev.vigil.spi";
    static final String ASSEMBLY = "dev.vigil.app";
    static final String CLI = "dev.vigil.app.cli";

    /** Every feature module's root package. Adding a module means adding one line here. */
    static final List<String> FEATURE_MODULES = List.of(
            "dev.vigil.quality",
            "dev.vigil.health",
            "dev.vigil.trajectory",
            "dev.vigil.coordination",
            "dev.vigil.routing");

    /** Frameworks that only the assembly may touch. */
    static final List<String> ASSEMBLY_ONLY_LIBRARIES =
            List.of("com.google.inject..", "com.fasterxml.jackson..", "ch.qos.logback..", "picocli..");

    private VigilArchitecture() {}

    /** The SPI depends on the JDK only. */
    static ArchRule spiDependsOnlyOnJdk(String spiRoot) {
        return classes()
                .that()
                .resideInAPackage(spiRoot + "..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(spiRoot + "..", "java..")
                .because("plugin authors must be able to read and depend on the SPI alone");
    }

    /** A feature module sees the JDK, SLF4J, the SPI and itself: never another feature module or a framework. */
    static ArchRule featureModuleIsolated(String featureRoot, String spiRoot) {
        return classes()
                .that()
                .resideInAPackage(featureRoot + "..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(featureRoot + "..", spiRoot + "..", "java..", "org.slf4j..")
                .because("feature modules are usable one by one, without Guice, Jackson or each other");
    }

    /** Guice, Jackson, Logback and picocli appear only in the assembly. */
    static ArchRule frameworksOnlyInAssembly(String vigilRoot, String assemblyRoot) {
        return noClasses()
                .that()
                .resideInAPackage(vigilRoot + "..")
                .and()
                .resideOutsideOfPackage(assemblyRoot + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ASSEMBLY_ONLY_LIBRARIES.toArray(String[]::new))
                .because("only the assembly wires, parses config and owns the logging backend");
    }

    /** No package depends on itself through others. */
    static ArchRule noPackageCycles(String vigilRoot) {
        return slices().matching(vigilRoot + ".(**)").should().beFreeOfCycles();
    }

    /** Libraries log through SLF4J; only the CLI prints. */
    static ArchRule librariesDoNotPrint(String vigilRoot, String cliPackage) {
        return noClasses()
                .that()
                .resideInAPackage(vigilRoot + "..")
                .and()
                .resideOutsideOfPackage(cliPackage + "..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("libraries log through SLF4J with structured fields; only the CLI writes to stdout");
    }
}
