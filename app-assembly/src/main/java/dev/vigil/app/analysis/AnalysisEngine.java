package dev.vigil.app.analysis;

import dev.vigil.app.ingest.InputProblem;
import dev.vigil.app.ingest.TraceFormat;
import dev.vigil.app.ingest.TraceFormats;
import dev.vigil.app.ingest.TraceRecord;
import dev.vigil.app.plugins.LoadedPlugins;
import dev.vigil.app.plugins.PluginPoint;
import dev.vigil.app.plugins.PluginRecord;
import dev.vigil.coordination.CoordinationMetricsCollector;
import dev.vigil.coordination.CoordinationResult;
import dev.vigil.coordination.MetricName;
import dev.vigil.health.triage.AlertGrouper;
import dev.vigil.health.triage.GroupKey;
import dev.vigil.spi.model.Candidate;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.spi.model.Turn;
import dev.vigil.trajectory.CandidateRanking;
import dev.vigil.trajectory.SelectionConfig;
import dev.vigil.trajectory.TaskSelection;
import dev.vigil.trajectory.TrajectoryScore;
import dev.vigil.trajectory.TrajectoryScorer;
import dev.vigil.trajectory.VoteScope;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batch analysis of trace files and folders. Pass 1 streams every file: the reading thread parses records and hands
 * each single-agent run to a pool of worker threads (one per core by default) that run the {@link RunAnalyzer}; one
 * delivery thread takes the results back in input order, reports them to the listener, feeds the coordination
 * baseline (F11) and keeps best-of-K candidates, which are scored once the pass ends. Team runs are measured after
 * the pass, against the complete baseline: those read in pass 1 are kept up to a budget of
 * {@value #TEAM_BUFFER_TURNS} turns, and only the rest are read again in a pass 2.
 *
 * <p>Memory stays bounded whatever the input size: each worker holds one run, at most {@value #WINDOW_PER_THREAD}
 * results per worker wait for their turn (fewer when the runs are long: see {@link #MAX_STEPS_IN_FLIGHT}), and a
 * best-of-K candidate is kept only as its last turn's tool calls (all
 * that its scoring reads). The report is the same as with one thread, because every step of one run is analysed in
 * order by one worker and everything shared across runs (report, baseline, candidates) happens in input order.
 *
 * <p>Analysis runs on one thread when runs could influence each other's results through shared state: notification
 * grouping that spans runs ({@code engine.health.triage.group_by} without {@code run}), or third-party classifiers or
 * triage rules, which the SPI does not require to be thread-safe.
 */
public final class AnalysisEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisEngine.class);

    /** Results that may wait for their turn, per worker thread, besides the one each worker is computing. */
    static final int WINDOW_PER_THREAD = 2;

    /**
     * Steps of the runs read but not yet reported beyond which reading waits (besides one run per worker and one read
     * ahead): a few runs of 100,000 steps would otherwise fill the window with hundreds of megabytes.
     */
    static final long MAX_STEPS_IN_FLIGHT = 200_000;

    /** Team runs kept from pass 1, counted in agent turns (about 1 KiB each in memory). */
    static final long TEAM_BUFFER_TURNS = 100_000;

    private static final String BUILT_IN_ORIGIN = "built-in";

    private final RunAnalyzer runAnalyzer;
    private final CoordinationMetricsCollector collector;
    private final TraceFormats formats;
    private final String sequentialReason;

    private final SelectionConfig selection;

    @Inject
    public AnalysisEngine(
            RunAnalyzer runAnalyzer,
            CoordinationMetricsCollector collector,
            TraceFormats formats,
            AlertGrouper grouper,
            LoadedPlugins plugins,
            SelectionConfig selection) {
        this.runAnalyzer = runAnalyzer;
        this.selection = selection;
        this.collector = collector;
        this.formats = formats;
        this.sequentialReason = sequentialReason(grouper, plugins);
    }

    /** Why analysis must run on one thread with this wiring, or null when runs may be analysed in parallel. */
    private static String sequentialReason(AlertGrouper grouper, LoadedPlugins plugins) {
        var grouping = grouper.config();
        if (grouping.repeatIntervalSeconds() > 0 && !grouping.groupBy().contains(GroupKey.RUN)) {
            return "notification grouping spans runs (engine.health.triage.group_by has no 'run')";
        }
        for (PluginRecord record : plugins.records()) {
            if (record.state() == PluginRecord.State.LOADED
                    && (record.point() == PluginPoint.CLASSIFIER || record.point() == PluginPoint.TRIAGE_RULE)
                    && !BUILT_IN_ORIGIN.equals(record.origin())) {
                return "third-party " + record.point().label() + " '" + record.name()
                        + "' loaded; plugins need not be thread-safe";
            }
        }
        return null;
    }

    /**
     * Analyses {@code inputs} (files, or folders read recursively in name order) on all cores.
     *
     * @param formatName a format to use for every file, or null to detect each file's format by content
     * @return the totals; the listener has seen every result and the same summary
     */
    public AnalysisSummary analyze(List<Path> inputs, String formatName, AnalysisListener listener) throws IOException {
        return analyze(inputs, formatName, listener, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The number of worker threads an analysis asked for {@code requested} threads uses: {@code requested}, or 1 when
     * the wiring requires sequential analysis (see the class comment).
     */
    public int effectiveThreads(int requested) {
        if (requested < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + requested);
        }
        return sequentialReason == null ? requested : 1;
    }

    /**
     * Analyses {@code inputs} with up to {@code threads} worker threads; the listener is called from one thread at a
     * time, in input order, and sees the same results whatever the number of threads.
     *
     * @param formatName a format to use for every file, or null to detect each file's format by content
     * @param threads worker threads, &ge; 1
     * @return the totals; the listener has seen every result and the same summary
     */
    public AnalysisSummary analyze(List<Path> inputs, String formatName, AnalysisListener listener, int threads)
            throws IOException {
        int workers = effectiveThreads(threads);
        if (workers < threads) {
            LOG.atInfo()
                    .setMessage("vigil.assembly.analysis_sequential")
                    .addKeyValue("requested_threads", threads)
                    .addKeyValue("reason", sequentialReason)
                    .log();
        }
        List<InputProblem> problems = new ArrayList<>();
        List<Source> sources = sources(inputs, formatName, problems);
        Totals totals = new Totals();
        Map<String, List<Candidate>> candidatesByTask = new LinkedHashMap<>();
        Map<String, Map<Integer, Double>> outcomes = new LinkedHashMap<>();
        List<TraceRecord.Team> keptTeams = new ArrayList<>();
        long[] keptTeamTurns = {0};
        int[] teamRunsSeen = {0};

        try (OrderedPipeline<TraceRecord.SingleRun, Analysed> pipeline = new OrderedPipeline<>(
                workers,
                workers * (1 + WINDOW_PER_THREAD),
                single -> single.run().turns().size(),
                MAX_STEPS_IN_FLIGHT,
                single -> new Analysed(single, runAnalyzer.analyze(single)),
                analysed -> {
                    totals.add(analysed.result());
                    listener.run(analysed.result());
                    collectBaseline(analysed.record());
                    if (analysed.record().candidate() != null) {
                        keepCandidate(analysed.record(), candidatesByTask, outcomes, selection);
                    }
                })) {
            for (Source source : sources) {
                source.format()
                        .read(
                                source.file(),
                                record -> {
                                    if (record instanceof TraceRecord.SingleRun single) {
                                        pipeline.submit(single);
                                    } else if (record instanceof TraceRecord.Team team) {
                                        teamRunsSeen[0]++;
                                        long turns = turns(team.teamRun());
                                        // Keep teams while within budget and none was dropped, so kept = a prefix.
                                        if (keptTeams.size() == teamRunsSeen[0] - 1
                                                && keptTeamTurns[0] + turns <= TEAM_BUFFER_TURNS) {
                                            keptTeams.add(team);
                                            keptTeamTurns[0] += turns;
                                        }
                                    }
                                },
                                problem -> {
                                    problems.add(problem);
                                    LOG.atWarn()
                                            .setMessage("vigil.assembly.input_rejected")
                                            .addKeyValue("location", problem.location())
                                            .addKeyValue("field", problem.field())
                                            .addKeyValue("problem", problem.problem())
                                            .log();
                                });
            }
            pipeline.finish();
        }

        int groups = 0;
        for (Map.Entry<String, List<Candidate>> task : candidatesByTask.entrySet()) {
            listener.bestOfK(bestOfK(task.getKey(), task.getValue(), outcomes.get(task.getKey()), selection));
            groups++;
        }

        int teams = 0;
        for (TraceRecord.Team team : keptTeams) {
            TeamResult measuredTeam = measure(team);
            measuredTeam.members().forEach(totals::addMember);
            listener.team(measuredTeam);
            teams++;
        }
        if (teamRunsSeen[0] > keptTeams.size()) {
            // Pass 2: only for the team runs that did not fit in memory; the first ones were measured above.
            int alreadyMeasured = keptTeams.size();
            keptTeams.clear();
            int[] seen = {0};
            int[] measured = {0};
            for (Source source : sources) {
                source.format()
                        .read(
                                source.file(),
                                record -> {
                                    if (record instanceof TraceRecord.Team team && seen[0]++ >= alreadyMeasured) {
                                        TeamResult measuredTeam = measure(team);
                                        measuredTeam.members().forEach(totals::addMember);
                                        listener.team(measuredTeam);
                                        measured[0]++;
                                    }
                                },
                                ignoredBecauseReportedInPassOne -> {});
            }
            teams += measured[0];
        }

        AnalysisSummary summary = new AnalysisSummary(
                sources.size(),
                totals.runs,
                totals.steps,
                teams,
                groups,
                totals.raised,
                totals.escalated,
                totals.highest,
                problems,
                0);
        listener.finish(summary);
        return summary;
    }

    /** A run and what its analysis found. */
    private record Analysed(TraceRecord.SingleRun record, RunResult result) {}

    private static long turns(TeamRun teamRun) {
        long turns = 0;
        for (Run run : teamRun.agentRuns()) {
            turns += run.turns().size();
        }
        return turns;
    }

    private void collectBaseline(TraceRecord.SingleRun single) {
        try {
            collector.collect(single.run());
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .setMessage("vigil.coordination.collection_failed")
                    .addKeyValue("metric", "baseline_record")
                    .addKeyValue("error_type", e.getClass().getSimpleName())
                    .addKeyValue("error", e.getMessage())
                    .log();
        }
    }

    private static void keepCandidate(
            TraceRecord.SingleRun single,
            Map<String, List<Candidate>> candidatesByTask,
            Map<String, Map<Integer, Double>> outcomes,
            SelectionConfig selection) {
        var info = single.candidate();
        Run run = single.run();
        String task = run.taskId();
        long traceTokens = info.traceTokens() == null ? run.totalOutputTokens() : info.traceTokens();
        // The seed's scoring reads only the last turn; the other scopes, the agreement ranking and the length estimate
        // read the whole run.
        boolean lastTurnSuffices = selection.voteScope() == VoteScope.LAST_TURN
                && selection.ranking() == CandidateRanking.JOINT_SCORE
                && !selection.estimateMissingTokens();
        Candidate candidate = new Candidate(
                info.index(), lastTurnSuffices ? lastTurnOnly(run) : run, info.verbalizedConfidence(), traceTokens);
        candidatesByTask.computeIfAbsent(task, t -> new ArrayList<>()).add(candidate);
        outcomes.computeIfAbsent(task, t -> new LinkedHashMap<>()).put(info.index(), info.outcome());
    }

    /**
     * The run with only what best-of-K scoring reads (ids, termination, the last turn's tool calls), so that holding
     * every candidate of a large input until the end of pass 1 costs little memory.
     */
    private static Run lastTurnOnly(Run run) {
        List<Turn> turns = run.turns();
        List<Turn> last = List.of();
        if (!turns.isEmpty()) {
            Turn turn = turns.get(turns.size() - 1);
            last = List.of(Turn.builder(turn.turnNumber(), turn.finishReason())
                    .toolCalls(turn.toolCalls())
                    .build());
        }
        return Run.builder(run.runId(), run.agentId(), run.taskId(), run.terminationReason())
                .errorMessage(run.errorMessage())
                .turns(last)
                .build();
    }

    private static BestOfKResult bestOfK(
            String taskId, List<Candidate> candidates, Map<Integer, Double> outcomes, SelectionConfig selection) {
        try {
            TaskSelection chosen =
                    TrajectoryScorer.selectPerTask(candidates, selection).get(0);
            Map<Integer, TrajectoryScore> byIndex = new LinkedHashMap<>();
            chosen.scores().forEach(score -> byIndex.put(score.candidateIndex(), score));
            List<BestOfKResult.CandidateScore> scores = new ArrayList<>();
            for (Candidate candidate : candidates) {
                TrajectoryScore score = byIndex.get(candidate.candidateIndex());
                scores.add(new BestOfKResult.CandidateScore(
                        candidate.candidateIndex(),
                        candidate.run().runId(),
                        score != null && score.consistent(),
                        score == null ? 0.0 : score.jointScore(),
                        candidate.verbalizedConfidence(),
                        candidate.traceTokens(),
                        outcomes.get(candidate.candidateIndex())));
            }
            long consistent = scores.stream()
                    .filter(BestOfKResult.CandidateScore::consistent)
                    .count();
            String note = consistent + " of " + candidates.size() + " candidates agree ("
                    + selection.voteScope().wireName() + " vote); best by "
                    + selection.ranking().wireName();
            return new BestOfKResult(
                    taskId,
                    scores,
                    chosen.selected().candidateIndex(),
                    chosen.selected().run().runId(),
                    note);
        } catch (RuntimeException e) {
            List<BestOfKResult.CandidateScore> scores = candidates.stream()
                    .map(c -> new BestOfKResult.CandidateScore(
                            c.candidateIndex(),
                            c.run().runId(),
                            false,
                            0.0,
                            c.verbalizedConfidence(),
                            c.traceTokens(),
                            outcomes.get(c.candidateIndex())))
                    .toList();
            return new BestOfKResult(taskId, scores, null, null, "no selection: " + e.getMessage());
        }
    }

    private TeamResult measure(TraceRecord.Team team) {
        TeamRun teamRun = team.teamRun();
        CoordinationResult result = collector.collect(teamRun);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (MetricName name : MetricName.values()) {
            Object value = TeamMetricValues.of(result.metrics().get(name));
            if (value != null) {
                metrics.put(name.wireName(), value);
            }
        }
        List<String> alerts = new ArrayList<>();
        result.alerts()
                .forEach(alert -> alerts.add(
                        alert.severity().name() + ": " + alert.notification().title()));
        if (result.tokenSpeedupRatio() != null && result.tokenSpeedupRatio().alert()) {
            alerts.add("WARNING: token/speedup ratio above its alert ratio (diminishing returns)");
        }
        if (result.messageOverhead() != null && result.messageOverhead().isQuadratic()) {
            alerts.add("WARNING: message count grows quadratically with team size");
        }
        List<String> skipped = result.skipped().stream()
                .map(s -> s.metric().wireName() + ": " + s.reason())
                .toList();
        long agents =
                teamRun.agentRuns().stream().map(r -> r.agentId()).distinct().count();
        // Each member is watched like a single run: a stuck or failing agent inside a team raises its own tickets.
        List<RunResult> members = new ArrayList<>();
        for (Run member : teamRun.agentRuns()) {
            members.add(runAnalyzer.analyze(
                    new TraceRecord.SingleRun(member, null, stepOrigins(member, team.origin()), team.origin())));
        }
        return new TeamResult(
                teamRun.teamRunId(),
                teamRun.taskId(),
                (int) agents,
                teamRun.messageCount(),
                metrics,
                alerts,
                skipped,
                team.origin(),
                members);
    }

    /** Where each step of a team member came from: the adapter's {@code step_origins} metadata, if it recorded one. */
    private static List<String> stepOrigins(Run member, String teamOrigin) {
        Object recorded = member.metadata().get("step_origins");
        if (recorded instanceof List<?> origins) {
            return origins.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private record Source(Path file, TraceFormat format) {}

    private List<Source> sources(List<Path> inputs, String formatName, List<InputProblem> problems) throws IOException {
        List<Source> sources = new ArrayList<>();
        Optional<TraceFormat> forced = Optional.empty();
        if (formatName != null) {
            forced = formats.byName(formatName);
            if (forced.isEmpty()) {
                throw new IllegalArgumentException(
                        "--format must be one of [" + formats.names() + "], got '" + formatName + "'");
            }
        }
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new IllegalArgumentException("input not found: " + input);
            }
            List<Path> files;
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    files = walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> !p.getFileName().toString().endsWith(".md"))
                            .sorted()
                            .toList();
                }
            } else {
                files = List.of(input);
            }
            for (Path file : files) {
                Optional<TraceFormat> format = forced.isPresent() ? forced : formats.detect(file);
                if (format.isPresent()) {
                    sources.add(new Source(file, format.get()));
                } else {
                    problems.add(new InputProblem(
                            file.toString(),
                            "format",
                            "not a recognised trace format (known: " + formats.names() + "; use --format)"));
                }
            }
        }
        return sources;
    }

    /** Running totals over the analysed runs. */
    private static final class Totals {
        int runs;
        long steps;
        int raised;
        int escalated;
        EscalationSeverity highest;

        void add(RunResult run) {
            runs++;
            steps += run.steps().size();
            addMember(run);
        }

        /** A team member's tickets count with the rest; its steps belong to the team run, not to the run totals. */
        void addMember(RunResult run) {
            raised += run.tickets().size();
            escalated += (int) run.tickets().stream()
                    .filter(RunResult.TicketResult::escalated)
                    .count();
            EscalationSeverity runHighest = run.highestEscalated();
            if (runHighest != null && (highest == null || runHighest.compareTo(highest) > 0)) {
                highest = runHighest;
            }
        }
    }
}
