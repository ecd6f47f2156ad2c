package dev.vigil.health;

import dev.vigil.spi.model.Notification;
import dev.vigil.spi.plugin.NotificationPublisher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A publisher that keeps what it is given and reports one accepting sink. */
public final class RecordingPublisher implements NotificationPublisher {

    private final List<Notification> published = Collections.synchronizedList(new ArrayList<>());

    /** An empty recorder. */
    public RecordingPublisher() {}

    @Override
    public int publish(Notification notification) {
        published.add(notification);
        return 1;
    }

    /** Everything published so far. */
    public List<Notification> published() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }
}
