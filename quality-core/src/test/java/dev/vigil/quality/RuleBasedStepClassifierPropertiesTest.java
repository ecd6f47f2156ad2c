package dev.vigil.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The classifier is total: any valid step with any verdict gives a signal, never an exception. */
class RuleBasedStepClassifierPropertiesTest {

    /** One generated turn: gap to the previous turn number, finish reason, whether it calls a tool. */
    record TurnSpec(int gap, FinishReason finish, boolean tools) {}

    @Provide
    Arbitrary<List<TurnSpec>> turnSpecs() {
        Arbitrary<TurnSpec> spec = Combinators.combine(
                        Arbitraries.integers().between(1, 1000),
                        Arbitraries.of(FinishReason.class),
                        Arbitraries.of(true, false))
                .as(TurnSpec::new);
        return spec.list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<StagnationVerdict> verdicts() {
        return Arbitraries.of(StagnationVerdict.class).injectNull(0.25);
    }

    @Property(tries = 500)
    void classifierIsTotal(
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int stepIndex,
            @ForAll("turnSpecs") List<TurnSpec> specs,
            @ForAll TerminationReason terminationReason,
            @ForAll("verdicts") StagnationVerdict verdict,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double ruleMatched,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double fallback) {
        List<Turn> turns = build(specs);
        RuleBasedStepClassifier classifier = new RuleBasedStepClassifier(new ClassifierConfig(ruleMatched, fallback));

        StepQualitySignal signal = classifier.classify(stepIndex, turns, terminationReason, Fixtures.verdict(verdict));

        assertNotNull(signal);
        assertEquals(stepIndex, signal.stepIndex());
        assertTrue(signal.turnRange().start() <= signal.turnRange().end());
        if (!turns.isEmpty()) {
            assertEquals(turns.get(0).turnNumber(), signal.turnRange().start());
            assertEquals(
                    turns.get(turns.size() - 1).turnNumber(), signal.turnRange().end());
        }
        if (verdict == StagnationVerdict.TERMINATE) {
            assertEquals(StepQuality.INCORRECT, signal.quality());
            assertEquals(1.0, signal.confidence());
        }
        if (signal.quality() == StepQuality.CORRECT) {
            assertEquals(TerminationReason.COMPLETED, terminationReason);
            assertTrue(turns.stream().anyMatch(t -> !t.toolCalls().isEmpty()));
        }
        if (signal.quality() == StepQuality.NEUTRAL) {
            assertEquals(fallback, signal.confidence());
        }
    }

    private static List<Turn> build(List<TurnSpec> specs) {
        List<Turn> turns = new ArrayList<>();
        long number = 0;
        for (TurnSpec spec : specs) {
            number = Math.min(Integer.MAX_VALUE, number + spec.gap());
            if (!turns.isEmpty() && number <= turns.get(turns.size() - 1).turnNumber()) {
                break; // saturated at Integer.MAX_VALUE; a valid step needs strictly increasing numbers
            }
            int n = (int) number;
            turns.add(spec.tools() ? Fixtures.toolTurn(n, spec.finish()) : Fixtures.plainTurn(n, spec.finish()));
        }
        return turns;
    }
}
