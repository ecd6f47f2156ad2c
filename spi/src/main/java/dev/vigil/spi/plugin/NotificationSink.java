package dev.vigil.spi.plugin;

import dev.vigil.spi.model.Notification;

/**
 * Delivers notifications somewhere a person sees them. The dispatcher calls sinks concurrently and retries failures
 * that are retryable (see {@link NotificationDeliveryException}).
 */
public interface NotificationSink {

    /** A name for logs, e.g. the sink type. */
    String name();

    /** Acquires resources; idempotent. */
    void start();

    /** Delivers one notification; logs a failure and then throws. */
    void send(Notification notification);

    /** Releases resources; idempotent and safe before {@link #start()}. */
    void close();
}
