package dev.vigil.spi.plugin;

import dev.vigil.spi.model.Notification;

/** The port through which a feature module hands notifications on without depending on health-core. */
@FunctionalInterface
public interface NotificationPublisher {

    /** Publishes {@code notification}; returns the number of sinks that accepted it. */
    int publish(Notification notification);
}
