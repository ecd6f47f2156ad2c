package dev.vigil.trajectory;

import static dev.vigil.trajectory.Fixtures.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.spi.model.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.event.Level;

/** The live best-of-K executor of trajectory.md §6 (issue 6): failures, deadline, Error, threads. */
class BestOfKExecutorTest {

    /** How one sampler behaves. */
    enum Behaviour {
        OK,
        THROW,
        HANG,
        NULL
    }

    /** A varied but fixed candidate for index i, so that scores differ and a majority sometimes exists. */
    static Candidate fixedCandidate(int i) {
        Double vc = i % 3 == 0 ? null : 40.0 + 10 * i;
        String[] tools = i % 2 == 0 ? new String[] {"A"} : new String[] {"B"};
        return candidate(i, vc, 100L + 37L * ((i * 7) % 5), tools);
    }

    private static final class Samplers implements IntFunction<Candidate> {
        private final List<Behaviour> behaviours;
        private final long[] delaysMs;
        final AtomicInteger interrupted = new AtomicInteger();

        Samplers(List<Behaviour> behaviours, long seed) {
            this.behaviours = behaviours;
            Random random = new Random(seed);
            this.delaysMs = new long[behaviours.size()];
            for (int i = 0; i < delaysMs.length; i++) {
                delaysMs[i] = random.nextInt(40);
            }
        }

        @Override
        public Candidate apply(int index) {
            try {
                Thread.sleep(delaysMs[index]);
                switch (behaviours.get(index)) {
                    case THROW:
                        throw new IllegalStateException("sampler " + index + " broke");
                    case HANG:
                        new CountDownLatch(1).await();
                        throw new AssertionError("unreachable");
                    case NULL:
                        return null;
                    default:
                        return fixedCandidate(index);
                }
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        List<Candidate> survivors() {
            List<Candidate> survivors = new ArrayList<>();
            for (int i = 0; i < behaviours.size(); i++) {
                if (behaviours.get(i) == Behaviour.OK) {
                    survivors.add(fixedCandidate(i));
                }
            }
            return survivors;
        }
    }

    @Property(tries = 20)
    void resultEqualsSelectBestOverTheSurvivors(
            @ForAll @Size(min = 1, max = 5) List<Behaviour> behaviours,
            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Samplers samplers = new Samplers(behaviours, seed);
        BestOfKExecutor executor = BestOfKExecutor.withOwnThreads(0.5);
        List<Candidate> survivors = samplers.survivors();
        if (survivors.isEmpty()) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> executor.runBestOfK(behaviours.size(), samplers));
            assertEquals("all " + behaviours.size() + " candidates failed", e.getMessage());
            assertEquals(behaviours.size(), e.getSuppressed().length);
        } else {
            Candidate result = executor.runBestOfK(behaviours.size(), samplers);
            assertEquals(
                    TrajectoryScorer.selectBest(survivors).candidateIndex(),
                    result.candidateIndex(),
                    behaviours.toString());
        }
        awaitNoExecutorThreads();
    }

    @Test
    void randomCompletionOrderGivesTheIndexOrderSelection() {
        for (int seed = 0; seed < 10; seed++) {
            Samplers samplers = new Samplers(List.of(Behaviour.OK, Behaviour.OK, Behaviour.OK, Behaviour.OK), seed);
            Candidate result = BestOfKExecutor.withOwnThreads(5.0).runBestOfK(4, samplers);
            assertEquals(TrajectoryScorer.selectBest(samplers.survivors()).candidateIndex(), result.candidateIndex());
        }
    }

    @Test
    void equalScoresStillGoToTheLowestIndexWhateverFinishesFirst() {
        // Index 0 finishes last; all scores are equal; D13 over index order picks 0.
        IntFunction<Candidate> sampler = i -> {
            sleep(i == 0 ? 80 : 0);
            return candidate(i, null, 100);
        };
        assertEquals(
                0, BestOfKExecutor.withOwnThreads(5.0).runBestOfK(3, sampler).candidateIndex());
    }

