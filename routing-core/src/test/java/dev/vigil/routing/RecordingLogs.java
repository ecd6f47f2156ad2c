package dev.vigil.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;

/**
 * Log events captured by {@link RecordingSlf4jProvider} (selected through {@code -Dslf4j.provider} in the pom), so
 * tests can assert event names, levels and fields.
 */
// Test-only: the module does not re-export SLF4J, and these helpers are never part of its API.
@SuppressWarnings("exports")
public final class RecordingLogs {

    /** One captured event: the message is the event name. */
    public record Event(Level level, String logger, String name, Map<String, Object> fields) {
        public Object field(String key) {
            return fields.get(key);
        }
    }

    private static final List<Event> EVENTS = Collections.synchronizedList(new ArrayList<>());

    private RecordingLogs() {}

    static void record(LoggingEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            pairs.forEach(pair -> fields.put(pair.key, pair.value));
        }
        EVENTS.add(new Event(event.getLevel(), event.getLoggerName(), event.getMessage(), fields));
    }

    /** Forgets everything captured so far. */
    public static void clear() {
        EVENTS.clear();
    }

    /** Every captured event, in order. */
    public static List<Event> all() {
        synchronized (EVENTS) {
            return List.copyOf(EVENTS);
        }
    }

    /** The captured events with this name, in order. */
    public static List<Event> named(String name) {
        return all().stream().filter(event -> event.name().equals(name)).toList();
    }

    /** True when the recording provider is the active SLF4J provider (so log assertions are meaningful). */
    public static boolean active() {
        return org.slf4j.LoggerFactory.getILoggerFactory() instanceof RecordingSlf4jProvider.Factory;
    }
}
