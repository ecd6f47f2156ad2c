/**
 * Agent-task routing (routing.md §A): {@link dev.vigil.routing.AgentTaskScorer} scores how well an agent fits a
 * subtask, {@link dev.vigil.routing.TaskRoutingService} routes every subtask of a
 * {@link dev.vigil.routing.DecompositionPlan} to its best agent, and {@link dev.vigil.routing.RoutingSettings} declares
 * every tunable of this module.
 */
package dev.vigil.routing;