    @Test
    void failingSamplersAreDroppedAndLogged() {
        IntFunction<Candidate> sampler = i -> {
            if (i == 1) {
                throw new IllegalArgumentException("no model");
            }
            return fixedCandidate(i);
        };
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            Candidate result = BestOfKExecutor.withOwnThreads(5.0).runBestOfK(3, sampler);
            assertEquals(
                    TrajectoryScorer.selectBest(List.of(fixedCandidate(0), fixedCandidate(2)))
                            .candidateIndex(),
                    result.candidateIndex());
            List<CapturingLogProvider.Event> failed = logs.named("vigil.trajectory.candidate_failed");
            assertEquals(1, failed.size());
            assertEquals(Level.WARN, failed.get(0).level());
            assertEquals(
                    Map.of("candidate_index", 1, "error_type", "IllegalArgumentException", "error", "no model"),
                    failed.get(0).fields());
        }
    }

    @Test
    void nullAndMisindexedCandidatesAreDropped() {
        IntFunction<Candidate> sampler = i -> switch (i) {
            case 0 -> null;
            case 1 -> fixedCandidate(7);
            default -> fixedCandidate(i);
        };
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            assertEquals(
                    2,
                    BestOfKExecutor.withOwnThreads(5.0).runBestOfK(3, sampler).candidateIndex());
            assertEquals(2, logs.named("vigil.trajectory.candidate_failed").size());
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void hungSamplerIsCancelledAtTheDeadline() {
        AtomicBoolean interrupted = new AtomicBoolean();
        IntFunction<Candidate> sampler = i -> {
            if (i == 2) {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("cancelled", e);
                }
            }
            return fixedCandidate(i);
        };
        int before = liveThreads();
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            long start = System.nanoTime();
            Candidate result = BestOfKExecutor.withOwnThreads(0.3).runBestOfK(3, sampler);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds >= 0.29 && seconds < 5.0, "took " + seconds + " s");
            assertEquals(
                    TrajectoryScorer.selectBest(List.of(fixedCandidate(0), fixedCandidate(1)))
                            .candidateIndex(),
                    result.candidateIndex());
            List<CapturingLogProvider.Event> failed = logs.named("vigil.trajectory.candidate_failed");
            assertEquals(1, failed.size());
            assertEquals(2, failed.get(0).fields().get("candidate_index"));
            assertEquals("TimeoutException", failed.get(0).fields().get("error_type"));
            assertEquals(
                    "candidate did not finish within 0.3 s",
                    failed.get(0).fields().get("error"));
        }
        awaitThreadCount(before);
        assertTrue(interrupted.get(), "the hung sampler was interrupted");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void everySamplerHangingFailsAfterTheDeadline() {
        int before = liveThreads();
        IntFunction<Candidate> sampler = i -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BestOfKExecutor.withOwnThreads(0.2)
                .runBestOfK(2, sampler));
        assertEquals("all 2 candidates failed", e.getMessage());
        awaitThreadCount(before);
    }

    @Test
    void errorPropagatesAtOnceAndCancelsTheOthers() {
        AtomicInteger othersInterrupted = new AtomicInteger();
        // The Error is thrown only once the two other samplers are running, so both must be interrupted.
        CountDownLatch othersRunning = new CountDownLatch(2);
        IntFunction<Candidate> sampler = i -> {
            try {
                if (i == 0) {
                    othersRunning.await();
                    throw new StackOverflowError("deep");
                }
                othersRunning.countDown();
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                othersInterrupted.incrementAndGet();
                Thread.currentThread().interrupt();
            }
            return null;
        };
        int before = liveThreads();
        long start = System.nanoTime();
        StackOverflowError error = assertThrows(StackOverflowError.class, () -> BestOfKExecutor.withOwnThreads(60.0)
                .runBestOfK(3, sampler));
        assertEquals("deep", error.getMessage());
        assertTrue((System.nanoTime() - start) / 1e9 < 30.0, "did not wait for the deadline");
        awaitThreadCount(before);
        assertEquals(2, othersInterrupted.get());
    }

    @Test
    void runtimeExceptionsDoNotFailTheCallButAllFailingDoes() {
        IntFunction<Candidate> sampler = i -> {
            throw new UnsupportedOperationException("nope " + i);
        };
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> BestOfKExecutor.withOwnThreads(5.0)
                            .runBestOfK(4, sampler));
            assertEquals("all 4 candidates failed", e.getMessage());
            assertEquals(4, e.getSuppressed().length);
            assertEquals(4, logs.named("vigil.trajectory.candidate_failed").size());
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void callerSuppliedBoundedExecutorRunsInWavesAndIsNotShutDown() throws InterruptedException {
        int before = liveThreads();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
        try {
            AtomicInteger concurrent = new AtomicInteger();
            AtomicInteger maxConcurrent = new AtomicInteger();
            IntFunction<Candidate> sampler = i -> {
                int now = concurrent.incrementAndGet();
                maxConcurrent.accumulateAndGet(now, Math::max);
                sleep(30);
                concurrent.decrementAndGet();
                return fixedCandidate(i);
            };
            BestOfKExecutor executor = BestOfKExecutor.on(pool, 5.0);
            Candidate result = executor.runBestOfK(5, sampler);
            List<Candidate> all = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                all.add(fixedCandidate(i));
            }
            assertEquals(TrajectoryScorer.selectBest(all).candidateIndex(), result.candidateIndex());
            assertTrue(maxConcurrent.get() <= 2, "bounded by the pool: " + maxConcurrent.get());
            assertFalse(pool.isShutdown(), "the caller's executor stays open");
            // Reusable: a second call on the same executor.
            assertEquals(
                    result.candidateIndex(), executor.runBestOfK(5, sampler).candidateIndex());
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        }
        awaitThreadCount(before);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void callerExecutorHasNoTaskLeftRunningAfterADeadline() throws InterruptedException {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(3);
        try {
            IntFunction<Candidate> sampler = i -> {
                if (i > 0) {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("cancelled", e);
                    }
                }
                return fixedCandidate(i);
            };
            assertEquals(0, BestOfKExecutor.on(pool, 0.2).runBestOfK(3, sampler).candidateIndex());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (pool.getActiveCount() > 0 && System.nanoTime() < deadline) {
                sleep(10);
            }
            assertEquals(0, pool.getActiveCount(), "hung tasks were cancelled with interruption");
            assertTrue(pool.getQueue().isEmpty());
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void rejectedSubmissionPropagates() {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        assertThrows(RejectedExecutionException.class, () -> BestOfKExecutor.on(closed, 1.0)
                .runBestOfK(2, Fixtures::candidateOf));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void interruptedCallerGetsCancellationAndKeepsTheFlag() throws InterruptedException {
        int before = liveThreads();
        AtomicBoolean sawCancellation = new AtomicBoolean();
        AtomicBoolean flagKept = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                BestOfKExecutor.withOwnThreads(60.0).runBestOfK(2, i -> {
                    started.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            } catch (CancellationException e) {
                sawCancellation.set(true);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(5000);
        assertFalse(caller.isAlive());
        assertTrue(sawCancellation.get());
        assertTrue(flagKept.get());
        awaitThreadCount(before);
    }

    @Test
    void argumentsAreValidated() {
        BestOfKExecutor executor = BestOfKExecutor.withOwnThreads(1.0);
        assertEquals(
                "k must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> executor.runBestOfK(0, Fixtures::candidateOf))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> executor.runBestOfK(2, null));
        assertEquals(
                "deadlineSeconds must be > 0.0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> BestOfKExecutor.withOwnThreads(0.0))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> BestOfKExecutor.withOwnThreads(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BestOfKExecutor.on(null, 1.0));
        assertEquals(
                300.0, BestOfKExecutor.from(TrajectoryConfig.DEFAULTS, null).deadlineSeconds());
    }

    @Test
    void singleCandidateIsReturned() {
        assertEquals(
                0,
                BestOfKExecutor.withOwnThreads(1.0)
                        .runBestOfK(1, Fixtures::candidateOf)
                        .candidateIndex());
    }

    // --- thread accounting ---

    private static int liveThreads() {
        return Thread.getAllStackTraces().size();
    }

    private static long executorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("vigil-best-of-k-"))
                .count();
    }

    private static void awaitNoExecutorThreads() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (executorThreads() > 0 && System.nanoTime() < deadline) {
            sleep(5);
        }
        assertEquals(0, executorThreads(), "best-of-K threads still alive");
    }

    /** Threads end asynchronously after the pool is shut down; wait briefly for the count to come back. */
    private static void awaitThreadCount(int expected) {
        awaitNoExecutorThreads();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (liveThreads() > expected && System.nanoTime() < deadline) {
            sleep(5);
        }
        if (liveThreads() > expected) {
            fail("thread count " + liveThreads() + " did not return to " + expected + ": "
                    + Thread.getAllStackTraces().keySet());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
