package dev.vigil.health.notify;

import dev.vigil.health.internal.Validation;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.settings.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * The dispatcher's restart-time settings.
 *
 * @param minSeverity notifications below this are filtered ({@code notifications.min_severity}, default info)
 * @param retryPolicy attempts and backoff per sink
 * @param sendTimeoutSeconds the cut-off for one {@code send} attempt, &gt; 0
 *     ({@code workers.dispatcher.send_timeout_seconds}, default 15.0)
 */
public record DispatcherConfig(NotificationSeverity minSeverity, RetryPolicy retryPolicy, double sendTimeoutSeconds) {

    /** Every setting at its default. */
    public static final DispatcherConfig DEFAULTS = from(Settings.defaults());

    /** Validates. */
    public DispatcherConfig {
        Objects.requireNonNull(minSeverity, "minSeverity");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Validation.greaterThan(sendTimeoutSeconds, 0.0, "sendTimeoutSeconds");
    }

    /** Reads {@code notifications.min_severity} and the {@code workers.dispatcher.*} settings. */
    public static DispatcherConfig from(Settings settings) {
        return new DispatcherConfig(
                settings.get(NotifySettings.MIN_SEVERITY),
                RetryPolicy.from(settings),
                settings.get(NotifySettings.SEND_TIMEOUT_SECONDS));
    }

    /** The send timeout as a Duration. */
    public Duration sendTimeout() {
        return Duration.ofNanos(Math.round(Math.min(sendTimeoutSeconds, Long.MAX_VALUE / 1e9) * 1e9));
    }
}
