package dev.vigil.app.generate;

import java.util.Objects;

/**
 * What {@code vigil generate} produces.
 *
 * @param runs single-agent runs to write (best-of-K candidates included; team runs come on top), &ge; 1
 * @param stepsPerRun steps (LLM turns) of every single-agent run, exactly, &ge; 1
 * @param agents distinct agent ids to spread the runs over, &ge; 1; team runs need at least 2
 * @param seed the seed: the same configuration and seed always give byte-identical output
 * @param format the output format
 */
public record GeneratorConfig(int runs, int stepsPerRun, int agents, long seed, GeneratedFormat format) {

    /** The largest accepted {@code stepsPerRun}: one run (about 1 KiB per step) is built in memory before it is written. */
    public static final int MAX_STEPS_PER_RUN = 200_000;

    /** Default number of agents. */
    public static final int DEFAULT_AGENTS = 8;

    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;

    /** Validates every component. */
    public GeneratorConfig {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        if (stepsPerRun < 1 || stepsPerRun > MAX_STEPS_PER_RUN) {
            throw new IllegalArgumentException("steps must be in [1, " + MAX_STEPS_PER_RUN + "], got " + stepsPerRun);
        }
        if (agents < 1) {
            throw new IllegalArgumentException("agents must be >= 1, got " + agents);
        }
        Objects.requireNonNull(format, "format");
    }

    /** {@code runs} runs of {@code stepsPerRun} steps, with the default agents, seed and the Vigil format. */
    public static GeneratorConfig of(int runs, int stepsPerRun) {
        return new GeneratorConfig(runs, stepsPerRun, DEFAULT_AGENTS, DEFAULT_SEED, GeneratedFormat.VIGIL);
    }
}
