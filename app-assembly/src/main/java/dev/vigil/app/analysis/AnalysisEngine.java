package dev.vigil.app.analysis;

import dev.vigil.app.ingest.InputProblem;
import dev.vigil.app.ingest.TraceFormat;
import dev.vigil.app.ingest.TraceFormats;
import dev.vigil.app.ingest.TraceRecord;
import dev.vigil.coordination.CoordinationMetricsCollector;
import dev.vigil.coordination.CoordinationResult;
import dev.vigil.coordination.MetricName;
import dev.vigil.spi.model.Candidate;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.trajectory.TaskSelection;
import dev.vigil.trajectory.TrajectoryScore;
import dev.vigil.trajectory.TrajectoryScorer;
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
 * Batch analysis of trace files and folders. Pass 1 streams every file: each single-agent run goes through the
 * {@link RunAnalyzer} and feeds the coordination baseline (F11); candidates of best-of-K tasks are kept per task
 * and scored once the pass ends. Pass 2, only when team runs were seen, measures each team run. Results reach the
 * listener in input order; only one run (or team run) and the candidates are held in memory.
 */
public final class AnalysisEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisEngine.class);

    private final RunAnalyzer runAnalyzer;
    private final CoordinationMetricsCollector collector;
    private final TraceFormats formats;

    @Inject
    public AnalysisEngine(RunAnalyzer runAnalyzer, CoordinationMetricsCollector collector, TraceFormats formats) {
        this.runAnalyzer = runAnalyzer;
        this.collector = collector;
        this.formats = formats;
    }

    /**
     * Analyses {@code inputs} (files, or folders read recursively in name order).
     *
     * @param formatName a format to use for every file, or null to detect each file's format by content
     * @return the totals; the listener has seen every result and the same summary
     */
    public AnalysisSummary analyze(List<Path> inputs, String formatName, AnalysisListener listener) throws IOException {
        List<InputProblem> problems = new ArrayList<>();
        List<Source> sources = sources(inputs, formatName, problems);
        Totals totals = new Totals();
        Map<String, List<Candidate>> candidatesByTask = new LinkedHashMap<>();
        Map<String, Map<Integer, Double>> outcomes = new LinkedHashMap<>();
        int[] teamRunsSeen = {0};

        for (Source source : sources) {
            source.format()
                    .read(
                            source.file(),
                            record -> {
                                if (record instanceof TraceRecord.SingleRun single) {
                                    RunResult result = runAnalyzer.analyze(single);
                                    totals.add(result);
                                    listener.run(result);
                                    collectBaseline(single);
                                    if (single.candidate() != null) {
                                        keepCandidate(single, candidatesByTask, outcomes);
                                    }
                                } else {
                                    teamRunsSeen[0]++;
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

        int groups = 0;
        for (Map.Entry<String, List<Candidate>> task : candidatesByTask.entrySet()) {
            listener.bestOfK(bestOfK(task.getKey(), task.getValue(), outcomes.get(task.getKey())));
            groups++;
        }

        int teams = 0;
        if (teamRunsSeen[0] > 0) {
            List<TeamResult> teamResults = new ArrayList<>();
            for (Source source : sources) {
                source.format()
                        .read(
                                source.file(),
                                record -> {
                                    if (record instanceof TraceRecord.Team team) {
                                        TeamResult result = measure(team);
                                        teamResults.add(result);
                                        listener.team(result);
                                    }
                                },
                                ignoredBecauseReportedInPassOne -> {});
            }
            teams = teamResults.size();
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
            Map<String, Map<Integer, Double>> outcomes) {
        var info = single.candidate();
        String task = single.run().taskId();
        Candidate candidate = info.traceTokens() == null
                ? Candidate.of(info.index(), single.run(), info.verbalizedConfidence())
                : new Candidate(info.index(), single.run(), info.verbalizedConfidence(), info.traceTokens());
        candidatesByTask.computeIfAbsent(task, t -> new ArrayList<>()).add(candidate);
        outcomes.computeIfAbsent(task, t -> new LinkedHashMap<>()).put(info.index(), info.outcome());
    }

    private static BestOfKResult bestOfK(String taskId, List<Candidate> candidates, Map<Integer, Double> outcomes) {
        try {
            TaskSelection selection = TrajectoryScorer.selectPerTask(candidates).get(0);
            Map<Integer, TrajectoryScore> byIndex = new LinkedHashMap<>();
            selection.scores().forEach(score -> byIndex.put(score.candidateIndex(), score));
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
            String note = consistent + " of " + candidates.size()
                    + " candidates agree on the final tool calls; best joint score among them";
            return new BestOfKResult(
                    taskId,
                    scores,
                    selection.selected().candidateIndex(),
                    selection.selected().run().runId(),
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
        return new TeamResult(
                teamRun.teamRunId(),
                teamRun.taskId(),
                (int) agents,
                teamRun.messageCount(),
                metrics,
                alerts,
                skipped,
                team.origin());
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
