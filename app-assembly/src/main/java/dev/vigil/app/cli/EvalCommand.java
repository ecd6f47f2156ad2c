package dev.vigil.app.cli;

import com.google.inject.Injector;
import dev.vigil.app.analysis.RunAnalyzer;
import dev.vigil.app.eval.EvalInputs;
import dev.vigil.app.eval.EvalReports;
import dev.vigil.app.eval.SelectionEvaluation;
import dev.vigil.app.eval.StepEvaluation;
import dev.vigil.app.ingest.TraceFormats;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.app.wiring.VigilAssembly;
import dev.vigil.health.notify.NotificationDispatcher;
import dev.vigil.health.notify.NotifySettings;
import dev.vigil.quality.GuardedStepClassifier;
import dev.vigil.trajectory.SelectionConfig;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil eval}: measures Vigil's judgement against the labels and outcomes recorded in traces (issue 12). */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        subcommands = {EvalCommand.Steps.class, EvalCommand.Select.class},
        description = {
            "Measure Vigil's judgement on labelled traces: step labels against human labels (steps), best-of-K"
                    + " selection against known outcomes (select).",
        })
final class EvalCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    enum ReportKind {
        text,
        json
    }

    /** Options shared by both subcommands. */
    static final class Common {
        @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Trace files, or folders read recursively.")
        List<Path> inputs;

        @Option(names = "--report", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        ReportKind report;

        @Option(names = "--out", paramLabel = "PATH", description = "Write the report here instead of stdout.")
        Path out;

        @Option(
                names = "--format",
                paramLabel = "NAME",
                description = "Read every input in this format instead of detecting it.")
        String format;

        PrintWriter open(PrintWriter stdout) throws IOException {
            if (out == null) {
                return stdout;
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new PrintWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8));
        }
    }

    /** {@code vigil eval steps}. */
    @Command(
            name = "steps",
            mixinStandardHelpOptions = true,
            description = {
                "Compare the configured step classifier's labels with the human step labels of the input"
                        + " (AgentProcessBench JSONL, or Vigil's format with labels): StepAcc, FirstErrAcc,"
                        + " per-class precision/recall/F1, the confusion matrix, and the all-CORRECT baseline.",
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:evaluated", "2:usage or configuration error, or no labelled step in the input"},
            footer = {
                "",
                "Examples:",
                "  vigil eval steps agentprocessbench.jsonl",
                "  vigil eval steps runs/ --report json --set engine.classifier.name=rule_based"
            })
    static final class Steps implements Callable<Integer> {

        @Mixin
        Common common;

        @Mixin
        ConfigOptions config;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            // Evaluation replays recorded runs: their tickets must never reach a real sink.
            config.overrides.add(NotifySettings.DISPATCHER_ENABLED.key() + "=false");
            ResolvedSettings settings = config.resolve();
            Injector injector =
                    VigilAssembly.create(settings, VigilHome.resolve(settings.get(AssemblySettings.PLUGINS_DIRECTORY)));
            StepEvaluation evaluation;
            try {
                evaluation = StepEvaluation.run(
                        injector.getInstance(GuardedStepClassifier.class).classifierName(),
                        injector.getInstance(RunAnalyzer.class),
                        new EvalInputs(injector.getInstance(TraceFormats.class)),
                        common.inputs,
                        common.format);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("vigil eval steps: " + e.getMessage());
                return ExitCodes.USAGE;
            } finally {
                injector.getInstance(NotificationDispatcher.class).close(Duration.ofSeconds(1));
            }
            if (evaluation.scores().labelledSteps() == 0) {
                spec.commandLine()
                        .getErr()
                        .printf(
                                Locale.ROOT,
                                "vigil eval steps: no labelled step in %d run(s) read (%d input problem(s))%n",
                                evaluation.runsRead(),
                                evaluation.problems().size());
                spec.commandLine().getErr().flush();
                return ExitCodes.USAGE;
            }
            PrintWriter out = common.open(spec.commandLine().getOut());
            try {
                if (common.report == ReportKind.json) {
                    EvalReports.json(evaluation, out);
                } else {
                    EvalReports.text(evaluation, out);
                }
            } finally {
                if (common.out != null) {
                    out.close();
                }
            }
            return ExitCodes.CLEAN;
        }
    }

    /** {@code vigil eval select}. */
    @Command(
            name = "select",
            mixinStandardHelpOptions = true,
            description = {
                "For tasks with K recorded candidates and known outcomes (e.g. τ-bench trials and rewards), the"
                        + " success of the configured best-of-K selection next to pass@1 (mean outcome), random"
                        + " choice, the shortest candidate and the oracle (any candidate succeeds).",
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:evaluated", "2:usage or configuration error, or no task with known outcomes"},
            footer = {
                "",
                "Examples:",
                "  vigil eval select taubench-results.json",
                "  vigil eval select runs/ --set engine.trajectory.selection.vote_scope=last_turn"
                        + " --set engine.trajectory.selection.ranking=joint_score"
            })
    static final class Select implements Callable<Integer> {

        @Mixin
        Common common;

        @Mixin
        ConfigOptions config;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ResolvedSettings settings = config.resolve();
            // The same wiring as analyze: a configuration that analyze would reject is rejected here too.
            Injector injector =
                    VigilAssembly.create(settings, VigilHome.resolve(settings.get(AssemblySettings.PLUGINS_DIRECTORY)));
            SelectionEvaluation evaluation;
            try {
                evaluation = SelectionEvaluation.run(
                        SelectionConfig.from(settings),
                        new EvalInputs(injector.getInstance(TraceFormats.class)),
                        common.inputs,
                        common.format);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("vigil eval select: " + e.getMessage());
                return ExitCodes.USAGE;
            } finally {
                injector.getInstance(NotificationDispatcher.class).close(Duration.ofSeconds(1));
            }
            if (evaluation.tasks().isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .printf(
                                Locale.ROOT,
                                "vigil eval select: no task with two or more candidates and known outcomes"
                                        + " (%d skipped, %d input problem(s))%n",
                                evaluation.skippedTasks().size(),
                                evaluation.problems().size());
                spec.commandLine().getErr().flush();
                return ExitCodes.USAGE;
            }
            PrintWriter out = common.open(spec.commandLine().getOut());
            try {
                if (common.report == ReportKind.json) {
                    EvalReports.json(evaluation, out);
                } else {
                    EvalReports.text(evaluation, out);
                }
            } finally {
                if (common.out != null) {
                    out.close();
                }
            }
            return ExitCodes.CLEAN;
        }
    }
}
