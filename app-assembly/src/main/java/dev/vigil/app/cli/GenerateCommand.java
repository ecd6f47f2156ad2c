package dev.vigil.app.cli;

import dev.vigil.app.generate.GeneratedFormat;
import dev.vigil.app.generate.GenerationSummary;
import dev.vigil.app.generate.GeneratorConfig;
import dev.vigil.app.generate.TraceGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil generate}: deterministic, realistic traces for demos, tests and load. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write realistic agent traces: a mix of clean runs, errors with and without recovery, stagnation loops,"
                    + " degrading runs, budget and turn limits, best-of-K groups and team runs. The same options and"
                    + " seed always give a byte-identical file; every single-agent run has exactly --steps steps.",
        },
        footer = {
            "",
            "Examples:",
            "  vigil generate --runs 100 --steps 20 --out demo.jsonl && vigil analyze demo.jsonl",
            "  vigil generate --runs 10000 --steps 100 --seed 7 --out load.jsonl",
            "  vigil generate --runs 50 --steps 12 --format otlp --out spans.jsonl"
        })
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--runs", required = true, paramLabel = "N", description = "Single-agent runs to write (>= 1).")
    int runs;

    @Option(names = "--steps", required = true, paramLabel = "M", description = "Steps in every run (>= 1).")
    int steps;

    @Option(
            names = "--agents",
            paramLabel = "A",
            defaultValue = "" + GeneratorConfig.DEFAULT_AGENTS,
            description = "Distinct agents (default: ${DEFAULT-VALUE}); team runs need at least 2.")
    int agents;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "" + GeneratorConfig.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--format",
            paramLabel = "vigil|otlp",
            defaultValue = "vigil",
            description = "vigil (JSON Lines, with best-of-K groups) or otlp (OTLP/JSON GenAI spans, one trace per"
                    + " line); default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        GeneratorConfig config;
        try {
            config = new GeneratorConfig(runs, steps, agents, seed, format(format));
        } catch (IllegalArgumentException e) {
            err.println("vigil generate: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        GenerationSummary summary = new TraceGenerator(config).writeTo(out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "wrote %d run(s) of %d step(s) (%d steps), %d team run(s), %d best-of-K group(s) to %s (%.1f MB, %s"
                        + " format)%n",
                summary.runs(),
                config.stepsPerRun(),
                summary.steps(),
                summary.teamRuns(),
                summary.bestOfKGroups(),
                out,
                summary.bytes() / 1e6,
                config.format().wireName());
        stdout.printf(Locale.ROOT, "scenarios: %s%n", summary.scenarios());
        stdout.flush();
        return ExitCodes.CLEAN;
    }

    private static GeneratedFormat format(String name) {
        for (GeneratedFormat candidate : GeneratedFormat.values()) {
            if (candidate.wireName().equals(name)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("--format must be vigil or otlp, got '" + name + "'");
    }
}
