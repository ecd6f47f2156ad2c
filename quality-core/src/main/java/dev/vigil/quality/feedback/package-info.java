/** Scored, LLM-free simulated client review of a deliverable against acceptance criteria (quality.md §5). */
package dev.vigil.quality.feedback;
