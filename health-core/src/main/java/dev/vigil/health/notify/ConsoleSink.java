package dev.vigil.health.notify;

import dev.vigil.spi.model.Notification;
import dev.vigil.spi.plugin.NotificationSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@code console} sink (health.md §7.1): one structured info line
 * {@code vigil.notification.console_delivered} per notification, through SLF4J. Nothing to start or close.
 */
public final class ConsoleSink implements NotificationSink {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSink.class);

    /** The sink type and name. */
    public static final String TYPE = "console";

    /** A console sink; stateless. */
    public ConsoleSink() {}

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public void start() {
        // Nothing to acquire.
    }

    @Override
    public void send(Notification notification) {
        LOG.atInfo()
                .setMessage("vigil.notification.console_delivered")
                .addKeyValue("notification_id", notification.id())
                .addKeyValue("category", notification.category().wireName())
                .addKeyValue("severity", notification.severity().wireName())
                .addKeyValue("title", notification.title())
                .addKeyValue("source", notification.source())
                .log();
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
