package dev.vigil.health.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.vigil.health.CapturingLogs;
import dev.vigil.health.FakeClock;
import dev.vigil.health.Fixtures;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.NotificationCategory;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.plugin.NotificationDeliveryException;
import dev.vigil.spi.plugin.NotificationSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * examples.md §11 with Mockito-stubbed sinks: 3 attempts, 0.1 s base, 1.0 s cap. Backoff waits go through a fake
 * sleeper that advances a fake clock, so the schedule is exact and no test sleeps for it.
 */
class NotificationDispatcherTest {

    private final FakeClock clock = new FakeClock(Fixtures.T0);
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final Sleeper fakeSleeper = duration -> {
        waits.add(duration);
        clock.advance(duration);
    };
    private final List<NotificationDispatcher> toClose = new ArrayList<>();

    @AfterEach
    void closeDispatchers() {
        toClose.forEach(d -> d.close(Duration.ofSeconds(1)));
    }

    @Test
    void aSinkFailingEveryTimeIsTriedThreeTimesWhileTheOthersDeliver() {
        NotificationSink console = sink("console");
        NotificationSink webhook = sink("webhook");
        NotificationSink ntfy = sink("ntfy");
        doThrow(new NotificationDeliveryException("HTTP 500", true))
                .when(webhook)
                .send(any());
        NotificationDispatcher dispatcher = started(List.of(console, webhook, ntfy), RetryPolicy.DEFAULTS);

        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            assertEquals(2, dispatcher.dispatch(warning()));

            verify(webhook, times(3)).send(any());
            verify(console, times(1)).send(any());
            verify(ntfy, times(1)).send(any());
            assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
            List<CapturingLogs.Event> failed = logs.named("vigil.notification.dispatch_failed");
            assertEquals(2, failed.size());
            CapturingLogs.Event perSink = failed.stream()
                    .filter(e -> "webhook".equals(e.field("sink_name")))
                    .findFirst()
                    .orElseThrow();
            assertEquals(3, perSink.field("attempts"));
            assertEquals("NotificationDeliveryException", perSink.field("error_type"));
            assertEquals("HTTP 500", perSink.field("error"));
            CapturingLogs.Event summary = failed.stream()
                    .filter(e -> e.fields().containsKey("total"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(1, summary.field("failed"));
            assertEquals(3, summary.field("total"));
            List<CapturingLogs.Event> retries = logs.named("vigil.notification.delivery_retry");
            assertEquals(
                    List.of(2, 3),
                    List.of(retries.get(0).field("attempt"), retries.get(1).field("attempt")));
            assertEquals(
                    List.of(0.1, 0.2),
                    List.of(
                            retries.get(0).field("delay_seconds"),
                            retries.get(1).field("delay_seconds")));
        }
    }

    @Test
    void aTransientFailureIsRetriedOnTheFakeClock() {
        NotificationSink webhook = sink("webhook");
        List<Instant> attemptTimes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        doAnswer(invocation -> {
                    attemptTimes.add(clock.instant());
                    if (calls.incrementAndGet() < 3) {
                        throw new NotificationDeliveryException("HTTP 429", true);
                    }
                    return null;
                })
                .when(webhook)
                .send(any());
        NotificationDispatcher dispatcher =
                started(List.of(sink("console"), webhook, sink("ntfy")), RetryPolicy.DEFAULTS);

        assertEquals(3, dispatcher.dispatch(warning()));

        assertEquals(List.of(Fixtures.T0, Fixtures.T0.plusMillis(100), Fixtures.T0.plusMillis(300)), attemptTimes);
    }

    @Test
    void oneRetryAfterA503() {
        NotificationSink webhook = sink("webhook");
        doThrow(new NotificationDeliveryException("HTTP 503", true))
                .doNothing()
                .when(webhook)
                .send(any());
        NotificationDispatcher dispatcher =
                started(List.of(sink("console"), webhook, sink("ntfy")), RetryPolicy.DEFAULTS);

        assertEquals(3, dispatcher.dispatch(warning()));
        verify(webhook, times(2)).send(any());
        assertEquals(List.of(Duration.ofMillis(100)), waits);
    }

    @Test
    void nonRetryableFailuresAreNotRetried() {
        for (RuntimeException failure : List.of(
                new NotificationDeliveryException("HTTP 400", false),
                new NotificationDeliveryException("HTTP 302 (redirects are not followed)", false),
                new IllegalStateException("WebhookSink.send called before start()"),
                new IllegalArgumentException("bad header"))) {
            NotificationSink webhook = sink("webhook");
            doThrow(failure).when(webhook).send(any());
            NotificationDispatcher dispatcher =
                    started(List.of(sink("console"), webhook, sink("ntfy")), RetryPolicy.DEFAULTS);

            assertEquals(2, dispatcher.dispatch(warning()), failure.getMessage());
            verify(webhook, times(1)).send(any());
        }
        assertEquals(List.of(), waits);
    }

    @Test
    void anyOtherRuntimeExceptionIsRetried() {
        NotificationSink plugin = sink("plugin");
        doThrow(new UnsupportedOperationException("flaky"))
                .doNothing()
                .when(plugin)
                .send(any());
        assertEquals(1, started(List.of(plugin), RetryPolicy.DEFAULTS).dispatch(warning()));
        verify(plugin, times(2)).send(any());
    }

    @Test
    void sixAttemptsWaitUpToTheCap() {
        NotificationSink webhook = sink("webhook");
        doThrow(new NotificationDeliveryException("down", true)).when(webhook).send(any());

        assertEquals(0, started(List.of(webhook), new RetryPolicy(6, 0.1, 1.0)).dispatch(warning()));

        verify(webhook, times(6)).send(any());
        assertEquals(
                List.of(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(800),
                        Duration.ofMillis(1000)),
                waits);
    }

    @Test
    void oneAttemptMeansNoRetry() {
        NotificationSink webhook = sink("webhook");
        doThrow(new NotificationDeliveryException("down", true)).when(webhook).send(any());
        assertEquals(0, started(List.of(webhook), new RetryPolicy(1, 0.1, 1.0)).dispatch(warning()));
        verify(webhook, times(1)).send(any());
        assertEquals(List.of(), waits);
    }

    @Test
    void aHangingSinkIsCutOffAtItsTimeoutWhileTheOthersDeliver() {
        CountDownLatch never = new CountDownLatch(1);
        NotificationSink hanging = sink("hanging");
        doAnswer(invocation -> {
                    never.await();
                    return null;
                })
                .when(hanging)
                .send(any());
        NotificationSink console = sink("console");
        NotificationSink ntfy = sink("ntfy");
        NotificationDispatcher dispatcher = dispatcher(List.of(console, hanging, ntfy))
                .config(new DispatcherConfig(NotificationSeverity.INFO, new RetryPolicy(2, 0.1, 1.0), 0.2))
                .build();
        dispatcher.start();
        toClose.add(dispatcher);

        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            long start = System.nanoTime();
            assertEquals(2, dispatcher.dispatch(warning()));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            verify(console).send(any());
            verify(ntfy).send(any());
            verify(hanging, times(2)).send(any());
            assertTrue(millis >= 400 && millis < 10_000, "two 0.2 s attempts, took " + millis + " ms");
            CapturingLogs.Event failed =
                    logs.named("vigil.notification.dispatch_failed").get(0);
            assertEquals("hanging", failed.field("sink_name"));
            assertEquals("TimeoutException", failed.field("error_type"));
        }
    }

