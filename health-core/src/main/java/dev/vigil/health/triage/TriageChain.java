package dev.vigil.health.triage;

import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.TriageDecision;
import dev.vigil.spi.plugin.TriageRule;
import dev.vigil.spi.plugin.TriageVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The conservative second layer (health.md §4, D11): decides whether a judged ticket escalates. Order:
 *
 * <ol>
 *   <li>active {@link Silence}s (a match dismisses with rule {@code silence}; none by default);
 *   <li>third-party {@link TriageRule}s, ascending {@code priority()}, then {@code name()}, then registration order;
 *   <li>the built-ins {@code severity} and {@code persistent_stall}, always last.
 * </ol>
 *
 * The first answer that is not ABSTAIN decides. A third-party rule that throws, exceeds the call timeout (when an
 * executor is supplied) or returns null counts as ABSTAIN and is logged as {@code vigil.health.triage_rule_failed}
 * (F9). Thread-safe once built.
 */
public final class TriageChain {

    private static final Logger LOG = LoggerFactory.getLogger(TriageChain.class);

    /** Rule name of a dismissal by an operator silence. */
    public static final String SILENCE_RULE = "silence";

    /** Rule name recorded when every rule abstained (impossible with the built-ins in place). */
    public static final String NO_RULE = "none";

    /** Rule name logged when a third-party rule's own {@code name()} throws. */
    public static final String UNKNOWN_RULE = "<unknown>";

    private final TriageConfig config;
    private final List<NamedRule> thirdParty;
    private final List<TriageRule> builtIns;
    private final List<Silence> silences;
    private final Duration callTimeout;
    private final ExecutorService executor;
    private final Clock clock;

    /** A rule with its name and priority read once, so ordering and logging never call the plugin again. */
    private record NamedRule(String name, int priority, TriageRule rule) {}

    private TriageChain(Builder builder) {
        this.config = builder.config;
        this.thirdParty = order(builder.rules);
        this.builtIns = List.of(new SeverityRule(), new PersistentStallRule(builder.config));
        this.silences = List.copyOf(builder.silences);
        this.callTimeout = builder.callTimeout;
        this.executor = builder.executor;
        this.clock = builder.clock;
    }

    /** A chain with only the built-in rules, default thresholds, no silences and no call timeout. */
    public static TriageChain defaults() {
        return builder(TriageConfig.DEFAULTS).build();
    }

    /** Starts a chain with the built-ins configured by {@code config}. */
    public static Builder builder(TriageConfig config) {
        return new Builder(config);
    }

    /** The built-in thresholds. */
    public TriageConfig config() {
        return config;
    }

    /** The third-party rule names in the order they are asked. */
    public List<String> thirdPartyOrder() {
        List<String> names = new ArrayList<>(thirdParty.size());
        for (NamedRule rule : thirdParty) {
            names.add(rule.name());
        }
        return List.copyOf(names);
    }

    /** True when the chain escalates {@code ticket} (health.md §4 {@code shouldEscalate}). */
    public boolean shouldEscalate(EscalationTicket ticket) {
        return decide(ticket).escalated();
    }

    /**
     * Runs the chain on {@code ticket} and logs {@code vigil.health.ticket_escalated} or {@code ticket_dismissed}.
     * Always returns a decision, whatever the third-party rules do; an {@link Error} from a rule propagates.
     */
    public TriageOutcome decide(EscalationTicket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        Instant now = clock.instant();
        for (Silence silence : silences) {
            if (silence.matches(ticket, now)) {
                return finish(
                        ticket,
                        TriageDecision.DISMISS,
                        SILENCE_RULE,
                        "silenced until " + silence.until(),
                        Map.of("silence", silence.toString()),
                        List.of());
            }
        }
        List<RuleFailure> failures = new ArrayList<>();
        for (NamedRule named : thirdParty) {
            TriageVerdict verdict = ask(named, ticket, failures);
            if (verdict != null && verdict.decision() != TriageDecision.ABSTAIN) {
                return finish(
                        ticket,
                        verdict.decision(),
                        named.name(),
                        "decided by rule " + named.name(),
                        verdict.details(),
                        failures);
            }
        }
        for (TriageRule rule : builtIns) {
            TriageVerdict verdict = rule.evaluate(ticket);
            if (verdict.decision() != TriageDecision.ABSTAIN) {
                return finish(ticket, verdict.decision(), rule.name(), verdict.reason(), verdict.details(), failures);
            }
        }
        return finish(ticket, TriageDecision.DISMISS, NO_RULE, "no rule decided", Map.of(), failures);
    }

