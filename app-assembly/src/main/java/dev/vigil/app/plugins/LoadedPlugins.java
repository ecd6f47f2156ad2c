package dev.vigil.app.plugins;

import dev.vigil.spi.plugin.NotificationSinkProvider;
import dev.vigil.spi.plugin.StepClassifierProvider;
import dev.vigil.spi.plugin.TriageRuleProvider;
import java.util.List;

/**
 * Every usable provider, built-in and from {@code plugins/}, with a record of each one seen (loaded or rejected).
 * Within a point, names are unique; built-ins come first.
 */
public record LoadedPlugins(
        List<StepClassifierProvider> classifiers,
        List<TriageRuleProvider> triageRules,
        List<NotificationSinkProvider> sinks,
        List<PluginRecord> records) {

    public LoadedPlugins {
        classifiers = List.copyOf(classifiers);
        triageRules = List.copyOf(triageRules);
        sinks = List.copyOf(sinks);
        records = List.copyOf(records);
    }

    /** Where a provider came from: {@code built-in} or its jar. */
    public String originOf(PluginPoint point, String name) {
        return records.stream()
                .filter(r -> r.point() == point && name.equals(r.name()) && r.state() == PluginRecord.State.LOADED)
                .map(PluginRecord::origin)
                .findFirst()
                .orElse("unknown");
    }
}
