package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;
import dev.vigil.coordination.internal.RunStatistics;
import dev.vigil.spi.model.AgentDuration;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.NotificationCategory;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.plugin.NotificationPublisher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures team runs against the single-agent baseline (coordination.md §6). A single-agent run only feeds the
 * baseline; a team run gets every metric its inputs allow. A metric whose inputs are missing is null with a reason
 * (logged as debug {@code vigil.coordination.metric_skipped}); a metric that throws a {@link RuntimeException} is
 * null and logged as {@code vigil.coordination.collection_failed}; neither stops the other metrics. {@link Error}s
 * propagate. Overhead alerts are published through the optional {@link NotificationPublisher}.
 *
 * <p>Thread-safe when its collaborators are: the collector itself only holds the current config.
 */
public final class CoordinationMetricsCollector {

    private static final Logger LOG = LoggerFactory.getLogger(CoordinationMetricsCollector.class);

    /** The notification source of overhead alerts. */
    public static final String ALERT_SOURCE = "vigil.coordination_collector";

    /** The notification title of overhead alerts. */
    public static final String ALERT_TITLE = "Coordination overhead alert";

    /** Constant (settings.md §9): redundancy, Amdahl and the straggler gap need at least two agents. */
    static final int MIN_TEAM_SIZE = 2;

    private static final SimilarityComputer JACCARD = new JaccardSimilarity();

    private volatile CoordinationConfig config;
    private final BaselineStore baselineStore;
    private final NotificationPublisher publisher;
    private final SimilarityComputer similarityComputer;
    private final CoordinationMetricsStore metricsStore;
    private final Clock clock;

    private CoordinationMetricsCollector(Builder builder) {
        this.config = Objects.requireNonNull(builder.config, "config");
        this.baselineStore = builder.baselineStore;
        this.publisher = builder.publisher;
        this.similarityComputer = builder.similarityComputer;
        this.metricsStore = builder.metricsStore;
        this.clock = builder.clock;
    }

    /** A builder with every optional collaborator absent and the UTC system clock. */
    public static Builder builder(CoordinationConfig config) {
        return new Builder(config);
    }

    /** The config in effect for the next collection. */
    public CoordinationConfig config() {
        return config;
    }

    /** Applies a new config (all coordination settings are live) from the next collection on. */
    public void updateConfig(CoordinationConfig newConfig) {
        this.config = Objects.requireNonNull(newConfig, "newConfig");
    }

    /** Collects a team run ({@link CoordinationInput#ofTeamRun}); never throws for any valid {@link TeamRun}. */
    public CoordinationResult collect(TeamRun teamRun) {
        Checks.notNull("teamRun", teamRun);
        CoordinationInput input;
        try {
            input = CoordinationInput.ofTeamRun(teamRun);
        } catch (RuntimeException e) {
            logFailure("input", e, teamRun.taskId());
            return CoordinationResult.nothingCollected(
                    teamRun.teamRunId(), teamRun.taskId(), 1, false, "invalid team run: " + describe(e));
        }
        return collect(input);
    }

    /** Collects a single-agent run ({@link CoordinationInput#ofRun}): it feeds the baseline and returns no metrics. */
    public CoordinationResult collect(Run run) {
        return collect(CoordinationInput.ofRun(Checks.notNull("run", run)));
    }