    private TriageVerdict ask(NamedRule named, EscalationTicket ticket, List<RuleFailure> failures) {
        TriageVerdict verdict;
        try {
            verdict = callTimeout == null ? named.rule().evaluate(ticket) : askWithTimeout(named.rule(), ticket);
        } catch (TimeoutException e) {
            failed(
                    named.name(),
                    ticket,
                    "TimeoutException",
                    "no answer within " + seconds(callTimeout) + " s",
                    failures);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(named.name(), ticket, "InterruptedException", "interrupted while waiting for the rule", failures);
            return null;
        } catch (Exception e) {
            // Isolated (README "Failure isolation"): RuntimeException and checked exceptions; Error propagates.
            failed(named.name(), ticket, e.getClass().getSimpleName(), String.valueOf(e.getMessage()), failures);
            return null;
        }
        if (verdict == null) {
            failed(named.name(), ticket, "NullVerdict", "rule returned null", failures);
        }
        return verdict;
    }

    private TriageVerdict askWithTimeout(TriageRule rule, EscalationTicket ticket) throws Exception {
        Future<TriageVerdict> future;
        try {
            future = executor.submit(() -> rule.evaluate(ticket));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("triage executor rejected the call", e);
        }
        try {
            return future.get(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
    }

    private static void failed(
            String rule, EscalationTicket ticket, String errorType, String error, List<RuleFailure> failures) {
        failures.add(new RuleFailure(rule, errorType, error));
        LOG.atWarn()
                .setMessage("vigil.health.triage_rule_failed")
                .addKeyValue("rule", rule)
                .addKeyValue("ticket_id", ticket == null ? null : ticket.id())
                .addKeyValue("error_type", errorType)
                .addKeyValue("error", error)
                .log();
    }

    private static TriageOutcome finish(
            EscalationTicket ticket,
            TriageDecision decision,
            String rule,
            String reason,
            Map<String, Object> details,
            List<RuleFailure> failures) {
        LoggingEventBuilder event = LOG.atInfo()
                .setMessage(
                        decision == TriageDecision.ESCALATE
                                ? "vigil.health.ticket_escalated"
                                : "vigil.health.ticket_dismissed")
                .addKeyValue("ticket_id", ticket.id())
                .addKeyValue("cause", ticket.cause().wireName())
                .addKeyValue("severity", ticket.severity().wireName())
                .addKeyValue("rule", rule)
                .addKeyValue("reason", reason);
        for (Map.Entry<String, Object> detail : details.entrySet()) {
            event = event.addKeyValue(detail.getKey(), detail.getValue());
        }
        event.log();
        return new TriageOutcome(decision, rule, reason, details, failures);
    }

    private static List<NamedRule> order(List<TriageRule> rules) {
        List<NamedRule> named = new ArrayList<>(rules.size());
        for (TriageRule rule : rules) {
            Objects.requireNonNull(rule, "rules must not contain null");
            String name;
            int priority;
            try {
                name = rule.name();
                priority = rule.priority();
            } catch (RuntimeException e) {
                // A rule that cannot even say who it is cannot be ordered: leave it out, loudly.
                failed(
                        UNKNOWN_RULE,
                        null,
                        e.getClass().getSimpleName(),
                        String.valueOf(e.getMessage()),
                        new ArrayList<>());
                continue;
            }
            named.add(new NamedRule(name == null ? UNKNOWN_RULE : name, priority, rule));
        }
        // List.sort is stable: full ties keep registration order (D13).
        named.sort(Comparator.comparingInt(NamedRule::priority).thenComparing(NamedRule::name));
        return List.copyOf(named);
    }

    private static String seconds(Duration duration) {
        return Double.toString(duration.toNanos() / 1e9);
    }

    /** Builder of a {@link TriageChain}. */
    public static final class Builder {
        private final TriageConfig config;
        private final List<TriageRule> rules = new ArrayList<>();
        private final List<Silence> silences = new ArrayList<>();
        private Duration callTimeout;
        private ExecutorService executor;
        private Clock clock = Clock.systemUTC();

        private Builder(TriageConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Adds third-party rules, in registration order (the final tie-break). */
        public Builder rules(List<? extends TriageRule> value) {
            rules.addAll(value);
            return this;
        }

        /** Adds one third-party rule. */
        public Builder rule(TriageRule value) {
            rules.add(Objects.requireNonNull(value, "rule"));
            return this;
        }

        /** Adds operator silences (see {@link Silence#fromSettings}). */
        public Builder silences(List<Silence> value) {
            silences.addAll(value);
            return this;
        }

        /**
         * Guards each third-party rule call with {@code timeout} ({@code plugins.call_timeout_seconds}), running it
         * on {@code executor}; a rule that does not answer in time is cancelled (interrupted) and abstains. The
         * executor belongs to the caller, who shuts it down. Without this call, rules run on the caller's thread.
         */
        public Builder callTimeout(Duration timeout, ExecutorService executor) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
            }
            this.callTimeout = timeout;
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The clock silences are checked against (default UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Orders the rules and builds the chain. */
        public TriageChain build() {
            return new TriageChain(this);
        }
    }
}
