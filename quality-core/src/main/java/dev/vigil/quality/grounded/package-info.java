/**
 * The {@code grounded} step classifier: labels a step from what the trace itself holds (tool results, the model's
 * text, the run's earlier steps), with no LLM call. See {@link dev.vigil.quality.grounded.GroundedStepClassifier} for
 * the rules and {@link dev.vigil.quality.grounded.GroundedSettings} for their thresholds.
 */
package dev.vigil.quality.grounded;
