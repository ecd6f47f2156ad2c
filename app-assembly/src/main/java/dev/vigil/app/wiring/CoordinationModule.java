package dev.vigil.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.coordination.BaselineStore;
import dev.vigil.coordination.CoordinationConfig;
import dev.vigil.coordination.CoordinationMetricsCollector;
import dev.vigil.coordination.CoordinationSettings;
import dev.vigil.health.notify.NotificationDispatcher;
import java.time.Clock;

/** Team metrics: the single-agent baseline store and the collector. */
public final class CoordinationModule extends AbstractModule {

    /**
     * {@code coordination.enabled} (default false) governs live collection. In batch analysis, team runs in the
     * input are an explicit request for their metrics, so collection is on unless the user switched it off.
     */
    @Provides
    @Singleton
    CoordinationConfig coordinationConfig(ResolvedSettings settings) {
        CoordinationConfig config = CoordinationConfig.from(settings);
        boolean explicitlySet = !"default"
                .equals(settings.entry(CoordinationSettings.ENABLED.key()).source());
        return explicitlySet ? config : config.withEnabled(true);
    }

    @Provides
    @Singleton
    BaselineStore baselineStore(ResolvedSettings settings) {
        return BaselineStore.from(settings);
    }

    @Provides
    @Singleton
    CoordinationMetricsCollector collector(
            CoordinationConfig config, BaselineStore store, NotificationDispatcher dispatcher, Clock clock) {
        return CoordinationMetricsCollector.builder(config)
                .baselineStore(store)
                .publisher(dispatcher)
                .clock(clock)
                .build();
    }
}
