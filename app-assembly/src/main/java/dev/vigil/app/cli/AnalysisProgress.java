package dev.vigil.app.cli;

import dev.vigil.app.analysis.AnalysisListener;
import dev.vigil.app.analysis.AnalysisSummary;
import dev.vigil.app.analysis.BestOfKResult;
import dev.vigil.app.analysis.RunResult;
import dev.vigil.app.analysis.TeamResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of {@code vigil analyze} on stderr: shown only when stderr is a terminal and the input is at least
 * {@value #LARGE_INPUT_BYTES} bytes, so that pipes, CI logs and small inputs stay clean. It measures megabytes read
 * (Linux: the process's {@code rchar} counter, so that a single huge file moves the bar too) and falls back to a
 * count of analysed runs elsewhere. It wraps the report listener and forwards everything unchanged.
 */
final class AnalysisProgress implements AnalysisListener, AutoCloseable {

    /** Inputs smaller than this finish too quickly for a bar to help. */
    static final long LARGE_INPUT_BYTES = 64L * 1024 * 1024;

    private static final Path PROC_IO = Path.of("/proc/self/io");
    private static final Path STDERR_FD = Path.of("/proc/self/fd/2");
    private static final long MEGABYTE = 1_000_000L;
    /** How often the bytes counter is read, at most. */
    private static final long POLL_NANOS = 200_000_000L;

    private final AnalysisListener report;
    private final ProgressBar bar;
    private final boolean bytesMode;
    private final long startBytes;
    private long runs;
    private long steps;
    private long lastPoll;
    private boolean closed;

    private AnalysisProgress(AnalysisListener report, long inputBytes) {
        this.report = report;
        long readSoFar = bytesRead();
        this.bytesMode = readSoFar >= 0;
        this.startBytes = readSoFar;
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("analyze")
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250)
                .showSpeed();
        if (bytesMode) {
            builder.setInitialMax(Math.max(1, inputBytes / MEGABYTE)).setUnit(" MB", 1);
        } else {
            builder.setInitialMax(-1).setUnit(" runs", 1);
        }
        this.bar = builder.build();
    }

    /**
     * {@code report} wrapped in a progress bar when {@code enabled}, stderr is a terminal and the inputs are large;
     * otherwise {@code report} itself.
     */
    static AnalysisListener around(AnalysisListener report, List<Path> inputs, boolean enabled) {
        if (!enabled || !stderrIsTerminal()) {
            return report;
        }
        long bytes = totalBytes(inputs);
        return bytes < LARGE_INPUT_BYTES ? report : new AnalysisProgress(report, bytes);
    }

    @Override
    public void run(RunResult run) {
        report.run(run);
        runs++;
        steps += run.steps().size();
        if (bytesMode) {
            long now = System.nanoTime();
            if (now - lastPoll >= POLL_NANOS) {
                lastPoll = now;
                long read = bytesRead();
                if (read >= 0) {
                    bar.stepTo(Math.min(bar.getMax(), (read - startBytes) / MEGABYTE));
                }
            }
        } else {
            bar.stepTo(runs);
        }
        if ((runs & 0xff) == 0) {
            bar.setExtraMessage(String.format(Locale.ROOT, " %,d runs, %,d steps", runs, steps));
        }
    }

    @Override
    public void bestOfK(BestOfKResult group) {
        report.bestOfK(group);
    }

    @Override
    public void team(TeamResult team) {
        report.team(team);
    }

    @Override
    public void finish(AnalysisSummary summary) {
        if (bytesMode) {
            bar.stepTo(bar.getMax());
        }
        bar.setExtraMessage(String.format(Locale.ROOT, " %,d runs, %,d steps", summary.runs(), summary.steps()));
        closeBar();
        report.finish(summary);
    }

    @Override
    public void close() throws IOException {
        closeBar();
        if (report instanceof java.io.Closeable closeable) {
            closeable.close();
        } else if (report instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("closing the report failed: " + e.getMessage(), e);
            }
        }
    }

    private void closeBar() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }

    /**
     * Whether stderr is a terminal. Java 17 can only ask about stdin and stdout ({@link System#console()}); on Linux
     * the file descriptor's target tells (a pseudo-terminal or tty device), elsewhere the console check stands in.
     */
    static boolean stderrIsTerminal() {
        try {
            if (Files.exists(STDERR_FD)) {
                String target = Files.readSymbolicLink(STDERR_FD).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or no access: fall back below
        }
        return System.console() != null;
    }

    /** Bytes this process has read so far (Linux {@code /proc/self/io} rchar), or -1 when unknown. */
    private static long bytesRead() {
        try {
            for (String line : Files.readAllLines(PROC_IO)) {
                if (line.startsWith("rchar:")) {
                    return Long.parseLong(line.substring("rchar:".length()).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no procfs: count runs instead
        }
        return -1;
    }

    private static long totalBytes(List<Path> inputs) {
        long total = 0;
        for (Path input : inputs) {
            try (Stream<Path> files = Files.isDirectory(input) ? Files.walk(input) : Stream.of(input)) {
                total += files.filter(Files::isRegularFile)
                        .mapToLong(file -> {
                            try {
                                return Files.size(file);
                            } catch (IOException e) {
                                return 0;
                            }
                        })
                        .sum();
            } catch (IOException | RuntimeException e) {
                // a missing input is reported by the analysis itself
            }
        }
        return total;
    }
}
