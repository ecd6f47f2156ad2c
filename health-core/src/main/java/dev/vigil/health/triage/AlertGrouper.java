package dev.vigil.health.triage;

import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.EscalationTicket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an escalated ticket is notified or folded into its group's earlier notification
 * ({@link GroupingConfig}). A ticket is held back when its group was notified less than the repeat interval ago with
 * a severity at least as high; a higher severity always goes through. Long-lived and shared by all runs (one per
 * process), thread-safe; memory is bounded by the groups notified within one repeat interval.
 */
public final class AlertGrouper {

    private static final Logger LOG = LoggerFactory.getLogger(AlertGrouper.class);

    private final GroupingConfig config;
    private final Clock clock;
    private final Duration repeatInterval;
    /** Groups in the order of their last notification, so expired ones sit at the head. */
    private final LinkedHashMap<String, Sent> lastSent = new LinkedHashMap<>();

    private record Sent(Instant at, EscalationSeverity severity) {}

    /** A grouper over {@code config}, reading "now" from {@code clock}. */
    public AlertGrouper(GroupingConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.repeatInterval = Duration.ofNanos(Math.round(config.repeatIntervalSeconds() * 1e9));
    }

    /** A grouper that lets every ticket through. */
    public static AlertGrouper disabled() {
        return new AlertGrouper(GroupingConfig.DISABLED, Clock.systemUTC());
    }

    /** This grouper's configuration. */
    public GroupingConfig config() {
        return config;
    }

    /** The group key of {@code ticket}, e.g. {@code run=r1|cause=stagnation} (empty when grouping by nothing). */
    public String groupKey(EscalationTicket ticket) {
        StringJoiner joiner = new StringJoiner("|");
        for (GroupKey key : config.groupBy()) {
            joiner.add(key.wireName() + "=" + key.valueOf(ticket));
        }
        return joiner.toString();
    }

    /**
     * True when {@code ticket} should be notified now; records the notification. False, with debug
     * {@code vigil.health.notification_grouped}, when its group was notified recently at an equal or higher severity.
     */
    public synchronized boolean admit(EscalationTicket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        if (repeatInterval.isZero()) {
            return true;
        }
        Instant now = clock.instant();
        evictExpired(now);
        String key = groupKey(ticket);
        Sent last = lastSent.get(key);
        if (last != null
                && now.isBefore(last.at().plus(repeatInterval))
                && ticket.severity().compareTo(last.severity()) <= 0) {
            LOG.atDebug()
                    .setMessage("vigil.health.notification_grouped")
                    .addKeyValue("ticket_id", ticket.id())
                    .addKeyValue("group_key", key)
                    .addKeyValue("severity", ticket.severity().wireName())
                    .addKeyValue("notified_severity", last.severity().wireName())
                    .addKeyValue(
                            "seconds_since_notified",
                            Duration.between(last.at(), now).toNanos() / 1e9)
                    .log();
            return false;
        }
        lastSent.remove(key);
        lastSent.put(key, new Sent(now, ticket.severity()));
        return true;
    }

    private void evictExpired(Instant now) {
        Iterator<Map.Entry<String, Sent>> it = lastSent.entrySet().iterator();
        while (it.hasNext()) {
            Sent sent = it.next().getValue();
            if (now.isBefore(sent.at().plus(repeatInterval))) {
                break;
            }
            it.remove();
        }
    }
}
