package dev.vigil.health.triage;

import dev.vigil.health.internal.Validation;
import dev.vigil.spi.settings.Settings;
import java.util.HashSet;
import java.util.List;

/**
 * Alertmanager-style notification grouping: escalated tickets with equal {@code groupBy} values form one group, which
 * is notified at most once per {@code repeatIntervalSeconds} unless a ticket of higher severity arrives.
 *
 * @param groupBy the ticket fields forming the group key, unique; empty puts every ticket in one group
 * @param repeatIntervalSeconds &ge; 0; 0 notifies every escalated ticket
 */
public record GroupingConfig(List<GroupKey> groupBy, double repeatIntervalSeconds) {

    /** Group by [run, cause], repeat after 4 h. */
    public static final GroupingConfig DEFAULTS = from(Settings.defaults());

    /** No grouping at all: every escalated ticket is notified. */
    public static final GroupingConfig DISABLED = new GroupingConfig(List.of(), 0.0);

    /** Validates and copies. */
    public GroupingConfig {
        groupBy = List.copyOf(groupBy);
        if (new HashSet<>(groupBy).size() != groupBy.size()) {
            throw new IllegalArgumentException("groupBy must not repeat a key, got " + groupBy);
        }
        Validation.atLeast(repeatIntervalSeconds, 0.0, "repeatIntervalSeconds");
    }

    /** Reads {@code engine.health.triage.group_by} and {@code repeat_interval_seconds}. */
    public static GroupingConfig from(Settings settings) {
        return new GroupingConfig(
                settings.get(TriageSettings.GROUP_BY), settings.get(TriageSettings.REPEAT_INTERVAL_SECONDS));
    }
}
