package dev.vigil.health.notify;

import dev.vigil.health.internal.Validation;
import dev.vigil.spi.settings.Settings;
import java.time.Duration;

/**
 * Exponential backoff without jitter for sink deliveries (health.md §6, D12): after k failed attempts the wait before
 * attempt k+1 is min(cap, base x 2^(k-1)), so 0.1 s, 0.2 s, 0.4 s, 0.8 s, 1.0 s, 1.0 s... with the defaults.
 *
 * @param maxAttempts attempts per sink, counting the first, &ge; 1 (default 3)
 * @param baseSeconds the first wait, &gt; 0 (default 0.1)
 * @param capSeconds the longest wait, &ge; baseSeconds (default 1.0)
 */
public record RetryPolicy(int maxAttempts, double baseSeconds, double capSeconds) {

    /** 3 attempts, 0.1 s base, 1.0 s cap. */
    public static final RetryPolicy DEFAULTS = from(Settings.defaults());

    /** Validates the ranges and cap &ge; base. */
    public RetryPolicy {
        Validation.intAtLeast(maxAttempts, 1, "maxAttempts");
        Validation.greaterThan(baseSeconds, 0.0, "baseSeconds");
        Validation.finite(capSeconds, "capSeconds");
        if (capSeconds < baseSeconds) {
            throw new IllegalArgumentException(
                    "capSeconds must be >= baseSeconds (" + baseSeconds + "), got " + capSeconds);
        }
    }

    /** Reads the {@code workers.dispatcher.publish_*} settings. */
    public static RetryPolicy from(Settings settings) {
        return new RetryPolicy(
                settings.get(NotifySettings.PUBLISH_MAX_ATTEMPTS),
                settings.get(NotifySettings.PUBLISH_BACKOFF_BASE_SECONDS),
                settings.get(NotifySettings.PUBLISH_BACKOFF_CAP_SECONDS));
    }

    /** The wait in seconds after {@code failedAttempts} (&ge; 1) failed attempts. */
    public double delaySeconds(int failedAttempts) {
        Validation.intAtLeast(failedAttempts, 1, "failedAttempts");
        return Math.min(capSeconds, baseSeconds * Math.pow(2.0, failedAttempts - 1));
    }

    /** {@link #delaySeconds} as a Duration (nanosecond precision). */
    public Duration delay(int failedAttempts) {
        return Duration.ofNanos(Math.round(delaySeconds(failedAttempts) * 1e9));
    }
}
