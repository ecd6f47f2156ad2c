/**
 * The triage chain (health.md §4, D11, F9) and the alerting controls around it: operator {@link
 * dev.vigil.health.triage.Silence}s and Alertmanager-style grouping with a repeat interval ({@link
 * dev.vigil.health.triage.AlertGrouper}).
 */
package dev.vigil.health.triage;
