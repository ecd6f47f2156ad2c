/**
 * Vigil health engine (health.md): tells you, while a run is still going, that it is stuck, eroding or failing.
 *
 * <h2>Layers</h2>
 *
 * <ol>
 *   <li>{@link dev.vigil.health.stagnation} detectors decide after each step whether the agent repeats itself;
 *   <li>{@link dev.vigil.health.HealthJudge} (sensitive) turns signals and verdicts into escalation tickets;
 *   <li>{@link dev.vigil.health.triage.TriageChain} (conservative) decides which tickets escalate;
 *   <li>{@link dev.vigil.health.HealthMonitoringPipeline} maps escalated tickets to notifications (with optional
 *       {@link dev.vigil.health.triage.AlertGrouper grouping}) and publishes them through the spi port
 *       {@link dev.vigil.spi.plugin.NotificationPublisher};
 *   <li>{@link dev.vigil.health.notify.NotificationDispatcher} fans them out to sinks with retries.
 * </ol>
 *
 * <h2>Wiring (the assembly)</h2>
 *
 * Once per process:
 *
 * <pre>{@code
 * NotificationDispatcher dispatcher = NotificationDispatcher.builder(sinks)
 *         .config(DispatcherConfig.from(settings))
 *         .enabled(() -> liveSettings().get(HealthSettings.DISPATCHER_ENABLED))
 *         .drainBudget(notificationDispatcherShutdownBudget)
 *         .build();
 * dispatcher.start();
 * AlertGrouper grouper = new AlertGrouper(GroupingConfig.from(settings), clock);   // shared by all runs
 * }</pre>
 *
 * Per run (settings are live, so read them at run start):
 *
 * <pre>{@code
 * Settings s = liveSettings();
 * TriageChain triage = TriageChain.builder(TriageConfig.from(s))
 *         .rules(thirdPartyTriageRules)                          // from TriageRuleProviders
 *         .silences(Silence.fromSettings(s))
 *         .callTimeout(pluginCallTimeout, pluginExecutor)        // plugins.call_timeout_seconds (F9)
 *         .build();
 * HealthMonitoringPipeline pipeline = HealthMonitoringPipeline.builder()
 *         .judge(new HealthJudge(JudgeConfig.from(s), clock))
 *         .triage(triage).publisher(dispatcher).grouper(grouper).clock(clock)
 *         .build();
 * RunHealthMonitor monitor = RunHealthMonitor.start(run.runId(), run.agentId(), run.taskId(),
 *         RunMonitorConfig.from(s), pipeline);
 *
 * for (Step step : run.steps()) {
 *     int i = step.stepIndex();
 *     StagnationResult stagnation = monitor.checkStagnation(i, step.turns());    // 1. detector (D7), may be null
 *     StepQualitySignal signal = classify(step, stagnation);                      // 2. classifier, null = no answer
 *     tickets.addAll(monitor.afterStep(i, signal, stagnation, run.elapsedSecondsAtEndOf(i)));  // 3-6. judge,
 * }                                                                               //     triage, pipeline, dispatcher
 * tickets.addAll(monitor.complete(run.terminationReason(), run.recoveryApplied(), run.durationSeconds()));
 * ErosionScore erosion = StructuralErosion.score(run.turns(),
 *         s.get(HealthSettings.STAGNATION_EROSION_WINDOW_SIZE), ErosionWeights.from(s));   // per-run report
 * }</pre>
 *
 * The loop body can also be one call, {@code monitor.observeStep(step, (st, verdict) -> classify(st, verdict),
 * run.elapsedSecondsAtEndOf(i))}, which returns the verdict, the signal and the new tickets.
 *
 * <p>{@code afterStep} must be called for every step, in order, even with incremental judging off (it only records the
 * signal then). When monitoring is disabled, {@code checkStagnation} still returns verdicts for the classifier, and
 * {@code afterStep}/{@code complete} return nothing. Every call returns only tickets escalated at that call;
 * {@link dev.vigil.health.RunHealthMonitor#escalatedTickets()} has all of the run's.
 *
 * <p>Library use without per-step data: {@link dev.vigil.health.HealthMonitoringPipeline#process} judges a finished
 * run statelessly.
 *
 * <p>Settings: {@link dev.vigil.health.HealthSettings} (settings.md §3 plus the Vigil additions
 * {@code workers.dispatcher.send_timeout_seconds}, {@code engine.health.triage.group_by},
 * {@code engine.health.triage.repeat_interval_seconds} and {@code engine.health.triage.silences}).
 */
package dev.vigil.health;
