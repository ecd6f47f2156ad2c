/**
 * Deliberately offending classes: {@code ArchitectureRulesBiteTest} proves each boundary rule reports them, so a rule
 * that can never fail is caught. Never imported by the real architecture check (test classes are excluded there).
 */
package dev.vigil.app.archfixture;
