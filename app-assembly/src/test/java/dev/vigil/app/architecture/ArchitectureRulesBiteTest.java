package dev.vigil.app.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every boundary rule reports a deliberately offending fixture, and passes a clean one. */
class ArchitectureRulesBiteTest {

    private static final String FIXTURES = "dev.vigil.app.archfixture";
    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages(FIXTURES);
    }

    @Test
    void spiRuleReportsALibraryDependency() {
        assertViolation(VigilArchitecture.spiDependsOnlyOnJdk(FIXTURES + ".spi"), "LeakySpi");
        assertClean(VigilArchitecture.spiDependsOnlyOnJdk(FIXTURES + ".beta"));
    }

    @Test
    void featureRuleReportsAnotherFeatureAndAFramework() {
        ArchRule rule = VigilArchitecture.featureModuleIsolated(FIXTURES + ".alpha", FIXTURES + ".spi");
        assertViolation(rule, "AlphaUsesBeta");
        assertViolation(rule, "AlphaUsesGuice");
        assertClean(VigilArchitecture.featureModuleIsolated(FIXTURES + ".beta", FIXTURES + ".spi"));
    }

    @Test
    void frameworkRuleReportsGuiceOutsideTheAssembly() {
        assertViolation(VigilArchitecture.frameworksOnlyInAssembly(FIXTURES, FIXTURES + ".assembly"), "AlphaUsesGuice");
        assertClean(VigilArchitecture.frameworksOnlyInAssembly(FIXTURES, FIXTURES + ".alpha"));
    }

    @Test
    void cycleRuleReportsAPackageCycle() {
        assertViolation(VigilArchitecture.noPackageCycles(FIXTURES + ".cycle"), "One");
        assertClean(VigilArchitecture.noPackageCycles(FIXTURES + ".beta"));
    }

    @Test
    void printingRuleReportsSystemOut() {
        assertViolation(VigilArchitecture.librariesDoNotPrint(FIXTURES, FIXTURES + ".cli"), "AlphaPrints");
        assertClean(VigilArchitecture.librariesDoNotPrint(FIXTURES, FIXTURES + ".alpha"));
    }

    private static void assertViolation(ArchRule rule, String offender) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertTrue(
                result.hasViolation(),
                () -> "expected a violation from " + offender + " for: " + rule.getDescription());
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains(offender), () -> "violation report does not name " + offender + ":\n" + report);
    }

    private static void assertClean(ArchRule rule) {
        EvaluationResult result = rule.allowEmptyShould(true).evaluate(fixtures);
        assertFalse(
                result.hasViolation(),
                () -> String.join("\n", result.getFailureReport().getDetails()));
    }
}