    /**
     * Collects one input (coordination.md §6). Disabled config: empty metrics, nothing recorded or logged. Single-agent
     * input: recorded in the baseline store (when wired), empty metrics. Team input: the nine metrics in order, then
     * the overhead alert, then the metrics record.
     */
    public CoordinationResult collect(CoordinationInput in) {
        Checks.notNull("in", in);
        CoordinationConfig cfg = this.config;
        if (!cfg.enabled()) {
            return CoordinationResult.nothingCollected(
                    in.runId(), in.taskId(), in.teamSize(), in.multiAgent(), "coordination.enabled is false");
        }
        LOG.atDebug()
                .setMessage("vigil.coordination.collection_started")
                .addKeyValue("agent_id", in.agentId())
                .addKeyValue("task_id", in.taskId())
                .addKeyValue("is_multi_agent", in.multiAgent())
                .addKeyValue("team_size", in.teamSize())
                .log();
        RunStatistics stats = RunStatistics.of(in.turns());
        if (!in.multiAgent()) {
            recordBaseline(in, stats);
            LOG.atDebug()
                    .setMessage("vigil.coordination.collection_completed")
                    .addKeyValue("agent_id", in.agentId())
                    .addKeyValue("task_id", in.taskId())
                    .addKeyValue("is_multi_agent", false)
                    .addKeyValue("metrics_computed", 0)
                    .log();
            return CoordinationResult.nothingCollected(
                    in.runId(), in.taskId(), in.teamSize(), false, "single-agent run: it feeds the baseline");
        }
        Measurement c = new Measurement(cfg, in, stats);
        CoordinationEfficiency efficiency = c.measure(MetricName.EFFICIENCY, this::efficiency);
        CoordinationOverhead overhead = c.measure(MetricName.OVERHEAD, this::overhead);
        ErrorAmplification amplification = c.measure(MetricName.ERROR_AMPLIFICATION, this::errorAmplification);
        MessageDensity density = c.measure(MetricName.MESSAGE_DENSITY, this::messageDensity);
        RedundancyRate redundancy = c.measure(MetricName.REDUNDANCY, this::redundancy);
        AmdahlCeiling amdahl = c.measure(MetricName.AMDAHL_CEILING, this::amdahl);
        StragglerGap straggler = c.measure(MetricName.STRAGGLER_GAP, this::straggler);
        TokenSpeedupRatio tokenSpeedup = c.measure(MetricName.TOKEN_SPEEDUP_RATIO, this::tokenSpeedup);
        c.density = density;
        MessageOverhead messageOverhead = c.measure(MetricName.MESSAGE_OVERHEAD, this::messageOverhead);
        CoordinationMetrics metrics = new CoordinationMetrics(
                efficiency,
                overhead,
                amplification,
                density,
                redundancy,
                amdahl,
                straggler,
                tokenSpeedup,
                messageOverhead);
        LOG.atInfo()
                .setMessage("vigil.coordination.collection_completed")
                .addKeyValue("agent_id", in.agentId())
                .addKeyValue("task_id", in.taskId())
                .addKeyValue("is_multi_agent", true)
                .addKeyValue("metrics_computed", metrics.computedCount())
                .log();
        List<OverheadAlert> alerts = overhead == null ? List.of() : alert(cfg, in, overhead);
        persist(in, metrics);
        return new CoordinationResult(in.runId(), in.taskId(), in.teamSize(), true, metrics, alerts, c.skipped);
    }

    // --- single-agent runs -------------------------------------------------------------------------------------

    private void recordBaseline(CoordinationInput in, RunStatistics stats) {
        if (baselineStore == null || stats.turns() <= 0) {
            return;
        }
        try {
            double duration = in.makespanSeconds() != null ? in.makespanSeconds() : latencySeconds(in.turns());
            if (duration > 0.0) {
                baselineStore.record(new BaselineRecord(
                        in.agentId(),
                        in.taskId(),
                        (double) stats.turns(),
                        stats.errorRate(),
                        (double) stats.totalTokens(),
                        duration,
                        clock.instant()));
            }
        } catch (RuntimeException e) {
            // Vigil addition: a run whose statistics the baseline rejects (e.g. an overflowing duration) is skipped.
            logFailure("baseline_record", e, in.taskId());
        }
    }

    private static double latencySeconds(List<Turn> turns) {
        double sumMs = 0.0;
        for (Turn turn : turns) {
            sumMs += turn.latencyMs() == null ? 0.0 : turn.latencyMs();
        }
        return sumMs / 1000.0;
    }

    // --- the nine metrics, each returning null after recording why it was skipped --------------------------------

