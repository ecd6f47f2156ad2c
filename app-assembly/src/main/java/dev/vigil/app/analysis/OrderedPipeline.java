package dev.vigil.app.analysis;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Applies {@code work} to items on a pool of worker threads and hands the results to {@code deliver} one at a time,
 * on one delivery thread, in the order the items were submitted. Memory stays bounded: each worker holds one item, and
 * at most {@code window} results (finished or not) wait for their turn; {@link #submit} blocks while the window is
 * full, and also while the items not yet delivered weigh more than {@code maxWeight} in total (so a few huge items,
 * such as runs of 100,000 steps, do not fill the window), except that {@code threads + 1} items may always be in
 * flight, so every worker stays busy. With one thread everything runs in the caller's thread, as a plain loop would.
 *
 * <p>The first exception thrown by {@code work} or {@code deliver} stops the pipeline: later {@link #submit} and
 * {@link #finish} calls throw it (an unchecked exception or error as it was, anything else wrapped).
 */
final class OrderedPipeline<I, O> implements AutoCloseable {

    /** How long a blocked {@link #submit} waits before it looks again whether delivery failed. */
    private static final long POLL_MILLIS = 50;

    private static final AtomicInteger PIPELINES = new AtomicInteger();

    private final Function<I, O> work;
    private final Consumer<O> deliver;
    private final ExecutorService workers;
    private final BlockingQueue<Pending<O>> waiting;
    private final Pending<O> end = new Pending<>(CompletableFuture.completedFuture(null), 0);
    private final Thread deliverer;
    private final ToLongFunction<I> weigher;
    private final long maxWeight;
    private final int alwaysAdmitted;
    private final Object weightLock = new Object();
    /** Items submitted and not yet delivered, and their total weight; guarded by {@code weightLock}. */
    private int inFlight;

    private long inFlightWeight;
    private volatile Throwable failure;

    /** A result on its way, with the weight its item holds until delivered. */
    private record Pending<O>(Future<O> result, long weight) {}

    /**
     * @param threads worker threads; 1 runs work and delivery in the caller's thread
     * @param window results that may wait for delivery (in flight or finished), at least {@code threads}
     */
    OrderedPipeline(int threads, int window, Function<I, O> work, Consumer<O> deliver) {
        this(threads, window, item -> 0L, Long.MAX_VALUE, work, deliver);
    }

    /**
     * @param threads worker threads; 1 runs work and delivery in the caller's thread
     * @param window results that may wait for delivery (in flight or finished), at least {@code threads}
     * @param weigher an item's weight (for runs: their steps), &ge; 0
     * @param maxWeight the total weight of undelivered items beyond which {@link #submit} waits
     */
    OrderedPipeline(
            int threads,
            int window,
            ToLongFunction<I> weigher,
            long maxWeight,
            Function<I, O> work,
            Consumer<O> deliver) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (window < threads) {
            throw new IllegalArgumentException("window must be >= threads (" + threads + "), got " + window);
        }
        this.work = work;
        this.deliver = deliver;
        this.weigher = weigher;
        this.maxWeight = maxWeight;
        this.alwaysAdmitted = threads + 1;
        if (threads == 1) {
            workers = null;
            waiting = null;
            deliverer = null;
            return;
        }
        int id = PIPELINES.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "vigil-analysis-" + id + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        waiting = new ArrayBlockingQueue<>(window);
        deliverer = new Thread(this::deliverInOrder, "vigil-analysis-" + id + "-delivery");
        deliverer.setDaemon(true);
        deliverer.start();
    }

    /**
     * Hands {@code item} to a worker; blocks while {@code window} results wait for delivery or the undelivered items
     * weigh too much.
     */
    void submit(I item) {
        rethrowFailure();
        if (workers == null) {
            deliver.accept(work.apply(item));
            return;
        }
        long weight = Math.max(0L, weigher.applyAsLong(item));
        try {
            admit(weight);
            Pending<O> pending = new Pending<>(workers.submit(() -> work.apply(item)), weight);
            while (!waiting.offer(pending, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to submit", e);
        }
    }

    private void admit(long weight) throws InterruptedException {
        synchronized (weightLock) {
            while (inFlight >= alwaysAdmitted && inFlightWeight + weight > maxWeight) {
                rethrowFailure();
                weightLock.wait(POLL_MILLIS);
            }
            inFlight++;
            inFlightWeight += weight;
        }
    }

    private void release(long weight) {
        synchronized (weightLock) {
            inFlight--;
            inFlightWeight -= weight;
            weightLock.notifyAll();
        }
    }

    /** Waits until every submitted item is delivered, then rethrows the first failure, if any. */
    void finish() {
        if (workers != null) {
            try {
                while (deliverer.isAlive() && !waiting.offer(end, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    rethrowFailure();
                }
                deliverer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the analysis to finish", e);
            }
        }
        rethrowFailure();
    }

    /** Stops the threads; results not yet delivered are dropped. */
    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
            if (deliverer.isAlive()) {
                deliverer.interrupt();
            }
        }
    }

    private void deliverInOrder() {
        try {
            while (true) {
                Pending<O> next = waiting.take();
                if (next == end) {
                    return;
                }
                O result = next.result().get();
                deliver.accept(result);
                release(next.weight());
            }
        } catch (ExecutionException e) {
            failure = e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        // Unblock a submitter waiting for room; it will see the failure.
        Pending<O> dropped;
        while ((dropped = waiting.poll()) != null) {
            dropped.result().cancel(true);
        }
        synchronized (weightLock) {
            weightLock.notifyAll();
        }
    }

    private void rethrowFailure() {
        Throwable thrown = failure;
        if (thrown == null) {
            return;
        }
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("analysis failed: " + thrown, thrown);
    }
}
