package dev.vigil.coordination;

import dev.vigil.coordination.internal.RunStatistics;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.settings.Settings;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-agent baseline (coordination.md §4): a thread-safe sliding window over the newest single-agent runs.
 * Its four means (turns, error rate, tokens, duration) are what the team metrics compare against. Keep one store for
 * the life of the process; in batch analysis every single-agent run is recorded before any team run is collected
 * (F11).
 */
public final class BaselineStore {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineStore.class);

    private final Deque<BaselineRecord> window = new ArrayDeque<>();
    private final Clock clock;
    private int windowSize;

    /** A store with the default window of 50 ({@code coordination.baseline.window_size}). */
    public BaselineStore() {
        this(CoordinationSettings.BASELINE_WINDOW_SIZE.defaultValue());
    }

    /**
     * A store keeping the newest {@code windowSize} records.
     *
     * @throws IllegalArgumentException {@code windowSize must be positive, got <n>}
     */
    public BaselineStore(int windowSize) {
        this(windowSize, Clock.systemUTC());
    }

    /** A store whose {@link #record(Run)} stamps records with {@code clock}. */
    public BaselineStore(int windowSize, Clock clock) {
        this.windowSize = checkWindowSize(windowSize);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A store sized by {@code coordination.baseline.window_size}. */
    public static BaselineStore from(Settings settings) {
        return new BaselineStore(settings.get(CoordinationSettings.BASELINE_WINDOW_SIZE));
    }

    /**
     * Appends {@code record}, evicting the oldest beyond the window, and logs {@code
     * vigil.coordination.baseline_recorded}.
     */
    public void record(BaselineRecord record) {
        Objects.requireNonNull(record, "record");
        int size;
        int currentWindow;
        synchronized (this) {
            window.addLast(record);
            while (window.size() > windowSize) {
                window.removeFirst();
            }
            size = window.size();
            currentWindow = windowSize;
        }
        LOG.atInfo()
                .setMessage("vigil.coordination.baseline_recorded")
                .addKeyValue("agent_id", record.agentId())
                .addKeyValue("task_id", record.taskId())
                .addKeyValue("turns", record.turns())
                .addKeyValue("store_size", size)
                .addKeyValue("window_size", currentWindow)
                .log();
    }

    /**
     * Records one single-agent run the way the collector does (§6 step 4): turns = its turn count, error rate = share
     * of ERROR/CONTENT_FILTER turns, tokens = Σ totalTokens, duration = {@link Run#durationSeconds()} (F2). A run
     * without turns, or with a duration that is not finite and > 0, is not recorded.
     *
     * @return true when a record was added
     */
    public boolean record(Run run) {
        Objects.requireNonNull(run, "run");
        RunStatistics stats = RunStatistics.of(run.turns());
        double duration = run.durationSeconds();
        if (stats.turns() <= 0 || !Double.isFinite(duration) || duration <= 0.0) {
            return false;
        }
        record(new BaselineRecord(
                run.agentId(),
                run.taskId(),
                stats.turns(),
                stats.errorRate(),
                (double) stats.totalTokens(),
                duration,
                clock.instant()));
        return true;
    }

    /**
     * Resizes the window, keeping the newest {@code n} records, and logs {@code
     * vigil.coordination.baseline_window_changed} (previous, current, retained). The assembly calls it when {@code
     * coordination.baseline.window_size} changes.
     *
     * @throws IllegalArgumentException {@code windowSize must be positive, got <n>}
     */
    public void setWindowSize(int n) {
        checkWindowSize(n);
        int previous;
        int retained;
        synchronized (this) {
            previous = windowSize;
            windowSize = n;
            while (window.size() > windowSize) {
                window.removeFirst();
            }
            retained = window.size();
        }
        LOG.atInfo()
                .setMessage("vigil.coordination.baseline_window_changed")
                .addKeyValue("previous", previous)
                .addKeyValue("current", n)
                .addKeyValue("retained", retained)
                .log();
    }

    /** The current window size. */
    public synchronized int windowSize() {
        return windowSize;
    }

    /** The number of records in the window. */
    public synchronized int size() {
        return window.size();
    }

    /** The records in the window, oldest first. */
    public synchronized List<BaselineRecord> records() {
        return List.copyOf(window);
    }

    /** The exact mean of the window's turns, or null (logging {@code baseline_insufficient}) when it is empty. */
    public Double baselineTurns() {
        return mean("turns", BaselineRecord::turns);
    }

    /** The exact mean of the window's error rates, or null when it is empty. */
    public Double baselineErrorRate() {
        return mean("error_rate", BaselineRecord::errorRate);
    }

    /** The exact mean of the window's total tokens, or null when it is empty. */
    public Double baselineTokens() {
        return mean("total_tokens", BaselineRecord::totalTokens);
    }

    /** The exact mean of the window's durations in seconds, or null when it is empty. */
    public Double baselineDuration() {
        return mean("duration_seconds", BaselineRecord::durationSeconds);
    }

    private Double mean(String metric, ToDoubleFunction<BaselineRecord> field) {
        List<Double> values = new ArrayList<>();
        synchronized (this) {
            for (BaselineRecord record : window) {
                values.add(field.applyAsDouble(record));
            }
        }
        if (values.isEmpty()) {
            LOG.atDebug()
                    .setMessage("vigil.coordination.baseline_insufficient")
                    .addKeyValue("metric", metric)
                    .log();
            return null;
        }
        return CoordinationFormulas.exactMean(values);
    }

    private static int checkWindowSize(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("windowSize must be positive, got " + n);
        }
        return n;
    }
}
