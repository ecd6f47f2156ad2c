package dev.vigil.spi.plugin;

/**
 * A sink's delivery failed, and the sink knows whether trying again may help (I/O errors, timeouts, HTTP 408/429/5xx,
 * SMTP 4xx are retryable; other rejections are not).
 */
public class NotificationDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public NotificationDeliveryException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public NotificationDeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** True when a later attempt may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
