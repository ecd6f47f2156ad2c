package dev.vigil.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vigil.app.notify.SinkFactory;
import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.health.HealthSettings;
import dev.vigil.health.JudgeConfig;
import dev.vigil.health.RunMonitorConfig;
import dev.vigil.health.notify.DispatcherConfig;
import dev.vigil.health.notify.NotificationDispatcher;
import dev.vigil.health.triage.AlertGrouper;
import dev.vigil.health.triage.GroupingConfig;
import dev.vigil.health.triage.Silence;
import dev.vigil.health.triage.TriageChain;
import dev.vigil.health.triage.TriageConfig;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.NotificationSinkProvider;
import dev.vigil.spi.plugin.TriageRule;
import dev.vigil.spi.plugin.TriageRuleProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Health monitoring: judge config, triage chain with plugin rules, grouping, sinks and the dispatcher. */
public final class HealthModule extends AbstractModule {

    private static final Logger LOG = LoggerFactory.getLogger(HealthModule.class);

    @Provides
    @Singleton
    JudgeConfig judgeConfig(ResolvedSettings settings) {
        return JudgeConfig.from(settings);
    }

    @Provides
    @Singleton
    RunMonitorConfig runMonitorConfig(ResolvedSettings settings) {
        return RunMonitorConfig.from(settings);
    }

    /**
     * Third-party rules (every loaded provider, created with its {@code plugins.<name>.*} settings) before the
     * built-ins; a rule whose {@code create} throws is reported and left out.
     */
    @Provides
    @Singleton
    TriageChain triageChain(
            ResolvedSettings settings,
            Set<TriageRuleProvider> providers,
            @PluginCalls ExecutorService pluginCalls,
            Clock clock) {
        List<TriageRule> rules = new ArrayList<>();
        for (TriageRuleProvider provider : providers.stream()
                .sorted(Comparator.comparing(TriageRuleProvider::name))
                .toList()) {
            try {
                rules.add(provider.create(settings.pluginConfig(provider.name())));
            } catch (RuntimeException e) {
                LOG.atWarn()
                        .setMessage("vigil.assembly.plugin_rejected")
                        .addKeyValue("plugin", provider.name())
                        .addKeyValue("point", "triage rule")
                        .addKeyValue("reason", "create failed: " + e.getClass().getSimpleName() + ": " + e.getMessage())
                        .log();
            }
        }
        double timeout = settings.get(AssemblySettings.PLUGINS_CALL_TIMEOUT_SECONDS);
        return TriageChain.builder(TriageConfig.from(settings))
                .rules(rules)
                .silences(Silence.fromSettings(settings))
                .callTimeout(Duration.ofNanos((long) (timeout * 1e9)), pluginCalls)
                .clock(clock)
                .build();
    }

    @Provides
    @Singleton
    AlertGrouper alertGrouper(ResolvedSettings settings, Clock clock) {
        return new AlertGrouper(GroupingConfig.from(settings), clock);
    }

    /** The sinks of {@code notifications.sinks} (console when none is valid), behind the dispatcher; started. */
    @Provides
    @Singleton
    NotificationDispatcher dispatcher(ResolvedSettings settings, Set<NotificationSinkProvider> providers, Clock clock) {
        List<NotificationSinkProvider> sorted = providers.stream()
                .sorted(Comparator.comparing(NotificationSinkProvider::type))
                .toList();
        List<NotificationSink> sinks =
                new SinkFactory().create(settings.get(AssemblySettings.NOTIFICATION_SINKS), sorted, settings);
        NotificationDispatcher dispatcher = NotificationDispatcher.builder(sinks)
                .config(DispatcherConfig.from(settings))
                .enabled(() -> settings.get(HealthSettings.DISPATCHER_ENABLED))
                .drainBudget(Duration.ofNanos(
                        (long) (settings.get(AssemblySettings.NOTIFICATION_DISPATCHER_SHUTDOWN_SECONDS) * 1e9)))
                .clock(clock)
                .build();
        dispatcher.start();
        return dispatcher;
    }
}
