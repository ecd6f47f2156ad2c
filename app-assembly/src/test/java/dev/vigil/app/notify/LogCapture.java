package dev.vigil.app.notify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** Captures what this package logs, with its key-value pairs, through a Logback list appender. */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previousLevel;

    private LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures everything under {@code dev.vigil.app.notify}. */
    static LogCapture attach() {
        return of("dev.vigil.app.notify");
    }

    /** Captures everything under {@code loggerName}. */
    static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** The events whose message (the event name) is {@code name}. */
    List<ILoggingEvent> events(String name) {
        return events().stream().filter(e -> name.equals(e.getMessage())).toList();
    }

    /** The single event named {@code name}. */
    ILoggingEvent only(String name) {
        List<ILoggingEvent> found = events(name);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + name + " event, got " + found.size() + ": " + render());
        }
        return found.get(0);
    }

    /** The value of key {@code key} on {@code event}, if present. */
    static Optional<Object> value(ILoggingEvent event, String key) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs == null) {
            return Optional.empty();
        }
        return pairs.stream().filter(p -> p.key.equals(key)).map(p -> p.value).findFirst();
    }

    static Map<String, Object> values(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        return pairs == null
                ? Map.of()
                : pairs.stream().collect(Collectors.toMap(p -> p.key, p -> String.valueOf(p.value), (a, b) -> a));
    }

    /** Every captured event as text: message, formatted message, key-values, and any throwable's messages. */
    String render() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : appender.list) {
            text.append(event.getLevel()).append(' ').append(event.getFormattedMessage());
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair pair : event.getKeyValuePairs()) {
                    text.append(' ').append(pair.key).append('=').append(pair.value);
                }
            }
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(" thrown=").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        appender.stop();
    }
}