    private CoordinationEfficiency efficiency(Measurement c) {
        Double turnsSas = c.baselineTurns(MetricName.EFFICIENCY);
        if (turnsSas == null) {
            return null;
        }
        double turnsMas = Math.max((double) c.stats.turns(), 1.0);
        CoordinationEfficiency efficiency =
                CoordinationFormulas.computeEfficiency(1.0 - c.stats.errorRate(), turnsMas, turnsSas);
        LOG.atInfo()
                .setMessage("vigil.coordination.efficiency_computed")
                .addKeyValue("value", efficiency.value())
                .addKeyValue("turns_mas", c.stats.turns())
                .addKeyValue("turns_sas", turnsSas)
                .log();
        return efficiency;
    }

    private CoordinationOverhead overhead(Measurement c) {
        Double turnsSas = c.baselineTurns(MetricName.OVERHEAD);
        if (turnsSas == null) {
            return null;
        }
        double turnsMas = Math.max((double) c.stats.turns(), 1.0);
        CoordinationOverhead overhead = CoordinationFormulas.computeOverhead(turnsMas, turnsSas);
        LOG.atInfo()
                .setMessage("vigil.coordination.overhead_computed")
                .addKeyValue("value_percent", overhead.valuePercent())
                .addKeyValue("turns_mas", c.stats.turns())
                .addKeyValue("turns_sas", turnsSas)
                .log();
        return overhead;
    }

    private ErrorAmplification errorAmplification(Measurement c) {
        if (!c.requireStore(MetricName.ERROR_AMPLIFICATION)) {
            return null;
        }
        Double errorRateSas = c.baseline().errorRate();
        if (errorRateSas == null) {
            return c.skip(MetricName.ERROR_AMPLIFICATION, Measurement.EMPTY_BASELINE);
        }
        if (!(errorRateSas > 0.0)) {
            return c.skip(
                    MetricName.ERROR_AMPLIFICATION,
                    "baseline error rate is 0.0 (single-agent runs never failed; no ratio to take)");
        }
        ErrorAmplification amplification =
                CoordinationFormulas.computeErrorAmplification(c.stats.errorRate(), errorRateSas);
        LOG.atInfo()
                .setMessage("vigil.coordination.error_amplification_computed")
                .addKeyValue("value", amplification.value())
                .addKeyValue("error_rate_mas", c.stats.errorRate())
                .addKeyValue("error_rate_sas", errorRateSas)
                .log();
        return amplification;
    }

    private MessageDensity messageDensity(Measurement c) {
        Integer messages = c.in.messageCount();
        if (messages == null) {
            return c.skip(MetricName.MESSAGE_DENSITY, "message count unknown (the source recorded no messages)");
        }
        if (c.stats.turns() <= 0) {
            return c.skip(MetricName.MESSAGE_DENSITY, "the team run has no turns");
        }
        MessageDensity density = CoordinationFormulas.computeMessageDensity(messages, c.stats.turns());
        LOG.atInfo()
                .setMessage("vigil.coordination.message_density_computed")
                .addKeyValue("value", density.value())
                .addKeyValue("inter_agent_messages", density.interAgentMessages())
                .addKeyValue("reasoning_turns", density.reasoningTurns())
                .log();
        return density;
    }

    private RedundancyRate redundancy(Measurement c) {
        SimilarityComputer computer = similarityComputer != null
                ? similarityComputer
                : (c.cfg.similarity() == SimilarityKind.JACCARD ? JACCARD : null);
        if (computer == null) {
            return c.skip(MetricName.REDUNDANCY, "no similarity computer (coordination.redundancy.similarity is none)");
        }
        List<String> outputs = c.in.agentOutputs();
        if (outputs.size() < MIN_TEAM_SIZE) {
            return c.skip(
                    MetricName.REDUNDANCY, "fewer than " + MIN_TEAM_SIZE + " agent outputs (" + outputs.size() + ")");
        }
        List<Double> similarities = computer.pairwiseSimilarity(outputs);
        if (similarities == null || similarities.isEmpty()) {
            return c.skip(MetricName.REDUNDANCY, "the similarity computer returned no values");
        }
        RedundancyRate redundancy = CoordinationFormulas.computeRedundancyRate(similarities);
        LOG.atInfo()
                .setMessage("vigil.coordination.redundancy_computed")
                .addKeyValue("value", redundancy.value())
                .addKeyValue("sample_count", redundancy.sampleCount())
                .log();
        return redundancy;
    }

