/**
 * The tier-bound model matcher (routing.md §B, F5): {@link dev.vigil.routing.matcher.ModelMatcher} picks, for each
 * agent's {@link dev.vigil.routing.matcher.ModelRequirement}, a model from the agent-eligible
 * {@link dev.vigil.routing.matcher.Provider}s.
 */
package dev.vigil.routing.matcher;
