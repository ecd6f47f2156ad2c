package dev.vigil.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.stagnation.ErosionWeights;
import dev.vigil.health.stagnation.QualityErosionConfig;
import dev.vigil.health.stagnation.QualityErosionDetector;
import dev.vigil.health.stagnation.StagnationConfig;
import dev.vigil.health.stagnation.StagnationDetector;
import dev.vigil.health.stagnation.ToolRepetitionDetector;
import dev.vigil.health.triage.TriageChain;
import dev.vigil.health.triage.TriageConfig;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.StagnationReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.plugin.TriageRule;
import dev.vigil.spi.plugin.TriageVerdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The judge never emits duplicate (run, cause, severity) tickets, whatever the steps, verdicts, triage answers and
 * run end; and the per-step stagnation check costs one window even on a 10^5-step run.
 */
class RunHealthMonitorPropertiesTest {

    /** One generated step: signal letter (C/N/I or '-' for none), verdict, elapsed increment. */
    record GenStep(char signal, StagnationVerdict verdict, double elapsedIncrement) {}

    @Property(tries = 400)
    void neverEmitsDuplicateRunCauseSeverityTickets(
            @ForAll("steps") List<GenStep> steps,
            @ForAll @IntRange(min = 1, max = 10) int threshold,
            @ForAll("timeouts") Double runTimeout,
            @ForAll long triageSeed,
            @ForAll TerminationReason end,
            @ForAll boolean recovery,
            @ForAll @DoubleRange(min = 0, max = 1e6) double duration) {
        RecordingPublisher publisher = new RecordingPublisher();
        Random coin = new Random(triageSeed);
        // A third-party rule that answers at random, so tickets are sometimes dismissed and judged again (F3).
        TriageRule moody = new TriageRule() {
            @Override
            public String name() {
                return "moody";
            }

            @Override
            public int priority() {
                return 0;
            }

            @Override
            public TriageVerdict evaluate(EscalationTicket ticket) {
                switch (coin.nextInt(3)) {
                    case 0:
                        return TriageVerdict.escalate("coin");
                    case 1:
                        return TriageVerdict.dismiss("coin");
                    default:
                        return TriageVerdict.ABSTAIN;
                }
            }
        };
        HealthMonitoringPipeline pipeline = HealthMonitoringPipeline.builder()
                .judge(new HealthJudge(new JudgeConfig(threshold, true, true, runTimeout)))
                .triage(TriageChain.builder(TriageConfig.DEFAULTS).rule(moody).build())
                .publisher(publisher)
                .build();
        RunHealthMonitor monitor =
                RunHealthMonitor.start("run-p", "agent", "task", RunMonitorConfig.DEFAULTS, null, pipeline);

        List<EscalationTicket> tickets = new ArrayList<>();
        double elapsed = 0.0;
        for (int i = 0; i < steps.size(); i++) {
            GenStep step = steps.get(i);
            elapsed += step.elapsedIncrement();
            StepQualitySignal signal =
                    step.signal() == '-' ? null : Fixtures.signal(Fixtures.quality(step.signal()), i);
            tickets.addAll(monitor.afterStep(i, signal, verdict(step.verdict()), elapsed));
        }
        tickets.addAll(monitor.complete(end, recovery, duration));

        Set<String> seen = new HashSet<>();
        for (EscalationTicket t : tickets) {
            assertTrue(seen.add(t.runId() + "|" + t.cause() + "|" + t.severity()), "duplicate ticket " + t);
        }
        assertEquals(tickets, monitor.escalatedTickets());
        assertEquals(tickets.size(), publisher.published().size());
    }

    @Property(tries = 2)
    void aHundredThousandStepsCostOneWindowEach(
            @ForAll @IntRange(min = 2, max = 50) int window, @ForAll boolean erosion) {
        StagnationDetector real = erosion
                ? new QualityErosionDetector(new QualityErosionConfig(0.5, window), 1, ErosionWeights.DEFAULTS)
                : new ToolRepetitionDetector(new StagnationConfig(window, 0.6, true, 1, 2));
        long[] maxReads = {0};
        long[] checks = {0};
        StagnationDetector counting = new StagnationDetector() {
            @Override
            public String type() {
                return real.type();
            }

            @Override
            public StagnationResult check(List<Turn> turns, int correctionsInjected) {
                CountingTurns counted = new CountingTurns(turns);
                StagnationResult result = real.check(counted, correctionsInjected);
                maxReads[0] = Math.max(maxReads[0], counted.reads());
                checks[0]++;
                return result;
            }
        };
        HealthMonitoringPipeline pipeline = HealthMonitoringPipeline.builder()
                .judge(new HealthJudge(JudgeConfig.DEFAULTS))
                .triage(TriageChain.defaults())
                .publisher(new RecordingPublisher())
                .build();
        RunHealthMonitor monitor =
                RunHealthMonitor.start("run-long", "agent", "task", RunMonitorConfig.DEFAULTS, counting, pipeline);

        int n = 100_000;
        for (int i = 0; i < n; i++) {
            // Every third turn has no tool call; tool calls cycle through 7 argument values.
            Turn turn = i % 3 == 2
                    ? Turn.builder(i + 1, FinishReason.STOP).build()
                    : Turn.builder(i + 1, FinishReason.TOOL_USE)
                            .toolCall(ToolCall.of("read_file", Map.of("path", "f" + i % 7)))
                            .build();
            StagnationResult verdict = monitor.checkStagnation(i, List.of(turn));
            monitor.afterStep(i, Fixtures.signal(StepQuality.NEUTRAL, i), verdict, i);
        }

        assertEquals(n, checks[0]);
        assertTrue(maxReads[0] <= window, "a check read " + maxReads[0] + " turns, window is " + window);
    }

    private static StagnationResult verdict(StagnationVerdict verdict) {
        if (verdict == null) {
            return null;
        }
        switch (verdict) {
            case INJECT_PROMPT:
                return new StagnationResult(
                        verdict, StagnationReason.TOOL_REPETITION, "try something else", 0.7, null, Map.of());
            case TERMINATE:
                return new StagnationResult(verdict, StagnationReason.CYCLE_DETECTION, null, 0.8, 2, Map.of());
            default:
                return StagnationResult.NO_STAGNATION;
        }
    }

    @Provide
    Arbitrary<List<GenStep>> steps() {
        Arbitrary<Character> signal = Arbitraries.of('C', 'N', 'I', 'I', 'I', '-');
        Arbitrary<StagnationVerdict> verdict =
                Arbitraries.of(StagnationVerdict.class).injectNull(0.5);
        Arbitrary<Double> increment = Arbitraries.oneOf(
                Arbitraries.just(0.0), Arbitraries.doubles().between(0.0, 120.0), Arbitraries.just(1e9));
        return net.jqwik.api.Combinators.combine(signal, verdict, increment)
                .as(GenStep::new)
                .list()
                .ofMaxSize(40);
    }

    @Provide
    Arbitrary<Double> timeouts() {
        return Arbitraries.doubles().between(0.001, 500.0).ofScale(3).injectNull(0.3);
    }
}
