/**
 * {@code vigil generate}: a deterministic generator of realistic agent traces (varied tool mixes, errors with and
 * without recovery, stagnation loops, budget and turn limits, team runs, best-of-K groups) in Vigil's JSON Lines format
 * or as OTLP/JSON GenAI spans, for demos, tests and load. The same configuration and seed always give the same bytes.
 */
package dev.vigil.app.generate;
