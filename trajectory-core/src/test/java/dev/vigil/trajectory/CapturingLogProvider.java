package dev.vigil.trajectory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.LoggingEventAware;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Test-only SLF4J provider (selected with the {@code slf4j.provider} system property in the pom) that records fluent
 * log events with their key-value fields while a {@link Capture} is open.
 */
@SuppressWarnings("exports") // test-only: SLF4J's types appear in this provider's public methods by design
public final class CapturingLogProvider implements SLF4JServiceProvider {

    /** One captured event. */
    public record Event(Level level, String message, Map<String, Object> fields) {}

    private static final List<Event> EVENTS = Collections.synchronizedList(new ArrayList<>());
    private static volatile boolean capturing;

    private final ILoggerFactory loggerFactory = new Factory();
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    /** SLF4J instantiates the provider reflectively through this constructor. */
    public CapturingLogProvider() {}

    /** Starts capturing (clearing earlier events); close to stop. */
    public static Capture capture() {
        EVENTS.clear();
        capturing = true;
        return new Capture();
    }

    /** An open capture. */
    public static final class Capture implements AutoCloseable {
        private Capture() {}

        /** Every captured event, in order. */
        public List<Event> events() {
            synchronized (EVENTS) {
                return List.copyOf(EVENTS);
            }
        }

        /** The captured events with this message. */
        public List<Event> named(String message) {
            return events().stream().filter(e -> e.message().equals(message)).collect(Collectors.toList());
        }

        @Override
        public void close() {
            capturing = false;
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {}

    private static final class Factory implements ILoggerFactory {
        private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return loggers.computeIfAbsent(name, CapturingLogger::new);
        }
    }

    private static final class CapturingLogger extends LegacyAbstractLogger implements LoggingEventAware {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        public void log(LoggingEvent event) {
            if (!capturing) {
                return;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    fields.put(pair.key, pair.value);
                }
            }
            EVENTS.add(new Event(event.getLevel(), event.getMessage(), Collections.unmodifiableMap(fields)));
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
            if (capturing) {
                EVENTS.add(new Event(level, messagePattern, Map.of()));
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
