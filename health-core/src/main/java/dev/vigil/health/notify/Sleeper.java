package dev.vigil.health.notify;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between delivery attempts; tests inject one that advances a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** The real thing: {@link TimeUnit#sleep} on the calling thread. */
    Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    /** Waits {@code duration}; an interrupt ends the wait (and the sink's retries) early. */
    void sleep(Duration duration) throws InterruptedException;
}
