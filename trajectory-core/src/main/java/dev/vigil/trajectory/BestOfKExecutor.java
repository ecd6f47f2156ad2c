package dev.vigil.trajectory;

import dev.vigil.spi.model.Candidate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live best-of-K executor (trajectory.md §6): samples K candidate trajectories in parallel and returns the one
 * {@link TrajectoryScorer#selectBest} picks among those that finished.
 *
 * <ul>
 *   <li>A sampler that throws (or returns null, or a candidate with another index) is dropped, with warning {@code
 *       vigil.trajectory.candidate_failed}. Only when every sampler fails does the call fail.
 *   <li>Samplers still running at the deadline are cancelled (interrupted) and dropped, so one hung sampler cannot
 *       hold the selection forever.
 *   <li>A {@link java.lang.Error} thrown by a sampler cancels the others and propagates at once.
 *   <li>No task of the call is left running on the executor when the call returns: unfinished tasks are cancelled
 *       with interruption. With {@link #withOwnThreads}, each call uses its own pool of K daemon threads and shuts it
 *       down before returning, so its threads end as soon as their samplers honour the interrupt. A sampler that
 *       ignores interruption keeps its thread until it returns; its result is discarded.
 * </ul>
 *
 * <p>Thread-safe: one executor object may serve concurrent calls.
 */
public final class BestOfKExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(BestOfKExecutor.class);
    private static final AtomicInteger POOL_SEQUENCE = new AtomicInteger();

    /** Null means a fresh pool of K threads per call. */
    private final ExecutorService executor;

    private final double deadlineSeconds;

    private BestOfKExecutor(ExecutorService executor, double deadlineSeconds) {
        this.executor = executor;
        this.deadlineSeconds = Checks.positive("deadlineSeconds", deadlineSeconds);
    }

    /**
     * An executor that runs the samplers on the caller's executor service, which bounds the parallelism (a pool
     * smaller than K runs the candidates in waves, all under the one deadline). The caller keeps ownership: it is never
     * shut down here.
     *
     * @param deadlineSeconds wall-clock limit per call, {@code > 0}
     */
    public static BestOfKExecutor on(ExecutorService executor, double deadlineSeconds) {
        return new BestOfKExecutor(Checks.required("executor", executor), deadlineSeconds);
    }

    /** An executor that creates and shuts down its own pool of K daemon threads on every call. */
    public static BestOfKExecutor withOwnThreads(double deadlineSeconds) {
        return new BestOfKExecutor(null, deadlineSeconds);
    }

    /**
     * An executor with the config's deadline ({@code engine.trajectory.best_of_k_deadline_seconds}).
     *
     * @param executor the caller's executor service, or null for a fresh pool per call
     */
    public static BestOfKExecutor from(TrajectoryConfig config, ExecutorService executor) {
        Checks.required("config", config);
        return new BestOfKExecutor(executor, config.bestOfKDeadlineSeconds());
    }

    /** The wall-clock limit of one call, in seconds. */
    public double deadlineSeconds() {
        return deadlineSeconds;
    }

    /**
     * Calls {@code sampler} for indices 0 … k−1 in parallel and returns {@link TrajectoryScorer#selectBest} over the
     * candidates that finished in time, in index order.
     *
     * @param k how many candidates to sample, {@code >= 1} (the gate uses {@link TrajectoryConfig#kCandidates()})
     * @param sampler builds candidate {@code i} for index {@code i}; it should honour thread interruption
     * @throws IllegalStateException {@code all <k> candidates failed} when no candidate survives (the failures are
     *     attached as suppressed exceptions)
     * @throws CancellationException when the calling thread is interrupted while waiting (its interrupt flag is set
     *     again)
     * @throws java.util.concurrent.RejectedExecutionException when the caller's executor refuses the tasks
     */
    public Candidate runBestOfK(int k, IntFunction<Candidate> sampler) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        Checks.required("sampler", sampler);
        long budgetNanos = deadlineNanos();
        long start = System.nanoTime();

        ExecutorService pool = executor != null ? executor : ownPool(k);
        CompletionService<Candidate> completion = new ExecutorCompletionService<>(pool);
        List<Future<Candidate>> futures = new ArrayList<>(k);
        Map<Future<Candidate>, Integer> indexOf = new IdentityHashMap<>();
        Candidate[] survivors = new Candidate[k];
        boolean[] settled = new boolean[k];
        List<Throwable> failures = new ArrayList<>();
        try {
            for (int i = 0; i < k; i++) {
                int index = i;
                Future<Candidate> future = completion.submit(() -> sampler.apply(index));
                futures.add(future);
                indexOf.put(future, index);
            }
            int pending = k;
            while (pending > 0) {
                long remaining = budgetNanos - (System.nanoTime() - start);
                if (remaining <= 0) {
                    break;
                }
                Future<Candidate> done = completion.poll(remaining, TimeUnit.NANOSECONDS);
                if (done == null) {
                    break;
                }
                pending--;
                int index = indexOf.get(done);
                settled[index] = true;
                settle(done, index, survivors, failures);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("best-of-K interrupted while waiting");
            cancelled.initCause(e);
            throw cancelled;
        } finally {
            for (Future<Candidate> future : futures) {
                future.cancel(true);
            }
            if (executor == null) {
                pool.shutdownNow();
            }
        }

        // Candidates not settled in the loop either missed the deadline (now cancelled) or finished just before it.
        for (int i = 0; i < futures.size(); i++) {
            if (settled[i]) {
                continue;
            }
            Future<Candidate> future = futures.get(i);
            if (future.isCancelled()) {
                TimeoutException timeout =
                        new TimeoutException("candidate did not finish within " + deadlineSeconds + " s");
                logFailure(i, timeout);
                failures.add(timeout);
            } else {
                settle(future, i, survivors, failures);
            }
        }

        List<Candidate> finished = new ArrayList<>(k);
        for (Candidate candidate : survivors) {
            if (candidate != null) {
                finished.add(candidate);
            }
        }
        if (finished.isEmpty()) {
            IllegalStateException allFailed = new IllegalStateException("all " + k + " candidates failed");
            failures.forEach(allFailed::addSuppressed);
            throw allFailed;
        }
        return TrajectoryScorer.selectBest(finished);
    }

    /** Records a finished task's candidate, or logs and records its failure; an Error propagates. */
    private static void settle(Future<Candidate> done, int index, Candidate[] survivors, List<Throwable> failures) {
        Throwable failure;
        try {
            Candidate candidate = done.get();
            if (candidate == null) {
                failure = new IllegalStateException("sampler returned null");
            } else if (candidate.candidateIndex() != index) {
                failure = new IllegalStateException(
                        "sampler for index " + index + " returned candidateIndex " + candidate.candidateIndex());
            } else {
                survivors[index] = candidate;
                return;
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof Error error) {
                throw error;
            }
            failure = cause;
        } catch (InterruptedException e) {
            // Not reachable: the future is done. Keep the flag and treat the candidate as failed.
            Thread.currentThread().interrupt();
            failure = e;
        }
        logFailure(index, failure);
        failures.add(failure);
    }

    private static void logFailure(int index, Throwable failure) {
        String type = failure.getClass().getSimpleName();
        LOG.atWarn()
                .setMessage("vigil.trajectory.candidate_failed")
                .addKeyValue("candidate_index", index)
                .addKeyValue("error_type", type.isEmpty() ? failure.getClass().getName() : type)
                .addKeyValue("error", failure.getMessage() != null ? failure.getMessage() : failure.toString())
                .log();
    }

    private long deadlineNanos() {
        double nanos = deadlineSeconds * 1e9;
        return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
    }

    private static ExecutorService ownPool(int k) {
        int pool = POOL_SEQUENCE.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread t = new Thread(runnable, "vigil-best-of-k-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(k, factory);
    }
}
