/**
 * Verification of handed-off work against rubrics (quality.md §4): built-in rubrics, the identity criteria
 * decomposer, the heuristic grader (decision D6: with the default minConfidence 0.7, its verdict is PASS or REFER,
 * never FAIL) and the factory that builds the configured variants.
 */
package dev.vigil.quality.verification;
