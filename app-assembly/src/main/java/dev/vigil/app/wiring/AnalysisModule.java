package dev.vigil.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vigil.app.analysis.RunAnalyzer;
import dev.vigil.app.ingest.TraceFormats;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.health.JudgeConfig;
import dev.vigil.health.RunMonitorConfig;
import dev.vigil.health.notify.NotificationDispatcher;
import dev.vigil.health.triage.AlertGrouper;
import dev.vigil.health.triage.TriageChain;
import dev.vigil.quality.GuardedStepClassifier;
import dev.vigil.quality.RunQualityConfig;
import dev.vigil.trajectory.IdealTrajectoryBaselines;
import dev.vigil.trajectory.PteConfig;
import java.time.Clock;
import java.util.Optional;

/** The per-run analysis sequence and the input formats. */
public final class AnalysisModule extends AbstractModule {

    @Provides
    @Singleton
    TraceFormats traceFormats() {
        return TraceFormats.builtIn();
    }

    @Provides
    @Singleton
    RunAnalyzer runAnalyzer(
            ResolvedSettings settings,
            GuardedStepClassifier classifier,
            RunQualityConfig qualityConfig,
            RunMonitorConfig monitorConfig,
            JudgeConfig judgeConfig,
            TriageChain triage,
            AlertGrouper grouper,
            NotificationDispatcher dispatcher,
            PteConfig pteConfig,
            Optional<IdealTrajectoryBaselines> baselines,
            Clock clock) {
        return new RunAnalyzer(
                settings,
                classifier,
                qualityConfig,
                monitorConfig,
                judgeConfig,
                triage,
                grouper,
                dispatcher,
                pteConfig,
                baselines,
                clock);
    }
}
