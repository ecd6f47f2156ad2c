/**
 * Coordination metrics for agent teams (coordination.md): the nine metrics and their pure compute functions
 * ({@link dev.vigil.coordination.CoordinationFormulas}), the single-agent {@link dev.vigil.coordination.BaselineStore},
 * the {@link dev.vigil.coordination.CoordinationMetricsCollector} with its overhead alerts, the built-in
 * {@link dev.vigil.coordination.JaccardSimilarity}, and the module's settings
 * ({@link dev.vigil.coordination.CoordinationSettings}).
 */
package dev.vigil.coordination;
