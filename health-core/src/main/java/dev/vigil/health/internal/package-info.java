/** Implementation details of the health module: built-in triage rules, the tool-turn window, argument checks. */
package dev.vigil.health.internal;
