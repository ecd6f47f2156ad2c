/** JMH benchmarks of Vigil's hot paths; see {@code benchmarks/run.sh} and {@code docs/performance.md}. */
package dev.vigil.benchmarks;
