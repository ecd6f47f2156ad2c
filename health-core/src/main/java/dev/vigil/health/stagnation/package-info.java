/**
 * Stagnation detection (health.md §10) and structural erosion (§11): {@link
 * dev.vigil.health.stagnation.ToolRepetitionDetector}, {@link dev.vigil.health.stagnation.QualityErosionDetector},
 * chosen by {@link dev.vigil.health.stagnation.StagnationStrategy} through {@link
 * dev.vigil.health.stagnation.StagnationDetectors}. Every check looks only at a trailing window of tool turns, read
 * from the end, so it costs O(window) per step.
 */
package dev.vigil.health.stagnation;
