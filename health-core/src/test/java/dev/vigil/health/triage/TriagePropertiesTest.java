package dev.vigil.health.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.TriageDecision;
import dev.vigil.spi.plugin.TriageRule;
import dev.vigil.spi.plugin.TriageVerdict;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Triage with any set of rules, including throwing, null-returning and nameless ones, returns a decision. */
class TriagePropertiesTest {

    /** What a generated third-party rule does. */
    enum Behaviour {
        ESCALATE,
        DISMISS,
        ABSTAIN,
        RETURN_NULL,
        THROW_RUNTIME,
        THROW_CHECKED,
        NAME_THROWS,
        NAME_NULL
    }

    @Property(tries = 500)
    void alwaysDecides(
            @ForAll("ruleSets") List<TriageRule> rules,
            @ForAll("tickets") EscalationTicket ticket,
            @ForAll("configs") TriageConfig config) {
        TriageOutcome outcome = TriageChain.builder(config).rules(rules).build().decide(ticket);

        assertNotNull(outcome);
        assertNotEquals(TriageDecision.ABSTAIN, outcome.decision());
        assertNotNull(outcome.rule());
        assertNotNull(outcome.reason());
    }

    @Property(tries = 300)
    void withoutDecidingRulesTheBuiltInsDecide(
            @ForAll("nonDecidingRuleSets") List<TriageRule> rules, @ForAll("tickets") EscalationTicket ticket) {
        TriageOutcome withNoise =
                TriageChain.builder(TriageConfig.DEFAULTS).rules(rules).build().decide(ticket);
        TriageOutcome builtInsOnly = TriageChain.defaults().decide(ticket);

        assertEquals(builtInsOnly.decision(), withNoise.decision());
        assertEquals(builtInsOnly.rule(), withNoise.rule());
    }

    @Provide
    Arbitrary<List<TriageRule>> ruleSets() {
        return rule(Arbitraries.of(Behaviour.class)).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<TriageRule>> nonDecidingRuleSets() {
        return rule(Arbitraries.of(
                        Behaviour.ABSTAIN,
                        Behaviour.RETURN_NULL,
                        Behaviour.THROW_RUNTIME,
                        Behaviour.THROW_CHECKED,
                        Behaviour.NAME_THROWS))
                .list()
                .ofMaxSize(6);
    }

    @Provide
    Arbitrary<EscalationTicket> tickets() {
        Arbitrary<Double> stall = Arbitraries.oneOf(
                Arbitraries.of(0.0, 59.999, 60.0, Double.MAX_VALUE, Double.MIN_VALUE),
                Arbitraries.doubles().between(0.0, 1e9));
        return Combinators.combine(
                        Arbitraries.of(EscalationCause.class),
                        Arbitraries.of(EscalationSeverity.class),
                        stall,
                        Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as((cause, severity, s, steps) -> EscalationTicket.builder("r", "a", "t", cause, severity, "e")
                        .stallDurationSeconds(s)
                        .stepsSinceLastProgress(steps)
                        .build());
    }

    @Provide
    Arbitrary<TriageConfig> configs() {
        return Combinators.combine(
                        Arbitraries.oneOf(
                                Arbitraries.of(0.0, Double.MAX_VALUE),
                                Arbitraries.doubles().between(0, 1e6)),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as(TriageConfig::new);
    }

    private static Arbitrary<TriageRule> rule(Arbitrary<Behaviour> behaviours) {
        return Combinators.combine(
                        behaviours,
                        Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4))
                .as(GeneratedRule::new);
    }

    /** A rule that behaves as generated. */
    private static final class GeneratedRule implements TriageRule {
        private final Behaviour behaviour;
        private final int priority;
        private final String name;

        GeneratedRule(Behaviour behaviour, int priority, String name) {
            this.behaviour = behaviour;
            this.priority = priority;
            this.name = name;
        }

        @Override
        public String name() {
            if (behaviour == Behaviour.NAME_THROWS) {
                throw new IllegalStateException("no name");
            }
            return behaviour == Behaviour.NAME_NULL ? null : name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public TriageVerdict evaluate(EscalationTicket ticket) {
            switch (behaviour) {
                case ESCALATE:
                    return TriageVerdict.escalate("generated");
                case DISMISS:
                    return TriageVerdict.dismiss("generated");
                case RETURN_NULL:
                    return null;
                case THROW_RUNTIME:
                    throw new IllegalArgumentException("generated failure");
                case THROW_CHECKED:
                    return sneakyThrow(new IOException("checked failure"));
                default:
                    return TriageVerdict.ABSTAIN;
            }
        }

        @SuppressWarnings("unchecked")
        private static <E extends Throwable> TriageVerdict sneakyThrow(Throwable error) throws E {
            throw (E) error;
        }
    }
}
