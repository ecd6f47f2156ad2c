package dev.vigil.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The pipeline under the parallel analysis: input order out, bounded memory, failures surface. */
class OrderedPipelineTest {

    @Property(tries = 60)
    void deliversEveryResultInSubmissionOrder(
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 200) Integer> workMicros,
            @ForAll @IntRange(min = 1, max = 6) int threads,
            @ForAll @IntRange(min = 0, max = 4) int extraWindow) {
        List<Integer> delivered = new ArrayList<>();
        try (OrderedPipeline<Integer, Integer> pipeline = new OrderedPipeline<>(
                threads,
                threads + extraWindow,
                index -> {
                    // Uneven work, so later items often finish first.
                    LockSupport.parkNanos(workMicros.get(index) * 1_000L);
                    return index;
                },
                delivered::add)) {
            for (int i = 0; i < workMicros.size(); i++) {
                pipeline.submit(i);
            }
            pipeline.finish();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < workMicros.size(); i++) {
            expected.add(i);
        }
        assertEquals(expected, delivered);
    }

    @Property(tries = 20)
    void neverHoldsMoreThanTheWindowPlusTheWorkers(
            @ForAll @IntRange(min = 2, max = 6) int threads, @ForAll @IntRange(min = 0, max = 4) int extra) {
        int window = threads + extra;
        AtomicInteger alive = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try (OrderedPipeline<Integer, Integer> pipeline = new OrderedPipeline<>(threads, window, item -> item, item -> {
            LockSupport.parkNanos(200_000); // a slow report: results pile up behind it
            alive.decrementAndGet();
        })) {
            for (int i = 0; i < 200; i++) {
                peak.accumulateAndGet(alive.incrementAndGet(), Math::max);
                pipeline.submit(i);
            }
            pipeline.finish();
        }
        // Submitted but not yet delivered: the window, one being delivered, one being submitted.
        assertTrue(peak.get() <= window + 2, () -> "peak " + peak.get() + " for window " + window);
    }

    @Property(tries = 20)
    void heavyItemsWaitForRoomButEveryWorkerStaysBusy(
            @ForAll @IntRange(min = 2, max = 4) int threads,
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 1_000) Integer> weights) {
        long maxWeight = 1_500;
        AtomicInteger count = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong weight = new java.util.concurrent.atomic.AtomicLong();
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        try (OrderedPipeline<Integer, Integer> pipeline = new OrderedPipeline<>(
                threads,
                threads * 3,
                index -> (long) weights.get(index),
                maxWeight,
                index -> {
                    LockSupport.parkNanos(100_000);
                    return index;
                },
                index -> {
                    count.decrementAndGet();
                    weight.addAndGet(-weights.get(index));
                })) {
            for (int i = 0; i < weights.size(); i++) {
                int items = count.incrementAndGet();
                long total = weight.addAndGet(weights.get(i));
                // Counted before submit returns, so one item more than the pipeline holds may show here.
                if (items > threads + 2 && total > maxWeight + weights.get(i)) {
                    violations.add("item " + i + ": " + items + " items weighing " + total);
                }
                pipeline.submit(i);
            }
            pipeline.finish();
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void aFailingItemStopsThePipelineWithItsException() {
        IllegalStateException boom = new IllegalStateException("bad run");
        OrderedPipeline<Integer, Integer> pipeline = new OrderedPipeline<>(
                3,
                6,
                item -> {
                    if (item == 40) {
                        throw boom;
                    }
                    return item;
                },
                item -> {});
        try (pipeline) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
                for (int i = 0; i < 10_000; i++) {
                    pipeline.submit(i);
                }
                pipeline.finish();
            });
            assertSame(boom, thrown);
        }
    }

    @Test
    void aFailingDeliveryStopsThePipelineToo() {
        OrderedPipeline<Integer, Integer> pipeline = new OrderedPipeline<>(2, 4, item -> item, item -> {
            if (item == 7) {
                throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
            }
        });
        try (pipeline) {
            assertThrows(java.io.UncheckedIOException.class, () -> {
                for (int i = 0; i < 10_000; i++) {
                    pipeline.submit(i);
                }
                pipeline.finish();
            });
        }
    }

    @Test
    void oneThreadRunsEverythingInTheCallersThread() {
        Thread caller = Thread.currentThread();
        ConcurrentHashMap<Thread, Boolean> seen = new ConcurrentHashMap<>();
        try (OrderedPipeline<Integer, Integer> pipeline = new OrderedPipeline<>(
                1,
                1,
                item -> {
                    seen.put(Thread.currentThread(), true);
                    return item;
                },
                item -> seen.put(Thread.currentThread(), true))) {
            for (int i = 0; i < 5; i++) {
                pipeline.submit(i);
            }
            pipeline.finish();
        }
        assertEquals(java.util.Set.of(caller), seen.keySet());
    }

    @Test
    void rejectsAWindowSmallerThanTheWorkers() {
        assertThrows(
                IllegalArgumentException.class, () -> new OrderedPipeline<Integer, Integer>(4, 3, i -> i, i -> {}));
        assertThrows(
                IllegalArgumentException.class, () -> new OrderedPipeline<Integer, Integer>(0, 3, i -> i, i -> {}));
    }
}
