package dev.vigil.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §20, the Amdahl table (D14). */
class AmdahlCeilingTest {

    @ParameterizedTest(name = "p {0}: maxSpeedup {1}, team {2}")
    @CsvSource({
        "0.0, 1.0, 1",
        "0.1, 1.1111111111111112, 1",
        "0.3, 1.4285714285714286, 4",
        "0.5, 2.0, 9",
        "0.6666666666666666, 2.9999999999999996, 18",
        "0.75, 4.0, 27",
        "0.8, 5.000000000000001, 37",
        "0.9, 10.000000000000002, 82"
    })
    void ceilingAndRecommendedTeamSize(double p, double maxSpeedup, int teamSize) {
        AmdahlCeiling ceiling = CoordinationFormulas.computeAmdahlCeiling(p);
        assertEquals(maxSpeedup, ceiling.maxSpeedup());
        assertEquals(teamSize, ceiling.recommendedTeamSize());
    }

    @Test
    void teamSizesMapToTheirParallelFraction() {
        // The collector's p = (n - 1) / n for n = 2, 3, 4, 5, 10.
        assertEquals(0.5, (2 - 1) / 2.0);
        assertEquals(0.6666666666666666, (3 - 1) / 3.0);
        assertEquals(0.75, (4 - 1) / 4.0);
        assertEquals(0.8, (5 - 1) / 5.0);
        assertEquals(0.9, (10 - 1) / 10.0);
    }

    @Test
    void p09IsRoundedUpFrom81Point00000000000001() {
        // D14: evaluated in double in exactly this order, the quotient lands just above 81.
        assertEquals(81.00000000000001, (9.0 * 0.9) / (1.0 - 0.9));
        assertEquals(36.00000000000001, (9.0 * 0.8) / (1.0 - 0.8));
        assertEquals(82, new AmdahlCeiling(0.9).recommendedTeamSize());
    }

    @Test
    void rejectsOneAndOutOfRange() {
        assertEquals(
                "parallelizableFraction must be in [0.0, 1.0), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> CoordinationFormulas.computeAmdahlCeiling(1.0))
                        .getMessage());
        assertEquals(
                "parallelizableFraction must be in [0.0, 1.0), got -0.1",
                assertThrows(IllegalArgumentException.class, () -> new AmdahlCeiling(-0.1))
                        .getMessage());
        assertEquals(
                "parallelizableFraction must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new AmdahlCeiling(Double.NaN))
                        .getMessage());
    }

    @Test
    void teamSizeSaturatesNearOne() {
        assertEquals(Integer.MAX_VALUE, new AmdahlCeiling(Math.nextDown(1.0)).recommendedTeamSize());
    }
}
