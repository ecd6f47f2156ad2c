/**
 * Vigil's trajectory engine (trajectory.md): best-of-K scoring and selection, the budget guard and sampling gate, a
 * live parallel best-of-K executor, prefill token equivalents (PTE) and efficiency ratios against ideal baselines.
 *
 * <h2>Entry points</h2>
 *
 * <ul>
 *   <li>{@link dev.vigil.trajectory.TrajectorySettings} declares every setting; {@link
 *       dev.vigil.trajectory.TrajectoryConfig#from} and {@link dev.vigil.trajectory.PteConfig#from} build the configs.
 *   <li>{@link dev.vigil.trajectory.BudgetGuard#shouldSample} decides whether a task samples K candidates.
 *   <li>{@link dev.vigil.trajectory.BestOfKExecutor#runBestOfK} samples them in parallel and selects one; {@link
 *       dev.vigil.trajectory.TrajectoryScorer#selectBest} and {@link
 *       dev.vigil.trajectory.TrajectoryScorer#selectPerTask} select among recorded candidates.
 *   <li>{@link dev.vigil.trajectory.PrefillTokenEquivalents} and {@link
 *       dev.vigil.trajectory.EfficiencyRatios#forRun} measure a run against its {@link
 *       dev.vigil.trajectory.IdealTrajectoryBaseline}.
 * </ul>
 *
 * <h2>Baseline file format</h2>
 *
 * <p>The file named by {@code engine.trajectory.baselines_path} is UTF-8 JSON whose root object maps onto {@link
 * dev.vigil.trajectory.IdealTrajectoryBaselines} and whose {@code baselines} entries map onto {@link
 * dev.vigil.trajectory.IdealTrajectoryBaseline}, property name = record component name:
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "baselines": [
 *     {
 *       "taskType": "research",
 *       "idealStepCount": 4,
 *       "idealToolCallCount": 0,
 *       "idealLatencySeconds": 10.0,
 *       "idealOutputTokens": 500,
 *       "idealStructuralScore": 1.0,
 *       "idealPte": 1000.0,
 *       "recordedAt": "2026-03-01T23:30:00Z",
 *       "recordedByAgentId": "agent-ops",
 *       "modelTier": "medium",
 *       "notes": "optional free text"
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code formatVersion} must be 1. Each {@code taskType} appears once; runs are matched on {@code run.taskType}
 *       exactly, and a run without a match gets no ratios.
 *   <li>{@code recordedAt} is an ISO-8601 instant ({@code Instant.parse}; an offset such as {@code -05:00} is read as
 *       the same instant). Its UTC date versions the baseline: ratios carry {@code <taskType>:<yyyyMMdd>}.
 *   <li>{@code modelTier} is a {@link dev.vigil.spi.model.ModelTier} wire name ({@code small}, {@code medium},
 *       {@code large}), case-sensitive.
 *   <li>{@code notes} may be omitted or null (it becomes {@code ""}). Every other property is required and is
 *       validated by the record's constructor with the spec's messages (for example {@code idealStepCount must be >=
 *       1, got 0}).
 *   <li>Baselines are refresh-gated: Vigil never rewrites this file from observed runs. To refresh a baseline, record
 *       a new ideal run and replace its entry (a new {@code recordedAt} gives a new version).
 * </ul>
 */
package dev.vigil.trajectory;
