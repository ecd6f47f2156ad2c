/**
 * Vigil quality: the built-in step classifiers ({@code rule_based}, {@code grounded}) and their guard, the accuracy-effort ratio with the weak-model
 * trap, task completion metrics, rubric verification with the heuristic grader, and scored client feedback. No LLM
 * call and no network: cheap enough to run on every step of every run.
 */
module dev.vigil.quality {
    requires transitive dev.vigil.spi;
    requires org.slf4j;

    exports dev.vigil.quality;
    exports dev.vigil.quality.verification;
    exports dev.vigil.quality.feedback;
    exports dev.vigil.quality.grounded;

    provides dev.vigil.spi.plugin.StepClassifierProvider with
            dev.vigil.quality.RuleBasedStepClassifierProvider,
            dev.vigil.quality.grounded.GroundedStepClassifierProvider;
}
