package dev.vigil.health.stagnation;

/**
 * The structural-erosion sub-metrics of one window and their weighted composite (health.md §11). Every value is in
 * [0.0, 1.0]; higher means more erosion.
 *
 * @param duplicatedBlocks share of window turns that repeat an earlier turn's whole fingerprint list
 * @param cyclomaticDelta relative growth of distinct fingerprints from the window's first half to its second
 * @param deadBranches share of tool calls whose tool is never called again later in the window
 * @param composite the weighted sum, clamped to [0.0, 1.0]
 */
public record ErosionScore(double duplicatedBlocks, double cyclomaticDelta, double deadBranches, double composite) {}
