package dev.vigil.app.cli;

import com.google.inject.Injector;
import dev.vigil.app.analysis.AnalysisEngine;
import dev.vigil.app.analysis.AnalysisListener;
import dev.vigil.app.analysis.AnalysisSummary;
import dev.vigil.app.report.HtmlReport;
import dev.vigil.app.report.JsonReport;
import dev.vigil.app.report.TextReport;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.app.wiring.ShutdownSequence;
import dev.vigil.app.wiring.VigilAssembly;
import dev.vigil.health.notify.NotificationDispatcher;
import dev.vigil.spi.model.EscalationSeverity;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

/** {@code vigil analyze}: the main job. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Analyse agent traces: step quality per run, health tickets that survive triage (delivered to the"
                    + " configured sinks), best-of-K selection per task, coordination metrics per team run.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:analysis done; no escalated ticket at or above --fail-on",
            "1:a ticket at or above --fail-on escalated",
            "2:usage or configuration error",
            "3:input records were rejected and --strict was given (checked before 1)"
        },
        footer = {
            "",
            "Examples:",
            "  vigil analyze examples/traces",
            "  vigil analyze runs/ --report html --out report.html",
            "  vigil analyze traces.jsonl --report json --fail-on high --set engine.stagnation.window_size=8",
            "  vigil analyze big.jsonl --report json --out report.json --threads 4"
        })
final class AnalyzeCommand implements Callable<Integer> {

    enum ReportKind {
        text,
        json,
        html
    }

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Trace files, or folders read recursively.")
    List<Path> inputs;

    @Option(names = "--report", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE}).")
    ReportKind report;

    @Option(names = "--out", paramLabel = "PATH", description = "Write the report here instead of stdout.")
    Path out;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            description =
                    "Exit with 1 when a ticket of this severity or higher escalated: low, medium, high, critical.")
    String failOn;

    @Option(
            names = "--format",
            paramLabel = "NAME",
            description = "Read every input in this format instead of detecting it.")
    String format;

    @Option(names = "--strict", description = "Exit with 3 when any input record was rejected.")
    boolean strict;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Worker threads that analyse runs in parallel (default: one per core). The report is the"
                    + " same for any N.")
    Integer threads;

    @Option(
            names = "--progress",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Show a progress bar on stderr when it is a terminal and the input is large (default: on;"
                    + " --no-progress turns it off).")
    boolean progress;

    @Mixin
    ConfigOptions config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            spec.commandLine().getErr().println("vigil analyze: --threads must be >= 1, got " + workers);
            return ExitCodes.USAGE;
        }
        EscalationSeverity threshold =
                failOn == null ? null : EscalationSeverity.fromWireName(failOn.toLowerCase(Locale.ROOT));
        ResolvedSettings settings = config.resolve();
        Injector injector =
                VigilAssembly.create(settings, VigilHome.resolve(settings.get(AssemblySettings.PLUGINS_DIRECTORY)));
        AnalysisEngine engine = injector.getInstance(AnalysisEngine.class);
        NotificationDispatcher dispatcher = injector.getInstance(NotificationDispatcher.class);

        AnalysisSummary summary;
        PrintWriter stdout = spec.commandLine().getOut();
        try (OutputStream reportStream = openReport()) {
            AnalysisListener listener = AnalysisProgress.around(listener(reportStream, stdout), inputs, progress);
            try {
                summary = engine.analyze(inputs, format, listener, workers);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("vigil analyze: " + e.getMessage());
                return ExitCodes.USAGE;
            } finally {
                if (listener instanceof AutoCloseable closeable) {
                    closeQuietly(closeable);
                }
            }
        }
        boolean[] drained = {true};
        ShutdownSequence.from(settings)
                .stage(
                        "notification_dispatcher",
                        settings.get(AssemblySettings.NOTIFICATION_DISPATCHER_SHUTDOWN_SECONDS),
                        () -> drained[0] = dispatcher.close(Duration.ofNanos((long)
                                (settings.get(AssemblySettings.NOTIFICATION_DISPATCHER_SHUTDOWN_SECONDS) * 1e9))))
                .run();
        if (!drained[0]) {
            spec.commandLine().getErr().println("vigil analyze: some notifications were still in flight at shutdown");
        }
        if (out != null) {
            stdout.printf(
                    Locale.ROOT,
                    "wrote %s report to %s: %d run(s), %d ticket(s) escalated, %d input error(s)%n",
                    report,
                    out,
                    summary.runs(),
                    summary.ticketsEscalated(),
                    summary.inputProblems().size());
            stdout.flush();
        }
        if (strict && !summary.inputProblems().isEmpty()) {
            return ExitCodes.INPUT_ERRORS;
        }
        if (threshold != null
                && summary.highestEscalated() != null
                && summary.highestEscalated().compareTo(threshold) >= 0) {
            return ExitCodes.TICKETS;
        }
        return ExitCodes.CLEAN;
    }

    private OutputStream openReport() throws IOException {
        if (out == null) {
            return null;
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new BufferedOutputStream(Files.newOutputStream(out));
    }

    private AnalysisListener listener(OutputStream reportStream, PrintWriter stdout) {
        String version = VigilMain.versionText();
        return switch (report) {
            case text -> new TextReport(reportStream == null ? stdout : writer(reportStream));
            case json ->
                new JsonReport(reportStream == null ? new NonClosingStream(System.out) : reportStream, version);
            case html -> new HtmlReport(reportStream == null ? stdout : writer(reportStream), version);
        };
    }

    private static PrintWriter writer(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the report's own flush already surfaced any write error
        }
    }

    /** Lets the JSON generator close its end without closing stdout. */
    private static final class NonClosingStream extends java.io.FilterOutputStream {
        NonClosingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