    private AmdahlCeiling amdahl(Measurement c) {
        int teamSize = c.in.teamSize();
        if (teamSize < MIN_TEAM_SIZE) {
            return c.skip(MetricName.AMDAHL_CEILING, "team size " + teamSize + " is below " + MIN_TEAM_SIZE);
        }
        // An n-agent team can at best run (n - 1) / n of the work in parallel.
        double p = (teamSize - 1) / (double) teamSize;
        AmdahlCeiling amdahl = CoordinationFormulas.computeAmdahlCeiling(p);
        LOG.atInfo()
                .setMessage("vigil.coordination.amdahl_computed")
                .addKeyValue("parallelizable_fraction", p)
                .addKeyValue("max_speedup", amdahl.maxSpeedup())
                .addKeyValue("recommended_team_size", amdahl.recommendedTeamSize())
                .log();
        return amdahl;
    }

    private StragglerGap straggler(Measurement c) {
        List<AgentDuration> durations = c.in.agentDurations();
        if (durations.size() < MIN_TEAM_SIZE) {
            return c.skip(
                    MetricName.STRAGGLER_GAP,
                    "fewer than " + MIN_TEAM_SIZE + " agent durations (" + durations.size() + ")");
        }
        StragglerGap gap = CoordinationFormulas.computeStragglerGap(durations);
        LOG.atInfo()
                .setMessage("vigil.coordination.straggler_gap_computed")
                .addKeyValue("slowest_agent_id", gap.slowestAgentId())
                .addKeyValue("gap_seconds", gap.gapSeconds())
                .addKeyValue("gap_ratio", gap.gapRatio())
                .log();
        return gap;
    }

    private TokenSpeedupRatio tokenSpeedup(Measurement c) {
        MetricName metric = MetricName.TOKEN_SPEEDUP_RATIO;
        if (!c.requireStore(metric)) {
            return null;
        }
        List<AgentDuration> durations = c.in.agentDurations();
        if (durations.isEmpty()) {
            return c.skip(metric, "no agent durations");
        }
        Double tokensSas = c.baseline().tokens();
        Double durationSas = c.baseline().duration();
        if (tokensSas == null || durationSas == null) {
            return c.skip(metric, Measurement.EMPTY_BASELINE);
        }
        if (!(tokensSas > 0.0) || !(durationSas > 0.0)) {
            return c.skip(metric, "baseline tokens or duration is 0");
        }
        // D5: the team's duration is its makespan (or its slowest agent), never the sum of the agents' durations.
        double durationMas = c.in.makespanSeconds() != null ? c.in.makespanSeconds() : maxDuration(durations);
        if (!(durationMas > 0.0)) {
            return c.skip(metric, "the team run's duration is 0");
        }
        double tokensMas = Math.max((double) c.stats.totalTokens(), 1.0);
        TokenSpeedupRatio ratio = CoordinationFormulas.computeTokenSpeedupRatio(
                tokensMas, tokensSas, durationMas, durationSas, c.cfg.tokenSpeedupAlertRatio());
        if (ratio.alert()) {
            LOG.atWarn()
                    .setMessage("vigil.coordination.token_speedup_alert")
                    .addKeyValue("ratio", ratio.ratio())
                    .addKeyValue("token_multiplier", ratio.tokenMultiplier())
                    .addKeyValue("latency_speedup", ratio.latencySpeedup())
                    .addKeyValue("alert_ratio", ratio.alertRatio())
                    .log();
        }
        return ratio;
    }

