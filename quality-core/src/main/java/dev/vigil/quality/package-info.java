/**
 * Step quality and per-run quality figures.
 *
 * <ul>
 *   <li>{@link dev.vigil.quality.RuleBasedStepClassifier}: labels each step CORRECT, NEUTRAL or INCORRECT from its
 *       turns and its stagnation verdict; {@link dev.vigil.quality.RuleBasedStepClassifierProvider} registers it as
 *       {@code rule_based}.
 *   <li>{@link dev.vigil.quality.ClassifierSelection} picks the classifier named by {@code engine.classifier.name};
 *       {@link dev.vigil.quality.GuardedStepClassifier} calls it under a timeout so a faulty plugin cannot crash or
 *       stall the caller.
 *   <li>{@link dev.vigil.quality.AccuracyEffortRatio} per run, with {@link dev.vigil.quality.WeakModelTrap};
 *       {@link dev.vigil.quality.TaskCompletionMetrics} per run.
 *   <li>{@link dev.vigil.quality.QualitySettings} declares every setting of this module.
 * </ul>
 */
package dev.vigil.quality;
