package dev.vigil.quality;

import dev.vigil.quality.ClassificationOutcome.Answered;
import dev.vigil.quality.ClassificationOutcome.Failed;
import dev.vigil.quality.ClassificationOutcome.FailureKind;
import dev.vigil.quality.internal.Checks;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.plugin.StepClassifier;
import dev.vigil.spi.plugin.StepContext;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a (possibly third-party) step classifier so that it can never crash or stall the caller (quality.md §1.1, F9).
 * Each call runs on the caller-supplied executor and is awaited for at most the call timeout
 * ({@code plugins.call_timeout_seconds}, 5.0 s). If the classifier throws a {@link RuntimeException} (or a checked
 * exception), times out or returns null, the call is logged as warning {@code vigil.quality.step_classification_failed}
 * (classifier, step_index, error_type, error) and the step gets no signal: leave it out of the accuracy-effort ratio
 * and the judge's signal list. A {@link java.lang.Error} thrown by the classifier propagates to the caller.
 *
 * <p>Optionally, {@link #withFallback} names a classifier (normally the built-in {@link RuleBasedStepClassifier}) that
 * answers in the caller's thread when the guarded one gives no answer; without it the step simply has no signal.
 *
 * <p>{@link #inCallerThread} runs a trusted classifier (Vigil's built-ins, which are total and answer in
 * microseconds, far less than a hand-over to another thread costs) in the caller's thread instead: a throw or a null
 * answer is handled as above, but there is no timeout.
 *
 * <p>The executor should have a thread free for each concurrent call (a cached pool, or virtual threads); time spent
 * queued counts against the timeout. A timed-out call is cancelled with interruption. Thread-safe.
 */
public final class GuardedStepClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedStepClassifier.class);

    private final StepClassifier classifier;
    private final String classifierName;
    private final ExecutorService executor;
    private final Duration callTimeout;
    private final StepClassifier fallback;

    /** Set by {@link #inCallerThread}: no executor, no timeout. */
    private final boolean inCallerThread;

    /**
     * Guards {@code classifier}.
     *
     * @param classifier the classifier to guard
     * @param executor where calls run; the caller owns and shuts it down
     * @param callTimeout the longest wait for one answer, {@code > 0}
     */
    public GuardedStepClassifier(StepClassifier classifier, ExecutorService executor, Duration callTimeout) {
        this(classifier, executor, callTimeout, null, false);
    }

    private GuardedStepClassifier(
            StepClassifier classifier,
            ExecutorService executor,
            Duration callTimeout,
            StepClassifier fallback,
            boolean inCallerThread) {
        this.classifier = Checks.required(classifier, "classifier");
        this.inCallerThread = inCallerThread;
        this.executor = executor == null && inCallerThread ? null : Checks.required(executor, "executor");
        Checks.required(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be > 0, got " + callTimeout);
        }
        this.callTimeout = callTimeout;
        this.classifierName = safeName(classifier);
        this.fallback = fallback;
    }

    /**
     * Runs {@code trusted} directly in the caller's thread, for Vigil's own classifiers, which are total and answer in
     * microseconds: no hand-over to another thread per step (which costs more than classifying) and no timeout. A
     * {@link RuntimeException}, a checked exception or a null answer still gives no signal and is logged as for a
     * guarded call; an {@link Error} propagates. Never use it for a third-party classifier, which may hang.
     */
    public static GuardedStepClassifier inCallerThread(StepClassifier trusted) {
        return new GuardedStepClassifier(trusted, null, ChronoUnit.FOREVER.getDuration(), null, true);
    }

    /**
     * Guards {@code classifier} with a timeout in seconds, as {@code plugins.call_timeout_seconds} gives it.
     *
     * @throws IllegalArgumentException {@code callTimeoutSeconds must be > 0, got 0.0}
     */
    public static GuardedStepClassifier of(
            StepClassifier classifier, ExecutorService executor, double callTimeoutSeconds) {
        Checks.positive(callTimeoutSeconds, "callTimeoutSeconds");
        long nanos = (long) Math.min(Long.MAX_VALUE, Math.ceil(callTimeoutSeconds * TimeUnit.SECONDS.toNanos(1)));
        return new GuardedStepClassifier(classifier, executor, Duration.ofNanos(Math.max(1L, nanos)));
    }

    /**
     * This guard with a fallback classifier that answers, unguarded and in the caller's thread, whenever the guarded
     * classifier gives no answer. The failure is still logged. Intended for the built-in classifier, which is total.
     */
    public GuardedStepClassifier withFallback(StepClassifier fallbackClassifier) {
        return new GuardedStepClassifier(
                classifier,
                executor,
                callTimeout,
                Checks.required(fallbackClassifier, "fallbackClassifier"),
                inCallerThread);
    }

    /** The guarded classifier's name, as reported in log events. */
    public String classifierName() {
        return classifierName;
    }

    /** The call timeout; {@link ChronoUnit#FOREVER}'s duration for a classifier run {@link #inCallerThread}. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * Classifies one step under the guard.
     *
     * @return the signal, or empty when the classifier threw, timed out or returned null (and no fallback answered)
     * @throws Error when the classifier throws one
     */
    public Optional<StepQualitySignal> classify(
            int stepIndex, List<Turn> turns, TerminationReason terminationReason, StagnationResult stagnation) {
        ClassificationOutcome outcome = attempt(stepIndex, turns, terminationReason, stagnation);
        if (outcome instanceof Answered answered) {
            return Optional.of(answered.value());
        }
        if (fallback == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(fallback.classify(stepIndex, turns, terminationReason, stagnation));
        } catch (RuntimeException e) {
            report(new Failed(
                    safeName(fallback),
                    stepIndex,
                    FailureKind.THREW,
                    e.getClass().getName(),
                    message(e)));
            return Optional.empty();
        }
    }

    /** Classifies {@code step} under the guard; see {@link #classify(int, List, TerminationReason, StagnationResult)}. */
    public Optional<StepQualitySignal> classify(Step step, StagnationResult stagnation) {
        Checks.required(step, "step");
        return classify(step.stepIndex(), step.turns(), step.terminationReason(), stagnation);
    }

    /**
     * Classifies one step under the guard and says what happened; a failure is logged as by {@link #classify}. The
     * fallback classifier is not consulted.
     *
     * @throws Error when the classifier throws one
     */
    public ClassificationOutcome attempt(
            int stepIndex, List<Turn> turns, TerminationReason terminationReason, StagnationResult stagnation) {
        return attempt(stepIndex, () -> classifier.classify(stepIndex, turns, terminationReason, stagnation));
    }

    /**
     * Classifies one step with its run context under the guard and says what happened (the fallback is not consulted).
     *
     * @throws Error when the classifier throws one
     */
    public ClassificationOutcome attempt(StepContext context) {
        Checks.required(context, "context");
        return attempt(context.step().stepIndex(), () -> classifier.classify(context));
    }

    /**
     * Classifies one step with its run context (earlier steps, run metadata) under the guard: a throw, a timeout or a
     * null gives the fallback's answer when one is set, else empty; each failure is logged.
     *
     * @throws Error when the classifier throws one
     */
    public Optional<StepQualitySignal> classify(StepContext context) {
        ClassificationOutcome outcome = attempt(context);
        if (outcome instanceof Answered answered) {
            return Optional.of(answered.value());
        }
        if (fallback == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(fallback.classify(context));
        } catch (RuntimeException e) {
            report(new Failed(
                    safeName(fallback),
                    context.step().stepIndex(),
                    FailureKind.THREW,
                    e.getClass().getName(),
                    message(e)));
            return Optional.empty();
        }
    }

    private ClassificationOutcome attempt(int stepIndex, Callable<StepQualitySignal> invocation) {
        ClassificationOutcome outcome = call(stepIndex, invocation);
        if (outcome instanceof Failed failed) {
            report(failed);
        }
        return outcome;
    }

    private ClassificationOutcome call(int stepIndex, Callable<StepQualitySignal> invocation) {
        if (inCallerThread) {
            return callInThisThread(stepIndex, invocation);
        }
        Future<StepQualitySignal> future;
        try {
            future = executor.submit(invocation);
        } catch (RejectedExecutionException e) {
            return failed(stepIndex, FailureKind.NOT_RUN, e.getClass().getName(), message(e));
        }
        try {
            StepQualitySignal signal = future.get(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (signal == null) {
                return failed(
                        stepIndex,
                        FailureKind.NULL_RESULT,
                        FailureKind.NULL_RESULT.wireName(),
                        "classifier returned null");
            }
            return new Answered(signal);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(
                    stepIndex,
                    FailureKind.TIMEOUT,
                    FailureKind.TIMEOUT.wireName(),
                    String.format(
                            Locale.ROOT,
                            "classifier did not answer within %s s",
                            callTimeout.toNanos() / (double) TimeUnit.SECONDS.toNanos(1)));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            return failed(stepIndex, FailureKind.THREW, cause.getClass().getName(), message(cause));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return failed(stepIndex, FailureKind.NOT_RUN, e.getClass().getName(), "interrupted while waiting");
        } catch (CancellationException e) {
            return failed(stepIndex, FailureKind.NOT_RUN, e.getClass().getName(), message(e));
        }
    }

    private ClassificationOutcome callInThisThread(int stepIndex, Callable<StepQualitySignal> invocation) {
        StepQualitySignal signal;
        try {
            signal = invocation.call();
        } catch (RuntimeException e) {
            return failed(stepIndex, FailureKind.THREW, e.getClass().getName(), message(e));
        } catch (Exception e) {
            return failed(stepIndex, FailureKind.THREW, e.getClass().getName(), message(e));
        }
        if (signal == null) {
            return failed(
                    stepIndex, FailureKind.NULL_RESULT, FailureKind.NULL_RESULT.wireName(), "classifier returned null");
        }
        return new Answered(signal);
    }

    private Failed failed(int stepIndex, FailureKind kind, String errorType, String error) {
        return new Failed(classifierName, stepIndex, kind, errorType, error);
    }

    private static void report(Failed failed) {
        LOG.atWarn()
                .setMessage(QualityEvents.STEP_CLASSIFICATION_FAILED)
                .addKeyValue("classifier", failed.classifier())
                .addKeyValue("step_index", failed.stepIndex())
                .addKeyValue("error_type", failed.errorType())
                .addKeyValue("error", failed.error())
                .log();
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }

    /** The plugin's name, or its class name when {@code name()} itself misbehaves. */
    private static String safeName(StepClassifier classifier) {
        try {
            String name = classifier.name();
            return name == null || name.isBlank() ? classifier.getClass().getName() : name;
        } catch (RuntimeException e) {
            return classifier.getClass().getName();
        }
    }
}