    private static double maxDuration(List<AgentDuration> durations) {
        double max = durations.get(0).seconds();
        for (AgentDuration duration : durations) {
            if (duration.seconds() > max) {
                max = duration.seconds();
            }
        }
        return max;
    }

    private MessageOverhead messageOverhead(Measurement c) {
        if (c.density == null) {
            return c.skip(MetricName.MESSAGE_OVERHEAD, "message density was not computed");
        }
        MessageOverhead overhead = CoordinationFormulas.computeMessageOverhead(
                c.in.teamSize(), c.density.interAgentMessages(), c.cfg.quadraticThreshold());
        if (overhead.isQuadratic()) {
            LOG.atWarn()
                    .setMessage("vigil.coordination.message_overhead_alert")
                    .addKeyValue("team_size", overhead.teamSize())
                    .addKeyValue("message_count", overhead.messageCount())
                    .addKeyValue("threshold", overhead.quadraticThreshold())
                    .log();
        }
        return overhead;
    }

    // --- alerts and persistence --------------------------------------------------------------------------------

    private List<OverheadAlert> alert(CoordinationConfig cfg, CoordinationInput in, CoordinationOverhead overhead) {
        try {
            double percent = overhead.valuePercent();
            Optional<NotificationSeverity> severity = cfg.alerts().severityFor(percent / 100.0);
            if (severity.isEmpty()) {
                return List.of();
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("run_id", in.runId());
            metadata.put("task_id", in.taskId());
            Notification notification = Notification.builder(
                            NotificationCategory.BUDGET, severity.get(), ALERT_TITLE, ALERT_SOURCE)
                    .body(String.format(
                            Locale.ROOT,
                            "Coordination overhead is %.1f%% (%.0f MAS turns vs %.0f SAS turns); agent=%s, task=%s",
                            percent,
                            overhead.turnsMas(),
                            overhead.turnsSas(),
                            in.agentId(),
                            in.taskId()))
                    .timestamp(clock.instant())
                    .metadata(metadata)
                    .build();
            Integer delivered = publish(in, severity.get(), percent, notification);
            return List.of(new OverheadAlert(
                    severity.get(), percent, overhead.turnsMas(), overhead.turnsSas(), notification, delivered));
        } catch (RuntimeException e) {
            logFailure("alert_dispatch", e, in.taskId());
            return List.of();
        }
    }

    private Integer publish(
            CoordinationInput in, NotificationSeverity severity, double percent, Notification notification) {
        if (publisher == null) {
            return null;
        }
        int delivered;
        try {
            delivered = publisher.publish(notification);
        } catch (RuntimeException e) {
            logFailure("alert_dispatch", e, in.taskId());
            return null;
        }
        LOG.atWarn()
                .setMessage("vigil.coordination.alert_fired")
                .addKeyValue("agent_id", in.agentId())
                .addKeyValue("task_id", in.taskId())
                .addKeyValue("severity", severity.wireName())
                .addKeyValue("overhead_percent", percent)
                .addKeyValue("delivered", delivered)
                .log();
        return delivered;
    }

    private void persist(CoordinationInput in, CoordinationMetrics metrics) {
        if (metricsStore == null) {
            return;
        }
        try {
            metricsStore.record(new CoordinationMetricsRecord(
                    in.taskId(), in.runId(), null, clock.instant(), in.teamSize(), metrics));
        } catch (RuntimeException e) {
            logFailure("record_persist", e, in.taskId());
        }
    }

    private static void logFailure(String metric, RuntimeException e, String taskId) {
        LOG.atWarn()
                .setMessage("vigil.coordination.collection_failed")
                .addKeyValue("metric", metric)
                .addKeyValue("task_id", taskId)
                .addKeyValue("error_type", e.getClass().getSimpleName())
                .addKeyValue("error", String.valueOf(e.getMessage()))
                .log();
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    // --- per-collection state ----------------------------------------------------------------------------------

    /** A metric body: returns the metric, or null after {@link Measurement#skip} recorded why. */
    @FunctionalInterface
    private interface MetricBody<T> {
        T compute(Measurement c);
    }

    /** The baseline means read once per collection, so that every metric compares against the same baseline. */
    private record BaselineMeans(Double turns, Double errorRate, Double tokens, Double duration) {}

    /** The state of one team-run collection: inputs, the lazily read baseline, and the skip reasons so far. */
    private final class Measurement {
        static final String EMPTY_BASELINE = "baseline is empty (no single-agent run recorded yet)";

        final CoordinationConfig cfg;
        final CoordinationInput in;
        final RunStatistics stats;
        final List<SkippedMetric> skipped = new ArrayList<>();
        MessageDensity density;
        private BaselineMeans baseline;

        Measurement(CoordinationConfig cfg, CoordinationInput in, RunStatistics stats) {
            this.cfg = cfg;
            this.in = in;
            this.stats = stats;
        }

        <T> T measure(MetricName metric, MetricBody<T> body) {
            if (!cfg.collects(metric)) {
                return skip(metric, "not in coordination.collect");
            }
            try {
                return body.compute(this);
            } catch (RuntimeException e) {
                LOG.atWarn()
                        .setMessage("vigil.coordination.collection_failed")
                        .addKeyValue("metric", metric.wireName())
                        .addKeyValue("error_type", e.getClass().getSimpleName())
                        .addKeyValue("error", String.valueOf(e.getMessage()))
                        .log();
                skipped.add(new SkippedMetric(metric, "failed: " + describe(e)));
                return null;
            }
        }

        <T> T skip(MetricName metric, String reason) {
            LOG.atDebug()
                    .setMessage("vigil.coordination.metric_skipped")
                    .addKeyValue("metric", metric.wireName())
                    .addKeyValue("reason", reason)
                    .log();
            skipped.add(new SkippedMetric(metric, reason));
            return null;
        }

        boolean requireStore(MetricName metric) {
            if (baselineStore == null) {
                skip(metric, "no baseline store wired");
                return false;
            }
            return true;
        }

        Double baselineTurns(MetricName metric) {
            if (!requireStore(metric)) {
                return null;
            }
            Double turns = baseline().turns();
            if (turns == null) {
                skip(metric, EMPTY_BASELINE);
            }
            return turns;
        }

        BaselineMeans baseline() {
            if (baseline == null) {
                baseline = new BaselineMeans(
                        baselineStore.baselineTurns(),
                        baselineStore.baselineErrorRate(),
                        baselineStore.baselineTokens(),
                        baselineStore.baselineDuration());
            }
            return baseline;
        }
    }

    /** Assembles a collector; only the config is required. */
    public static final class Builder {
        private final CoordinationConfig config;
        private BaselineStore baselineStore;
        private NotificationPublisher publisher;
        private SimilarityComputer similarityComputer;
        private CoordinationMetricsStore metricsStore;
        private Clock clock = Clock.systemUTC();

        private Builder(CoordinationConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The single-agent baseline; without it efficiency, overhead, error amplification and token/speedup are null. */
        public Builder baselineStore(BaselineStore value) {
            this.baselineStore = value;
            return this;
        }

        /** Where overhead alerts are published (health-core's dispatcher implements it); optional. */
        public Builder publisher(NotificationPublisher value) {
            this.publisher = value;
            return this;
        }

        /**
         * A similarity for redundancy that replaces the configured built-in one (e.g. an embedding service). Without
         * it, {@code coordination.redundancy.similarity} decides: {@code jaccard} uses {@link JaccardSimilarity},
         * {@code none} leaves redundancy null.
         */
        public Builder similarityComputer(SimilarityComputer value) {
            this.similarityComputer = value;
            return this;
        }

        /** Where each team run's metrics are persisted; optional. */
        public Builder metricsStore(CoordinationMetricsStore value) {
            this.metricsStore = value;
            return this;
        }

        /** The clock stamping records and notifications (default: the UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Creates the collector. */
        public CoordinationMetricsCollector build() {
            return new CoordinationMetricsCollector(this);
        }
    }
}
