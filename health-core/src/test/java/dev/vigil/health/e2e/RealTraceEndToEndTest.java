package dev.vigil.health.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.FakeClock;
import dev.vigil.health.Fixtures;
import dev.vigil.health.HealthJudge;
import dev.vigil.health.HealthMonitoringPipeline;
import dev.vigil.health.JudgeConfig;
import dev.vigil.health.RunDriver;
import dev.vigil.health.RunMonitorConfig;
import dev.vigil.health.SpecRuleClassifier;
import dev.vigil.health.notify.ConsoleSink;
import dev.vigil.health.notify.NotificationDispatcher;
import dev.vigil.health.triage.TriageChain;
import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.plugin.NotificationSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real runs end to end, through the whole per-run sequence with default settings: steps, stagnation detector,
 * classifier (a stand-in for quality-core's rule_based, quality.md §1.2), incremental judge, triage, pipeline,
 * dispatcher (a recording sink and the console sink), end-of-run judgement. The traces are read from
 * {@code ../shared/traces/} by the small readers next to this test.
 */
class RealTraceEndToEndTest {

    private static final Path TRACES = Path.of("..", "..", "shared", "traces");

    private final List<Notification> delivered = Collections.synchronizedList(new ArrayList<>());
    private NotificationDispatcher dispatcher;
    private HealthMonitoringPipeline pipeline;

    @BeforeEach
    void wire() {
        NotificationSink recording = new NotificationSink() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public void start() {}

            @Override
            public void send(Notification n) {
                delivered.add(n);
            }

            @Override
            public void close() {}
        };
        dispatcher = NotificationDispatcher.builder(List.of(new ConsoleSink(), recording))
                .build();
        dispatcher.start();
        FakeClock clock = new FakeClock(Fixtures.T0);
        pipeline = HealthMonitoringPipeline.builder()
                .judge(new HealthJudge(JudgeConfig.DEFAULTS, clock))
                .triage(TriageChain.defaults())
                .publisher(dispatcher)
                .clock(clock)
                .build();
    }

    @AfterEach
    void close() {
        dispatcher.close();
    }

    /**
     * ChatDev RPG_V1: after the code reviews, the test engineer reports the same {@code ModuleNotFoundError: No module
     * named 'pygame'} three times in a row (two test reports and the error summary; ChatDev runs {@code pip install
     * pygame} while handling it), then the next test cycle passes and the team finishes the manual.
     *
     * <p>A person reading this log expects exactly one alert: "the agents are stuck on the same failure" at the third
     * identical failure. That is QUALITY_DEGRADATION HIGH (3 consecutive INCORRECT steps = the threshold), escalated by
     * the severity rule and delivered as an ERROR notification. Its stall is the time since the run started, 937 s
     * (17:48:38 to 18:04:15), because no earlier step showed progress (the role-play turns are NEUTRAL). Nothing
     * else: the pip install is a different call, so the detector sees no repetition; the later passing test breaks the
     * streak, so the completed run gets no end-of-run ticket.
     */
    @Test
    void chatDevThreeIdenticalTestFailures() throws IOException {
        Run run = ChatDevLogReader.read(TRACES.resolve("chatdev-RPG_V1-20231026174838.log"));
        assertEquals(1174.0, run.durationSeconds(), "matches the log's own duration=1174.00s");
        assertEquals(17, run.steps().size());

        RunDriver.RunTrace trace = RunDriver.drive(run, RunMonitorConfig.DEFAULTS, pipeline, new SpecRuleClassifier());

        assertEquals("NNNNNNNNNIIINCNNN", qualities(trace));
        assertTrue(trace.steps().stream()
                .allMatch(s -> s.stagnation() == null || s.stagnation().verdict() == StagnationVerdict.NO_STAGNATION));
        assertEquals(1, trace.all().size(), () -> "tickets: " + trace.all());
        EscalationTicket ticket = trace.steps().get(11).tickets().get(0);
        assertEquals(EscalationCause.QUALITY_DEGRADATION, ticket.cause());
        assertEquals(EscalationSeverity.HIGH, ticket.severity());
        assertEquals("3 consecutive incorrect steps (threshold: 3)", ticket.evidence());
        assertEquals(937.0, ticket.stallDurationSeconds());
        assertEquals(12, ticket.stepsSinceLastProgress());
        assertEquals(List.of(), trace.endTickets());

        assertEquals(1, delivered.size());
        assertEquals(
                "Health alert: quality_degradation (high)", delivered.get(0).title());
        assertEquals("error", delivered.get(0).severity().wireName());
        assertEquals(run.runId(), delivered.get(0).metadata().get("run_id"));
    }

    /**
     * τ-bench airline, gpt-4o, 12 tasks x 4 trials (one step = the agent's handling of one user message).
     *
     * <p>A person reading these 48 conversations sees one run that is stuck: task 13, trial 0, where the agent keeps
     * calling {@code update_reservation_flights} with the unavailable flight HAT030 on 2024-05-13 and gets {@code Error:
     * flight HAT030 not available on date 2024-05-13} on four user turns in a row (steps 6 to 9). Exactly that run
     * gets a ticket: QUALITY_DEGRADATION HIGH at step 8, the third failing step in a row, 3 steps after the last step
     * that made progress (step 5); the fourth failing step is the same finding and is suppressed, and the run ends on
     * a successful update, so there is no end-of-run ticket.
     *
     * <p>The other 47 runs stay silent, and that is what the reader should expect too. The reward-0 runs (e.g. task 14,
     * all trials) fail on policy decisions in otherwise orderly dialogues, which is task failure, not ill health. Task
     * 8 trial 1 retries {@code book_reservation} three times with the same error, but within one step and interleaved
     * with distinct {@code think} calls, so the repetition ratio stays at 0.4 (< 0.6) with no cycle, and the agent
     * then hands over to a human. No run repeats tool calls enough for the detector to ask for a correction.
     */
    @Test
    void tauBenchOnlyTheStuckRunRaisesATicket() throws IOException {
        List<Run> runs = TauBenchReader.read(TRACES.resolve("taubench-gpt4o-airline-12tasks-x4trials.json"));
        assertEquals(48, runs.size());

        Map<String, List<EscalationTicket>> ticketsByRun = new LinkedHashMap<>();
        RunDriver.RunTrace stuck = null;
        for (Run run : runs) {
            RunDriver.RunTrace trace =
                    RunDriver.drive(run, RunMonitorConfig.DEFAULTS, pipeline, new SpecRuleClassifier());
            assertTrue(
                    trace.steps().stream()
                            .allMatch(s -> s.stagnation() == null
                                    || s.stagnation().verdict() == StagnationVerdict.NO_STAGNATION),
                    () -> "unexpected stagnation verdict in " + run.runId());
            if (!trace.all().isEmpty()) {
                ticketsByRun.put(run.runId(), trace.all());
            }
            if (run.runId().equals(TauBenchReader.runId(13, 0))) {
                stuck = trace;
            }
        }

        assertEquals(List.of(TauBenchReader.runId(13, 0)), List.copyOf(ticketsByRun.keySet()));
        assertEquals("NCNCNCIIIINIIC", qualities(stuck));
        EscalationTicket ticket = ticketsByRun.get(TauBenchReader.runId(13, 0)).get(0);
        assertEquals(1, ticketsByRun.get(TauBenchReader.runId(13, 0)).size());
        assertEquals(ticket, stuck.steps().get(8).tickets().get(0));
        assertEquals(EscalationCause.QUALITY_DEGRADATION, ticket.cause());
        assertEquals(EscalationSeverity.HIGH, ticket.severity());
        assertEquals(3, ticket.stepsSinceLastProgress());
        assertEquals(0.0, ticket.stallDurationSeconds(), "the file has no timestamps");
        assertEquals(List.of(), stuck.endTickets());
        assertEquals(1, delivered.size());
        assertEquals("airline-task-13", delivered.get(0).metadata().get("task_id"));
    }

    @Test
    void tracesAreWhereTheBriefSays() {
        assertTrue(Files.isDirectory(TRACES), () -> "missing " + TRACES.toAbsolutePath());
    }

    private static String qualities(RunDriver.RunTrace trace) {
        StringBuilder out = new StringBuilder();
        for (RunDriver.StepTrace step : trace.steps()) {
            StepQuality q = step.signal().quality();
            out.append(q == StepQuality.CORRECT ? 'C' : q == StepQuality.NEUTRAL ? 'N' : 'I');
        }
        return out.toString();
    }
}
