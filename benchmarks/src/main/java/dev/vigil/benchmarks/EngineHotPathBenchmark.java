package dev.vigil.benchmarks;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.vigil.app.analysis.RunAnalyzer;
import dev.vigil.app.generate.GeneratedFormat;
import dev.vigil.app.ingest.TraceRecord;
import dev.vigil.app.plugins.PluginLoader;
import dev.vigil.app.settings.SettingsCatalog;
import dev.vigil.app.settings.SettingsResolver;
import dev.vigil.app.wiring.VigilAssembly;
import dev.vigil.health.HealthJudge;
import dev.vigil.health.HealthMonitoringPipeline;
import dev.vigil.health.JudgeConfig;
import dev.vigil.health.RunHealthMonitor;
import dev.vigil.health.RunMonitorConfig;
import dev.vigil.health.notify.NotificationDispatcher;
import dev.vigil.health.triage.TriageChain;
import dev.vigil.quality.ClassifierSelection;
import dev.vigil.quality.GuardedStepClassifier;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.plugin.StepClassifierProvider;
import dev.vigil.spi.plugin.StepContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-step engine hot path on one thread, in steps per second: for each step the stagnation check, the
 * classification and the incremental judgement (with triage), over {@value #RUNS} generated runs of
 * {@value #STEPS} steps (a realistic mix: clean runs, errors, stagnation loops), for each built-in classifier.
 * {@code perStepAsShipped} uses the classifier as the assembly wires it (behind the plugin guard: one hand-over to a
 * pool thread per step); {@code perStepInCallerThread} the same classifier run in the calling thread
 * ({@code GuardedStepClassifier.inCallerThread}); {@code wholeRun} the assembly's whole per-run sequence
 * ({@code RunAnalyzer}), end-of-run metrics and the report's step results included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineHotPathBenchmark {

    static final int RUNS = 50;
    static final int STEPS = 200;
    static final int TOTAL_STEPS = RUNS * STEPS;

    @Param({"grounded", "rule_based"})
    public String classifier;

    private Injector injector;
    private List<TraceRecord.SingleRun> runs;
    private RunAnalyzer runAnalyzer;
    private GuardedStepClassifier shippedClassifier;
    private GuardedStepClassifier inCallerThread;
    private RunMonitorConfig monitorConfig;
    private JudgeConfig judgeConfig;
    private TriageChain triage;

    @Setup(Level.Trial)
    public void setUp() {
        Path file = Fixtures.generated(RUNS, STEPS, GeneratedFormat.VIGIL);
        runs = Fixtures.runs(file);
        var settings = new SettingsResolver(SettingsCatalog.sections())
                .resolve(new SettingsResolver.Sources(
                        null,
                        Map.of(),
                        Map.of(),
                        List.of("notifications.dispatcher_enabled=false", "engine.classifier.name=" + classifier)));
        injector = VigilAssembly.create(settings, new PluginLoader(5.0).load(Path.of("no-plugins")));
        runAnalyzer = injector.getInstance(RunAnalyzer.class);
        shippedClassifier = injector.getInstance(GuardedStepClassifier.class);
        List<StepClassifierProvider> providers =
                List.copyOf(injector.getInstance(Key.get(new TypeLiteral<Set<StepClassifierProvider>>() {})));
        inCallerThread = GuardedStepClassifier.inCallerThread(
                ClassifierSelection.create(classifier, providers, settings.pluginConfig(classifier)));
        monitorConfig = injector.getInstance(RunMonitorConfig.class);
        judgeConfig = injector.getInstance(JudgeConfig.class);
        triage = injector.getInstance(TriageChain.class);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        injector.getInstance(NotificationDispatcher.class).close(Duration.ofSeconds(1));
    }

    @Benchmark
    @OperationsPerInvocation(TOTAL_STEPS)
    public void perStepAsShipped(Blackhole blackhole) {
        for (TraceRecord.SingleRun record : runs) {
            perStep(record.run(), shippedClassifier, blackhole);
        }
    }

    @Benchmark
    @OperationsPerInvocation(TOTAL_STEPS)
    public void perStepInCallerThread(Blackhole blackhole) {
        for (TraceRecord.SingleRun record : runs) {
            perStep(record.run(), inCallerThread, blackhole);
        }
    }

    @Benchmark
    @OperationsPerInvocation(TOTAL_STEPS)
    public void wholeRun(Blackhole blackhole) {
        for (TraceRecord.SingleRun record : runs) {
            blackhole.consume(runAnalyzer.analyze(record));
        }
    }

    /** The loop of RunAnalyzer.analyze without its report bookkeeping: stagnation, classify, judge. */
    private void perStep(Run run, GuardedStepClassifier classifier, Blackhole blackhole) {
        HealthMonitoringPipeline pipeline = HealthMonitoringPipeline.builder()
                .judge(new HealthJudge(judgeConfig))
                .triage(triage)
                .publisher(notification -> 0)
                .build();
        RunHealthMonitor monitor = RunHealthMonitor.start(run, monitorConfig, pipeline);
        List<Step> steps = run.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            StagnationResult stagnation = monitor.checkStagnation(i, step.turns());
            Optional<StepQualitySignal> signal = classifier.classify(
                    new StepContext(run.runId(), run.taskId(), run.metadata(), steps.subList(0, i), step, stagnation));
            blackhole.consume(monitor.afterStep(i, signal.orElse(null), stagnation, run.elapsedSecondsAtEndOf(i)));
        }
    }
}
