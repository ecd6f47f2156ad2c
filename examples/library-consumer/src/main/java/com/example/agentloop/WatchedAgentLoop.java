package com.example.agentloop;

import dev.vigil.health.HealthJudge;
import dev.vigil.health.HealthMonitoringPipeline;
import dev.vigil.health.JudgeConfig;
import dev.vigil.health.RunHealthMonitor;
import dev.vigil.health.RunMonitorConfig;
import dev.vigil.health.notify.DispatcherConfig;
import dev.vigil.health.notify.NotificationDispatcher;
import dev.vigil.health.triage.TriageChain;
import dev.vigil.health.triage.TriageConfig;
import dev.vigil.quality.ClassifierConfig;
import dev.vigil.quality.RuleBasedStepClassifier;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An agent loop that asks Vigil, after every step, whether the run is stuck or degrading, the way a team embeds Vigil
 * without the assembly: plain constructors and builders, settings from {@link Settings#defaults()} with overrides.
 */
public final class WatchedAgentLoop {

    /** What the loop did. */
    public record Outcome(int stepsRun, TerminationReason reason, List<String> corrections, List<EscalationTicket> tickets) {}

    private final Settings settings;
    private final List<NotificationSink> sinks;

    public WatchedAgentLoop(Settings settings, List<NotificationSink> sinks) {
        this.settings = settings;
        this.sinks = List.copyOf(sinks);
    }

    /**
     * Runs at most {@code maxSteps} steps, each produced by {@code agent} (one LLM call per step here), and stops when
     * Vigil's stagnation detector says TERMINATE.
     */
    public Outcome run(String runId, IntFunction<Turn> agent, int maxSteps) {
        RuleBasedStepClassifier classifier = new RuleBasedStepClassifier(ClassifierConfig.from(settings));
        NotificationDispatcher dispatcher =
                NotificationDispatcher.builder(sinks).config(DispatcherConfig.from(settings)).build();
        dispatcher.start();
        HealthMonitoringPipeline pipeline = HealthMonitoringPipeline.builder()
                .judge(new HealthJudge(JudgeConfig.from(settings)))
                .triage(TriageChain.builder(TriageConfig.from(settings)).build())
                .publisher(dispatcher)
                .build();
        RunHealthMonitor monitor =
                RunHealthMonitor.start(runId, "support-agent", "task-" + runId, RunMonitorConfig.from(settings), pipeline);
        List<String> corrections = new ArrayList<>();
        List<EscalationTicket> tickets = new ArrayList<>();
        TerminationReason reason = TerminationReason.MAX_TURNS;
        int step = 0;
        try {
            for (; step < maxSteps; step++) {
                List<Turn> turns = List.of(agent.apply(step + 1));
                StagnationResult stagnation = monitor.checkStagnation(step, turns);
                if (stagnation != null && stagnation.verdict() == StagnationVerdict.INJECT_PROMPT) {
                    corrections.add(stagnation.correctiveMessage()); // a real loop would send it to the model
                }
                StepQualitySignal signal = classifier.classify(step, turns, TerminationReason.COMPLETED, stagnation);
                tickets.addAll(monitor.afterStep(step, signal, stagnation, step * 2.0));
                if (stagnation != null && stagnation.verdict() == StagnationVerdict.TERMINATE) {
                    reason = TerminationReason.STAGNATION;
                    step++;
                    break;
                }
            }
            tickets.addAll(monitor.complete(reason, false, step * 2.0));
        } finally {
            dispatcher.close();
        }
        return new Outcome(step, reason, corrections, tickets);
    }
}
