package dev.vigil.health.notify;

import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.plugin.NotificationDeliveryException;
import dev.vigil.spi.plugin.NotificationPublisher;
import dev.vigil.spi.plugin.NotificationSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans a notification out to every sink concurrently (health.md §6, D2, D12, F10), implementing the spi port
 * {@link NotificationPublisher}.
 *
 * <ul>
 *   <li>Each sink is delivered to independently, on its own thread: a slow or failing sink never delays or stops the
 *       others. One attempt that runs longer than the send timeout is cut off (interrupted) and counts as a
 *       retryable timeout.
 *   <li>Retries follow the {@link RetryPolicy} (3 attempts, 0.1 s then 0.2 s by default), only for retryable
 *       failures: {@link NotificationDeliveryException#retryable()}, timeouts and other runtime exceptions;
 *       {@link IllegalStateException} and {@link IllegalArgumentException} end that sink's delivery at once.
 *   <li>{@link #dispatch} blocks until every sink has finished and returns how many accepted (D2).
 *   <li>{@link #close(Duration)} stops new dispatches, waits at most the drain budget for in-flight ones, closes the
 *       sinks and interrupts whatever is still running.
 * </ul>
 *
 * Waits between attempts go through an injectable {@link Sleeper} and the summary durations through an injectable
 * {@link Clock}, so tests run the backoff schedule on a fake clock. Thread-safe; concurrent dispatches are allowed.
 */
public final class NotificationDispatcher implements NotificationPublisher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    /**
     * Drain budget of {@link #close()} when the builder is given none; mirrors the default of
     * {@code api.lifecycle.notification_dispatcher_shutdown_seconds} (5.0), which the assembly passes explicitly.
     */
    public static final Duration DEFAULT_DRAIN_BUDGET = Duration.ofSeconds(5);

    private static final AtomicInteger DISPATCHER_IDS = new AtomicInteger();

    private final List<RegisteredSink> registered;
    private final NotificationSeverity minSeverity;
    private final BooleanSupplier enabled;
    private final RetryPolicy retryPolicy;
    private final Duration sendTimeout;
    private final Duration drainBudget;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ThreadFactory threadFactory;

    private final Object lifecycleLock = new Object();
    private final Object executorLock = new Object();
    private final Object drainLock = new Object();
    private final AtomicBoolean resolveFailing = new AtomicBoolean();

    private volatile List<RegisteredSink> active;
    private volatile boolean stopping;
    private boolean started; // guarded by lifecycleLock
    private ExecutorService executor; // guarded by executorLock
    private int inFlight; // guarded by drainLock

    /** A sink with its name read once (a sink whose name() throws is named after its class). */
    private record RegisteredSink(String name, NotificationSink sink) {}

    /** The outcome of one sink's delivery, all attempts included. */
    private record Delivery(boolean delivered, int attempts) {}

    /** The outcome of one attempt: null error means success. */
    private record Attempt(Throwable error, boolean retryable) {
        static final Attempt OK = new Attempt(null, false);
    }

    private NotificationDispatcher(Builder builder) {
        List<RegisteredSink> sinks = new ArrayList<>();
        for (NotificationSink sink : builder.sinks) {
            Objects.requireNonNull(sink, "sinks must not contain null");
            RegisteredSink entry = new RegisteredSink(nameOf(sink), sink);
            sinks.add(entry);
            LOG.atInfo()
                    .setMessage("vigil.notification.sink_registered")
                    .addKeyValue("sink_name", entry.name())
                    .log();
        }
        this.registered = List.copyOf(sinks);
        this.active = registered;
        this.minSeverity = builder.config.minSeverity();
        this.retryPolicy = builder.config.retryPolicy();
        this.sendTimeout = builder.config.sendTimeout();
        this.enabled = builder.enabled;
        this.drainBudget = builder.drainBudget;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        int id = DISPATCHER_IDS.incrementAndGet();
        AtomicInteger threadIds = new AtomicInteger();
        this.threadFactory = runnable -> {
            Thread thread = new Thread(runnable, "vigil-notify-" + id + "-" + threadIds.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Starts a dispatcher over {@code sinks}, in order. */
    public static Builder builder(List<? extends NotificationSink> sinks) {
        return new Builder(sinks);
    }

    /** The names of the sinks currently delivered to. */
    public List<String> activeSinkNames() {
        List<String> names = new ArrayList<>();
        for (RegisteredSink sink : active) {
            names.add(sink.name());
        }
        return List.copyOf(names);
    }

    /**
     * Starts every sink concurrently (each bounded by the send timeout); a sink whose start throws or times out is
     * removed from the active set with warning {@code vigil.notification.sink_start_failed}. Idempotent; allowed again
     * after {@link #close}.
     */
    public void start() {
        synchronized (lifecycleLock) {
            if (started) {
                return;
            }
            ExecutorService ex = executor();
            List<Future<?>> futures = new ArrayList<>();
            for (RegisteredSink entry : registered) {
                futures.add(ex.submit(entry.sink()::start));
            }
            List<RegisteredSink> ok = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < registered.size(); i++) {
                RegisteredSink entry = registered.get(i);
                Throwable error = await(futures.get(i));
                if (error == null) {
                    ok.add(entry);
                } else {
                    failed.add(entry.name());
                    LOG.atWarn()
                            .setMessage("vigil.notification.sink_start_failed")
                            .addKeyValue("sink_name", entry.name())
                            .addKeyValue("error_type", error.getClass().getSimpleName())
                            .addKeyValue("error", String.valueOf(error.getMessage()))
                            .log();
                }
            }
            active = List.copyOf(ok);
            stopping = false;
            started = true;
            LOG.atInfo()
                    .setMessage("vigil.notification.dispatcher_started")
                    .addKeyValue("sinks", activeSinkNames())
                    .addKeyValue("failed", List.copyOf(failed))
                    .log();
        }
    }

    /** {@link #dispatch}: the spi port. */
    @Override
    public int publish(Notification notification) {
        return dispatch(notification);
    }

    /**
     * Delivers {@code notification} to every active sink concurrently and returns how many accepted it (D2); 0 when
     * the dispatcher is stopping, paused by the kill switch, has no sinks, or the severity is below the minimum. Blocks
     * until every sink has finished. Delivery failures are logged and swallowed; an {@link Error} from a sink
     * propagates.
     */
    public int dispatch(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        if (stopping) {
            return filteredStopping(notification);
        }
        boolean on = killSwitchEnabled();
        if (stopping) {
            return filteredStopping(notification);
        }
        if (!on) {
            LOG.atDebug()
                    .setMessage("vigil.notification.dispatcher_paused")
                    .addKeyValue("notification_id", notification.id())
                    .addKeyValue("reason", "paused_by_setting")
                    .log();
            return 0;
        }
        List<RegisteredSink> sinks = active;
        if (sinks.isEmpty()) {
            LOG.atDebug()
                    .setMessage("vigil.notification.no_sinks")
                    .addKeyValue("notification_id", notification.id())
                    .log();
            return 0;
        }
        if (notification.severity().ordinal() < minSeverity.ordinal()) {
            LOG.atDebug()
                    .setMessage("vigil.notification.filtered")
                    .addKeyValue("notification_id", notification.id())
                    .addKeyValue("severity", notification.severity().wireName())
                    .addKeyValue("min_severity", minSeverity.wireName())
                    .log();
            return 0;
        }
        synchronized (drainLock) {
            // Checked again under the lock, so close() never misses a dispatch that is about to start.
            if (stopping) {
                return filteredStopping(notification);
            }
            inFlight++;
        }
        try {
            return fanOut(notification, sinks);
        } finally {
            synchronized (drainLock) {
                inFlight--;
                drainLock.notifyAll();
            }
        }
    }

    /** {@link #close(Duration)} with the builder's drain budget. */
    @Override
    public void close() {
        close(drainBudget);
    }

    /**
     * Stops accepting dispatches, waits up to {@code budget} for in-flight ones, then closes every sink concurrently
     * (failures logged as {@code vigil.notification.sink_close_failed}) and interrupts deliveries still running.
     * Idempotent; does nothing if not started.
     *
     * @return true when every in-flight dispatch finished within the budget
     */
    public boolean close(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        synchronized (lifecycleLock) {
            if (!started) {
                return true;
            }
            started = false;
            stopping = true;
            boolean drained = awaitDrain(budget);
            ExecutorService ex = executor();
            List<Future<?>> futures = new ArrayList<>();
            for (RegisteredSink entry : registered) {
                futures.add(ex.submit(entry.sink()::close));
            }
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < registered.size(); i++) {
                Throwable error = await(futures.get(i));
                if (error != null) {
                    failed.add(registered.get(i).name());
                    LOG.atWarn()
                            .setMessage("vigil.notification.sink_close_failed")
                            .addKeyValue("sink_name", registered.get(i).name())
                            .addKeyValue("error_type", error.getClass().getSimpleName())
                            .addKeyValue("error", String.valueOf(error.getMessage()))
                            .log();
                }
            }
            synchronized (executorLock) {
                executor = null;
            }
            ex.shutdownNow();
            LOG.atInfo()
                    .setMessage("vigil.notification.dispatcher_closed")
                    .addKeyValue("sinks", activeSinkNames())
                    .addKeyValue("failed", List.copyOf(failed))
                    .addKeyValue("drained", drained)
                    .log();
            return drained;
        }
    }

    private int fanOut(Notification notification, List<RegisteredSink> sinks) {
        Instant begin = clock.instant();
        ExecutorService ex = executor();
        List<Future<Delivery>> futures = new ArrayList<>(sinks.size());
        for (RegisteredSink sink : sinks) {
            try {
                futures.add(ex.submit(() -> deliver(ex, sink, notification)));
            } catch (RejectedExecutionException e) {
                futures.add(null); // closed under our feet: this sink is not delivered to
            }
        }
        int delivered = 0;
        Error error = null;
        boolean interrupted = false;
        for (Future<Delivery> future : futures) {
            if (future == null) {
                continue;
            }
            if (interrupted) {
                future.cancel(true);
                continue;
            }
            try {
                if (future.get().delivered()) {
                    delivered++;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                future.cancel(true);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error && error == null) {
                    error = (Error) e.getCause();
                }
            } catch (CancellationException e) {
                // counted as not delivered
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        int failed = sinks.size() - delivered;
        double seconds = Duration.between(begin, clock.instant()).toNanos() / 1e9;
        if (failed > 0) {
            LOG.atWarn()
                    .setMessage("vigil.notification.dispatch_failed")
                    .addKeyValue("notification_id", notification.id())
                    .addKeyValue("failed", failed)
                    .addKeyValue("total", sinks.size())
                    .addKeyValue("duration_seconds", seconds)
                    .log();
        } else {
            LOG.atDebug()
                    .setMessage("vigil.notification.dispatched")
                    .addKeyValue("notification_id", notification.id())
                    .addKeyValue("total", sinks.size())
                    .addKeyValue("duration_seconds", seconds)
                    .log();
        }
        if (error != null) {
            throw error;
        }
        return delivered;
    }

    /** One sink, every attempt; runs on a pool thread. */
    private Delivery deliver(ExecutorService ex, RegisteredSink sink, Notification notification) {
        int attempts = 0;
        Attempt attempt;
        while (true) {
            attempts++;
            attempt = attemptOnce(ex, sink, notification);
            if (attempt.error() == null) {
                return new Delivery(true, attempts);
            }
            if (!attempt.retryable() || attempts >= retryPolicy.maxAttempts()) {
                break;
            }
            Duration delay = retryPolicy.delay(attempts);
            LOG.atDebug()
                    .setMessage("vigil.notification.delivery_retry")
                    .addKeyValue("sink_name", sink.name())
                    .addKeyValue("attempt", attempts + 1)
                    .addKeyValue("delay_seconds", retryPolicy.delaySeconds(attempts))
                    .addKeyValue("error_type", attempt.error().getClass().getSimpleName())
                    .log();
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.atWarn()
                .setMessage("vigil.notification.dispatch_failed")
                .addKeyValue("sink_name", sink.name())
                .addKeyValue("notification_id", notification.id())
                .addKeyValue("attempts", attempts)
                .addKeyValue("error_type", attempt.error().getClass().getSimpleName())
                .addKeyValue("error", String.valueOf(attempt.error().getMessage()))
                .log();
        return new Delivery(false, attempts);
    }

    /** One send on its own thread, cut off at the send timeout. */
    private Attempt attemptOnce(ExecutorService ex, RegisteredSink sink, Notification notification) {
        Future<?> future;
        try {
            future = ex.submit(() -> sink.sink().send(notification));
        } catch (RejectedExecutionException e) {
            return new Attempt(e, false);
        }
        try {
            future.get(sendTimeout.toNanos(), TimeUnit.NANOSECONDS);
            return Attempt.OK;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            return new Attempt(cause, retryable(cause));
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Attempt(
                    new TimeoutException("send did not finish within " + sendTimeout.toNanos() / 1e9 + " s"), true);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Attempt(e, false);
        } catch (CancellationException e) {
            return new Attempt(e, false);
        }
    }

    /** F10: the sink's own verdict when it gives one; configuration and programming errors are final. */
    static boolean retryable(Throwable error) {
        if (error instanceof NotificationDeliveryException) {
            return ((NotificationDeliveryException) error).retryable();
        }
        return !(error instanceof IllegalStateException) && !(error instanceof IllegalArgumentException);
    }

    private boolean killSwitchEnabled() {
        try {
            boolean on = enabled.getAsBoolean();
            resolveFailing.set(false);
            return on;
        } catch (RuntimeException e) {
            // Fail-safe: an unreadable switch counts as enabled; warn once per streak of failures.
            if (resolveFailing.compareAndSet(false, true)) {
                LOG.atWarn()
                        .setMessage("vigil.notification.dispatcher_resolve_failed")
                        .addKeyValue("error_type", e.getClass().getSimpleName())
                        .addKeyValue("error", String.valueOf(e.getMessage()))
                        .log();
            }
            return true;
        }
    }

    private static int filteredStopping(Notification notification) {
        LOG.atDebug()
                .setMessage("vigil.notification.filtered")
                .addKeyValue("notification_id", notification.id())
                .addKeyValue("detail", "dispatcher_stopping")
                .log();
        return 0;
    }

    private boolean awaitDrain(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        synchronized (drainLock) {
            while (inFlight > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(drainLock, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return inFlight == 0;
                }
            }
            return true;
        }
    }

    /** Waits for a lifecycle call (start/close) up to the send timeout; returns its failure or null. */
    private Throwable await(Future<?> future) {
        try {
            future.get(sendTimeout.toNanos(), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            return e.getCause();
        } catch (TimeoutException e) {
            future.cancel(true);
            return new TimeoutException("did not finish within " + sendTimeout.toNanos() / 1e9 + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private ExecutorService executor() {
        synchronized (executorLock) {
            if (executor == null) {
                executor = Executors.newCachedThreadPool(threadFactory);
            }
            return executor;
        }
    }

    private static String nameOf(NotificationSink sink) {
        try {
            String name = sink.name();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (RuntimeException e) {
            // fall through to the class name
        }
        return sink.getClass().getSimpleName();
    }

    /** Builder of a {@link NotificationDispatcher}. */
    public static final class Builder {
        private final List<NotificationSink> sinks;
        private DispatcherConfig config = DispatcherConfig.DEFAULTS;
        private BooleanSupplier enabled = () -> true;
        private Duration drainBudget = DEFAULT_DRAIN_BUDGET;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(List<? extends NotificationSink> sinks) {
            this.sinks = List.copyOf(Objects.requireNonNull(sinks, "sinks"));
        }

        /** Minimum severity, retry policy and send timeout (default: the settings' defaults). */
        public Builder config(DispatcherConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** The live kill switch {@code notifications.dispatcher_enabled}, read at every dispatch (default on). */
        public Builder enabled(BooleanSupplier value) {
            this.enabled = Objects.requireNonNull(value, "enabled");
            return this;
        }

        /** The wait of {@link NotificationDispatcher#close()} for in-flight dispatches (default 5 s). */
        public Builder drainBudget(Duration value) {
            this.drainBudget = Objects.requireNonNull(value, "drainBudget");
            return this;
        }

        /** The clock for the summary durations (default UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How the backoff waits (default {@link Sleeper#SYSTEM}). */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** Builds the dispatcher (not started; call {@link NotificationDispatcher#start()}). */
        public NotificationDispatcher build() {
            return new NotificationDispatcher(this);
        }
    }
}
