package dev.vigil.trajectory;

import static dev.vigil.trajectory.Fixtures.pteTurn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.settings.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §18 (PTE). */
class PteExamplesTest {

    @ParameterizedTest(name = "in {0}, out {1}, prior {2}, tool {3}, eviction {4}, inflation {5} -> {6}")
    @CsvSource({
        "100, 50, 0, 0, 0.3, 1.5, 150.0",
        "100, 50, 3, 0, 0.3, 1.5, 240.0",
        "100, 50, 0, 200, 0.3, 1.5, 450.0",
        "100, 50, 2, 100, 0.3, 1.5, 360.0",
        "100, 50, 1, 100, 0.5, 2.0, 400.0",
    })
    void perTurnTable(
            long input, long output, int prior, long toolTokens, double eviction, double inflation, double expected) {
        PteConfig config = new PteConfig(eviction, inflation);
        assertEquals(expected, PrefillTokenEquivalents.ofTurn(pteTurn(1, input, output, prior, toolTokens), config));
    }

    @Test
    void emptyTrajectoryIsZero() {
        assertEquals(0.0, PrefillTokenEquivalents.ofTurns(List.of(), PteConfig.DEFAULTS));
        Run empty = Run.builder("r", "a", "t", TerminationReason.COMPLETED).build();
        assertEquals(0.0, PrefillTokenEquivalents.ofRun(empty, PteConfig.DEFAULTS));
    }

    @Test
    void trajectoryIsTheSumOfItsTurns() {
        Run run = Run.builder("r", "a", "t", TerminationReason.COMPLETED)
                .turns(List.of(pteTurn(1, 100, 50, 0, 0), pteTurn(2, 100, 50, 3, 0), pteTurn(3, 100, 50, 2, 100)))
                .build();
        assertEquals(150.0 + 240.0 + 360.0, PrefillTokenEquivalents.ofRun(run, PteConfig.DEFAULTS));
    }

    @Test
    void configDefaultsAndValidation() {
        assertEquals(new PteConfig(0.3, 1.5), PteConfig.DEFAULTS);
        assertEquals(PteConfig.DEFAULTS, PteConfig.from(Settings.defaults()));
        assertEquals(
                new PteConfig(0.5, 2.0),
                PteConfig.from(Settings.of(java.util.Map.of(
                        "engine.trajectory.pte.eviction_penalty",
                        "0.5",
                        "engine.trajectory.pte.tool_inflation_factor",
                        2.0))));
        assertEquals(
                "evictionPenalty must be in [0.0, 1.0], got 1.1",
                assertThrows(IllegalArgumentException.class, () -> new PteConfig(1.1, 1.5))
                        .getMessage());
        assertEquals(
                "toolInflationFactor must be in [1.0, 5.0], got 0.5",
                assertThrows(IllegalArgumentException.class, () -> new PteConfig(0.3, 0.5))
                        .getMessage());
        assertEquals(
                "evictionPenalty must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new PteConfig(Double.NaN, 1.5))
                        .getMessage());
        assertEquals(
                "engine.trajectory.pte.tool_inflation_factor must be in [1.0, 5.0], got 6.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> PteConfig.from(Settings.of(
                                        java.util.Map.of("engine.trajectory.pte.tool_inflation_factor", 6.0))))
                        .getMessage());
    }
}