    @Test
    void sinksAreCalledConcurrently() {
        // The first sink can only finish once the second has been called: sequential delivery would time out.
        CountDownLatch secondCalled = new CountDownLatch(1);
        NotificationSink first = sink("first");
        doAnswer(invocation -> {
                    if (!secondCalled.await(5, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("second sink never ran");
                    }
                    return null;
                })
                .when(first)
                .send(any());
        NotificationSink second = sink("second");
        doAnswer(invocation -> {
                    secondCalled.countDown();
                    return null;
                })
                .when(second)
                .send(any());

        assertEquals(2, started(List.of(first, second), RetryPolicy.DEFAULTS).dispatch(warning()));
    }

    @Test
    void stoppingDispatcherDeliversNothing() {
        NotificationSink console = sink("console");
        NotificationDispatcher dispatcher = started(List.of(console), RetryPolicy.DEFAULTS);
        dispatcher.close();

        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            assertEquals(0, dispatcher.dispatch(warning()));
            assertEquals(
                    "dispatcher_stopping",
                    logs.named("vigil.notification.filtered").get(0).field("detail"));
        }
        verify(console, never()).send(any());
        verify(console).close();
    }

    @Test
    void killSwitchPausesDelivery() {
        NotificationSink console = sink("console");
        NotificationDispatcher dispatcher =
                dispatcher(List.of(console)).enabled(() -> false).build();
        dispatcher.start();
        toClose.add(dispatcher);

        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            assertEquals(0, dispatcher.dispatch(warning()));
            assertEquals(
                    "paused_by_setting",
                    logs.named("vigil.notification.dispatcher_paused").get(0).field("reason"));
        }
        verify(console, never()).send(any());
    }

    @Test
    void anUnreadableKillSwitchCountsAsEnabledAndWarnsOncePerStreak() {
        AtomicInteger reads = new AtomicInteger();
        NotificationSink console = sink("console");
        NotificationDispatcher dispatcher = dispatcher(List.of(console))
                .enabled(() -> {
                    int read = reads.incrementAndGet();
                    if (read <= 2 || read == 4) {
                        throw new IllegalStateException("settings store unreachable");
                    }
                    return true;
                })
                .build();
        dispatcher.start();
        toClose.add(dispatcher);

        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(1, dispatcher.dispatch(warning()), "delivered each time");
            }
            assertEquals(1, logs.count("vigil.notification.dispatcher_resolve_failed"));
            assertEquals(1, dispatcher.dispatch(warning()));
            assertEquals(2, logs.count("vigil.notification.dispatcher_resolve_failed"), "the streak was reset");
        }
    }

    @Test
    void noActiveSinksDeliversNothing() {
        NotificationDispatcher dispatcher = started(List.of(), RetryPolicy.DEFAULTS);
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            assertEquals(0, dispatcher.dispatch(warning()));
            assertEquals(1, logs.count("vigil.notification.no_sinks"));
        }
    }

    @Test
    void belowMinSeverityIsFiltered() {
        NotificationSink console = sink("console");
        NotificationDispatcher dispatcher = dispatcher(List.of(console))
                .config(new DispatcherConfig(NotificationSeverity.ERROR, RetryPolicy.DEFAULTS, 5.0))
                .build();
        dispatcher.start();
        toClose.add(dispatcher);

        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            assertEquals(0, dispatcher.dispatch(warning()));
            CapturingLogs.Event filtered =
                    logs.named("vigil.notification.filtered").get(0);
            assertEquals("warning", filtered.field("severity"));
            assertEquals("error", filtered.field("min_severity"));
        }
        verify(console, never()).send(any());
    }

    @Test
    void aSinkThatFailsToStartIsRemoved() {
        NotificationSink console = sink("console");
        NotificationSink ntfy = sink("ntfy");
        doThrow(new IllegalStateException("host 'ntfy.internal' resolves to blocked address 10.0.0.5"))
                .when(ntfy)
                .start();
        NotificationDispatcher dispatcher = dispatcher(List.of(console, ntfy)).build();
        toClose.add(dispatcher);

        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            dispatcher.start();
            dispatcher.start(); // idempotent

            CapturingLogs.Event started =
                    logs.named("vigil.notification.dispatcher_started").get(0);
            assertEquals(List.of("console"), started.field("sinks"));
            assertEquals(List.of("ntfy"), started.field("failed"));
            assertEquals(1, logs.count("vigil.notification.sink_start_failed"));
            assertEquals(1, logs.count("vigil.notification.dispatcher_started"));
        }
        assertEquals(1, dispatcher.dispatch(warning()));
        verify(ntfy, never()).send(any());
        verify(ntfy, times(1)).start();
    }

    @Test
    void dispatchBeforeStartTriesTheRegisteredSinks() {
        NotificationSink console = sink("console");
        NotificationSink needsStart = sink("ntfy");
        doThrow(new IllegalStateException("NtfyNotificationSink.send called before start()"))
                .when(needsStart)
                .send(any());
        NotificationDispatcher dispatcher =
                dispatcher(List.of(console, needsStart)).build();

        assertEquals(1, dispatcher.dispatch(warning()));
        verify(needsStart, times(1)).send(any());
        dispatcher.close(); // not started: nothing to close
        verify(console, never()).close();
    }

    @Test
    void anErrorFromASinkPropagatesAfterTheInFlightCountDrops() {
        NotificationSink fatal = sink("fatal");
        doThrow(new AssertionError("out of memory, say")).when(fatal).send(any());
        NotificationDispatcher dispatcher = started(List.of(fatal, sink("console")), RetryPolicy.DEFAULTS);

        assertThrows(AssertionError.class, () -> dispatcher.dispatch(warning()));
        assertTrue(dispatcher.close(Duration.ofMillis(100)), "nothing left in flight");
    }

    @Test
    void closeWaitsAtMostTheDrainBudgetThenClosesTheSinks() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        NotificationSink slow = sink("slow");
        doAnswer(invocation -> {
                    sending.countDown();
                    never.await();
                    return null;
                })
                .when(slow)
                .send(any());
        doThrow(new IllegalStateException("already gone")).when(slow).close();
        NotificationDispatcher dispatcher = dispatcher(List.of(slow))
                .config(new DispatcherConfig(NotificationSeverity.INFO, new RetryPolicy(1, 0.1, 1.0), 30.0))
                .build();
        dispatcher.start();
        CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> dispatcher.dispatch(warning()));
        assertTrue(sending.await(5, TimeUnit.SECONDS));

        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            long start = System.nanoTime();
            boolean drained = dispatcher.close(Duration.ofMillis(200));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertFalse(drained);
            assertTrue(millis < 5000, "bounded by the drain budget, took " + millis + " ms");
            assertEquals(0, inFlight.get(5, TimeUnit.SECONDS), "the stuck delivery was interrupted");
            verify(slow).close();
            assertEquals(1, logs.count("vigil.notification.sink_close_failed"));
            assertEquals(
                    false,
                    logs.named("vigil.notification.dispatcher_closed").get(0).field("drained"));
        }
        assertTrue(dispatcher.close(Duration.ofMillis(10)), "second close is a no-op");
    }

    @Test
    void aClosedDispatcherCanStartAgain() {
        NotificationSink console = sink("console");
        NotificationDispatcher dispatcher = started(List.of(console), RetryPolicy.DEFAULTS);
        dispatcher.close();
        dispatcher.start();
        assertEquals(1, dispatcher.dispatch(warning()));
        verify(console, times(2)).start();
    }

    @Test
    void publishIsDispatch() {
        NotificationSink console = sink("console");
        assertEquals(1, started(List.of(console), RetryPolicy.DEFAULTS).publish(warning()));
    }

    @Test
    void retryPolicyValidatesAndComputesTheSchedule() {
        assertEquals(
                "capSeconds must be >= baseSeconds (0.5), got 0.1",
                assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, 0.5, 0.1))
                        .getMessage());
        assertEquals(
                "maxAttempts must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, 0.1, 1.0))
                        .getMessage());
        assertEquals(
                "baseSeconds must be > 0.0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, 0.0, 1.0))
                        .getMessage());
        RetryPolicy policy = RetryPolicy.DEFAULTS;
        assertEquals(
                List.of(0.1, 0.2, 0.4, 0.8, 1.0, 1.0),
                List.of(
                        policy.delaySeconds(1),
                        policy.delaySeconds(2),
                        policy.delaySeconds(3),
                        policy.delaySeconds(4),
                        policy.delaySeconds(5),
                        policy.delaySeconds(6)));
        assertEquals(1.0, policy.delaySeconds(Integer.MAX_VALUE));
        assertEquals(new RetryPolicy(3, 0.1, 1.0), policy);
    }

    private NotificationDispatcher started(List<NotificationSink> sinks, RetryPolicy policy) {
        NotificationDispatcher dispatcher = dispatcher(sinks)
                .config(new DispatcherConfig(NotificationSeverity.INFO, policy, 5.0))
                .build();
        dispatcher.start();
        toClose.add(dispatcher);
        return dispatcher;
    }

    private NotificationDispatcher.Builder dispatcher(List<NotificationSink> sinks) {
        return NotificationDispatcher.builder(sinks).clock(clock).sleeper(fakeSleeper);
    }

    private static NotificationSink sink(String name) {
        NotificationSink sink = mock(NotificationSink.class);
        when(sink.name()).thenReturn(name);
        doNothing().when(sink).send(any());
        return sink;
    }

    private static Notification warning() {
        return Notification.builder(
                        NotificationCategory.HEALTH,
                        NotificationSeverity.WARNING,
                        "Health alert: timeout (medium)",
                        "vigil.health_monitor")
                .body("Agent terminated after reaching the maximum number of turns")
                .timestamp(Fixtures.T0)
                .metadata(Map.of("run_id", "run-1"))
                .build();
    }
}
