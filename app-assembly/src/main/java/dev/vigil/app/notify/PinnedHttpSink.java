package dev.vigil.app.notify;

import dev.vigil.spi.model.Notification;
import dev.vigil.spi.plugin.NotificationDeliveryException;
import dev.vigil.spi.plugin.NotificationSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle and failure handling shared by the HTTP sinks. {@code start()} pins the target host through the URL
 * guard (health.md §8) and, unless the client is lazy, builds it; {@code close()} releases the client and may be
 * followed by another {@code start()}. A failed exchange logs {@code vigil.notification.<type>_failed} and throws
 * {@link NotificationDeliveryException}: I/O errors, timeouts, HTTP 408, 429 and 5xx are retryable; any other non-2xx,
 * 3xx included, is not (redirects are never followed).
 */
abstract class PinnedHttpSink implements NotificationSink {

    private static final Logger LOG = LoggerFactory.getLogger(PinnedHttpSink.class);

    private final String type;
    private final OutboundUrlGuard guard;
    private final GuardedUrl target;
    private final double timeoutSeconds;
    private final boolean lazyClient;
    private final Object lock = new Object();
    private boolean started; // guarded by lock
    private PinnedAddress pin; // guarded by lock; null when the guard is off
    private PinnedHttpTransport transport; // guarded by lock

    PinnedHttpSink(String type, OutboundUrlGuard guard, GuardedUrl target, double timeoutSeconds, boolean lazyClient) {
        this.type = Objects.requireNonNull(type, "type");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.target = Objects.requireNonNull(target, "target");
        this.timeoutSeconds = timeoutSeconds;
        this.lazyClient = lazyClient;
    }

    @Override
    public final String name() {
        return type;
    }

    /** Pins DNS (failing with {@link IllegalStateException} when the guard refuses the host); idempotent. */
    @Override
    public final void start() {
        synchronized (lock) {
            if (started) {
                return;
            }
            pin = guard.pin(target).orElse(null);
            if (!lazyClient) {
                transport = new PinnedHttpTransport(pin, timeoutSeconds);
            }
            started = true;
        }
    }

    /** Releases the client; idempotent and safe before {@code start()}. A failed release is logged and rethrown. */
    @Override
    public final void close() {
        PinnedHttpTransport released;
        synchronized (lock) {
            released = transport;
            transport = null;
            pin = null;
            started = false;
        }
        if (released == null) {
            return;
        }
        try {
            released.close();
        } catch (IOException e) {
            LOG.atWarn()
                    .setMessage("vigil.notification.sink_close_failed")
                    .addKeyValue("sink_name", type)
                    .addKeyValue("error_type", e.getClass().getSimpleName())
                    .log();
            throw new UncheckedIOException(
                    type + " sink close failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The URL given at creation (user-info removed). */
    final GuardedUrl target() {
        return target;
    }

    /**
     * Headers every request of this sink carries first: HTTP Basic credentials when the URL embedded user-info.
     * Callers add theirs after, so an explicit Authorization wins.
     */
    final Map<String, String> baseHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        Optional<String> userInfo = target.userInfo();
        userInfo.ifPresent(info -> headers.put(
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8))));
        return headers;
    }

    /**
     * POSTs and returns a 2xx reply; anything else is logged and thrown.
     *
     * @throws IllegalStateException before {@code start()}
     * @throws NotificationDeliveryException on a transport failure (retryable) or a non-2xx status
     */
    final PinnedHttpTransport.Reply exchange(
            Notification notification, URI uri, Map<String, String> headers, byte[] body) {
        PinnedHttpTransport client;
        try {
            client = client();
        } catch (IllegalStateException e) {
            logFailure(notification, e.getClass().getSimpleName(), null, false);
            throw e;
        }
        PinnedHttpTransport.Reply reply;
        try {
            reply = client.post(uri, headers, body);
        } catch (IOException e) {
            String errorType = e.getClass().getSimpleName();
            logFailure(notification, errorType, null, true);
            // The cause is not attached: transport messages may name the request, which can carry secrets.
            throw new NotificationDeliveryException(type + " delivery failed: " + errorType, true);
        }
        int status = reply.status();
        if (status < 200 || status > 299) {
            boolean retryable = retryableStatus(status);
            logFailure(notification, "http_status", status, retryable);
            throw new NotificationDeliveryException(type + " delivery failed: HTTP " + status, retryable);
        }
        return reply;
    }

    /** Logs {@code vigil.notification.<type>_failed}; never with a URL, header or body. */
    final void logFailure(Notification notification, String errorType, Integer statusCode, boolean retryable) {
        var event = LOG.atWarn()
                .setMessage("vigil.notification." + type + "_failed")
                .addKeyValue("notification_id", notification.id())
                .addKeyValue("error_type", errorType);
        if (statusCode != null) {
            event = event.addKeyValue("status_code", statusCode);
        }
        event.addKeyValue("retryable", retryable).log();
    }

    /** Logs {@code vigil.notification.<type>_failed} with a {@code detail} (for example Slack's API error code). */
    final void logFailureDetail(Notification notification, String detail, boolean retryable) {
        LOG.atWarn()
                .setMessage("vigil.notification." + type + "_failed")
                .addKeyValue("notification_id", notification.id())
                .addKeyValue("detail", detail)
                .addKeyValue("retryable", retryable)
                .log();
    }

    /** Logs {@code vigil.notification.<type>_delivered}. */
    final void logDelivered(Notification notification, Integer statusCode) {
        var event = LOG.atInfo()
                .setMessage("vigil.notification." + type + "_delivered")
                .addKeyValue("notification_id", notification.id());
        if (statusCode != null) {
            event = event.addKeyValue("status_code", statusCode);
        }
        event.log();
    }

    /** HTTP 408, 429 and 5xx may pass on a later attempt (health.md §7, F10). */
    static boolean retryableStatus(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599);
    }

    private PinnedHttpTransport client() {
        synchronized (lock) {
            if (!started) {
                throw new IllegalStateException(getClass().getSimpleName() + ".send called before start()");
            }
            if (transport == null) {
                transport = new PinnedHttpTransport(pin, timeoutSeconds);
            }
            return transport;
        }
    }

    /** Type and host only. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + target + "]";
    }
}
