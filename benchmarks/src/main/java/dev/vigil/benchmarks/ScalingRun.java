package dev.vigil.benchmarks;

import com.google.inject.Injector;
import dev.vigil.app.analysis.AnalysisEngine;
import dev.vigil.app.analysis.AnalysisListener;
import dev.vigil.app.analysis.AnalysisSummary;
import dev.vigil.app.analysis.BestOfKResult;
import dev.vigil.app.analysis.RunResult;
import dev.vigil.app.analysis.TeamResult;
import dev.vigil.app.generate.GeneratedFormat;
import dev.vigil.app.generate.GeneratorConfig;
import dev.vigil.app.generate.TraceGenerator;
import dev.vigil.app.plugins.PluginLoader;
import dev.vigil.app.settings.SettingsCatalog;
import dev.vigil.app.settings.SettingsResolver;
import dev.vigil.app.wiring.VigilAssembly;
import dev.vigil.health.notify.NotificationDispatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time per step for runs of different lengths: for each length M it generates {@code TOTAL / M} runs of M steps (the
 * same number of steps for every M, but at least {@value #MIN_RUNS_PER_THREAD} runs per thread, so that reading and
 * analysing overlap as they do on real inputs) and analyses them in-process with the assembly's wiring (warm JVM, no
 * report written), printing {@code steps_per_run=M runs=N seconds=S ns_per_step=X}. Flat ns/step means cost linear
 * in the run's length.
 *
 * <p>Usage: {@code ScalingRun WORK_DIR TOTAL_STEPS THREADS M...}; settings overrides ({@code key=value}, comma
 * separated) come from {@code -Dvigil.bench.set}.
 */
public final class ScalingRun {

    /** With fewer runs than this per worker, the pipeline never fills and the figure measures its start. */
    static final int MIN_RUNS_PER_THREAD = 4;

    private ScalingRun() {}

    public static void main(String[] args) throws IOException {
        Path work = Files.createDirectories(Path.of(args[0]));
        long total = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        List<String> overrides = new java.util.ArrayList<>(List.of("notifications.dispatcher_enabled=false"));
        String extra = System.getProperty("vigil.bench.set", "");
        for (String override : extra.split(",")) {
            if (!override.isBlank()) {
                overrides.add(override.strip());
            }
        }
        var settings = new SettingsResolver(SettingsCatalog.sections())
                .resolve(new SettingsResolver.Sources(null, Map.of(), Map.of(), overrides));
        Injector injector = VigilAssembly.create(settings, new PluginLoader(5.0).load(work.resolve("no-plugins")));
        try {
            AnalysisEngine engine = injector.getInstance(AnalysisEngine.class);
            // Warm-up: the JIT compiles the hot path before anything is timed.
            Path warmup = work.resolve("warmup.jsonl");
            new TraceGenerator(new GeneratorConfig(2_000, 50, 8, 1L, GeneratedFormat.VIGIL)).writeTo(warmup);
            analyse(engine, warmup, threads);
            analyse(engine, warmup, threads);
            for (int i = 3; i < args.length; i++) {
                int steps = Integer.parseInt(args[i]);
                int runs = (int) Math.max((long) MIN_RUNS_PER_THREAD * threads, total / steps);
                Path file = work.resolve("scaling-" + steps + ".jsonl");
                new TraceGenerator(new GeneratorConfig(runs, steps, 8, 5L, GeneratedFormat.VIGIL)).writeTo(file);
                double best = Double.MAX_VALUE;
                AnalysisSummary summary = null;
                for (int round = 0; round < 2; round++) {
                    long started = System.nanoTime();
                    summary = analyse(engine, file, threads);
                    best = Math.min(best, (System.nanoTime() - started) / 1e9);
                }
                System.out.printf(
                        Locale.ROOT,
                        "steps_per_run=%d runs=%d steps=%d seconds=%.3f ns_per_step=%.0f%n",
                        steps,
                        summary.runs(),
                        summary.steps(),
                        best,
                        best * 1e9 / summary.steps());
                Files.delete(file);
            }
        } finally {
            injector.getInstance(NotificationDispatcher.class).close(Duration.ofSeconds(1));
        }
    }

    private static AnalysisSummary analyse(AnalysisEngine engine, Path file, int threads) throws IOException {
        return engine.analyze(List.of(file), null, new Discard(), threads);
    }

    /** A report that keeps nothing: the scaling run times the analysis, not report writing. */
    private static final class Discard implements AnalysisListener {
        @Override
        public void run(RunResult run) {}

        @Override
        public void bestOfK(BestOfKResult group) {}

        @Override
        public void team(TeamResult team) {}

        @Override
        public void finish(AnalysisSummary summary) {}
    }
}
