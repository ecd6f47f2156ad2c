package dev.vigil.spi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The canonical double form (D1) checked against BigDecimal reasoning about the Java 19+ {@code Double.toString}
 * specification: the result rounds back to x, no shorter decimal does (except that one digit may become two), it is the
 * closest to x among decimals of its length, and it is laid out like {@code Double.toString}. Where Java 17's own output
 * is already of that length and that close, the two agree.
 */
class ShortestDoublePropertiesTest {

    @Provide
    Arbitrary<Double> finite() {
        return JsonArbitraries.finiteDoubles();
    }

    private static BigDecimal decimal(String text) {
        return new BigDecimal(text).abs();
    }

    private static int length(BigDecimal decimal) {
        return decimal.stripTrailingZeros().precision();
    }

    private static boolean roundsTo(BigDecimal decimal, double magnitude) {
        return decimal.doubleValue() == magnitude;
    }

    @Property(tries = 3000)
    void roundTripsBitForBit(@ForAll("finite") double x) {
        String text = ToolCallFingerprint.formatDouble(x);
        assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
    }

    @Property(tries = 3000)
    void noShorterDecimalRoundsBack(@ForAll("finite") double x) {
        Assume.that(x != 0.0);
        double magnitude = Math.abs(x);
        BigDecimal exact = new BigDecimal(magnitude);
        int length = length(decimal(ToolCallFingerprint.formatDouble(x)));
        assertTrue(length >= 1 && length <= 17, "length " + length);
        if (length > 2) {
            int shorter = length - 1;
            assertFalse(roundsTo(exact.round(new MathContext(shorter, RoundingMode.FLOOR)), magnitude));
            assertFalse(roundsTo(exact.round(new MathContext(shorter, RoundingMode.CEILING)), magnitude));
        }
    }

    @Property(tries = 3000)
    void isTheClosestRoundTripDecimalOfItsLength(@ForAll("finite") double x) {
        Assume.that(x != 0.0);
        double magnitude = Math.abs(x);
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal ours = decimal(ToolCallFingerprint.formatDouble(x));
        // compare against both neighbours at the chosen precision (two digits when one digit would do)
        int precision = Math.max(2, length(ours));
        BigDecimal step = BigDecimal.ONE.movePointLeft(precision - 1 - exponentOf(ours));
        BigDecimal oursDistance = ours.subtract(exact).abs();
        // just below a power of ten the decimals of the same length are ten times denser
        BigDecimal stepBelow = ours.stripTrailingZeros().unscaledValue().equals(java.math.BigInteger.ONE)
                ? step.movePointLeft(1)
                : step;
        for (BigDecimal neighbour : new BigDecimal[] {ours.subtract(stepBelow), ours.add(step)}) {
            if (neighbour.signum() > 0 && roundsTo(neighbour, magnitude)) {
                int comparison = neighbour.subtract(exact).abs().compareTo(oursDistance);
                assertTrue(comparison >= 0, () -> neighbour + " is closer to " + exact + " than " + ours);
                if (comparison == 0) {
                    int lastDigit = ours.movePointRight(precision - 1 - exponentOf(ours))
                            .toBigInteger()
                            .mod(java.math.BigInteger.TEN)
                            .intValue();
                    assertEquals(0, lastDigit % 2, "a tie goes to the even digit");
                }
            }
        }
    }

    /** The decimal exponent of the leading digit: d.ddd × 10^e. */
    private static int exponentOf(BigDecimal positive) {
        BigDecimal stripped = positive.stripTrailingZeros();
        return stripped.precision() - 1 - stripped.scale();
    }

    @Property(tries = 3000)
    void agreesWithJava17WhenJava17IsAlreadyShortestAndClosest(@ForAll("finite") double x) {
        Assume.that(x != 0.0);
        String java17 = Double.toString(x);
        String ours = ToolCallFingerprint.formatDouble(x);
        BigDecimal exact = new BigDecimal(Math.abs(x));
        BigDecimal java17Decimal = decimal(java17);
        BigDecimal oursDecimal = decimal(ours);
        int java17Length = Math.max(2, length(java17Decimal));
        int oursLength = Math.max(2, length(oursDecimal));
        // never longer than Java 17, and never farther from x at the same length
        assertTrue(oursLength <= java17Length, () -> ours + " is longer than " + java17);
        if (oursLength == java17Length) {
            BigDecimal java17Distance = java17Decimal.subtract(exact).abs();
            BigDecimal oursDistance = oursDecimal.subtract(exact).abs();
            assertTrue(oursDistance.compareTo(java17Distance) <= 0, () -> ours + " is farther than " + java17);
            if (oursDistance.compareTo(java17Distance) < 0 || length(java17Decimal) != length(oursDecimal)) {
                return; // Java 17 picked a farther decimal (e.g. 3.0917847662113995E25): JDK-4511638
            }
            if (java17Decimal.compareTo(oursDecimal) == 0) {
                assertEquals(java17, ours);
            }
        }
    }

    /** A value where Java 17 prints a decimal of the same length that is farther from x (JDK-4511638). */
    @Example
    void java17CanPickAFartherDecimalOfTheSameLength() {
        double x = 3.0917847662113996E25;
        BigDecimal exact = new BigDecimal(x);
        BigDecimal ours = new BigDecimal(ToolCallFingerprint.formatDouble(x));
        BigDecimal java17 = new BigDecimal("3.0917847662113995E25"); // Double.toString(x) on Java 17
        assertEquals("3.0917847662113996E25", ToolCallFingerprint.formatDouble(x));
        assertEquals(x, java17.doubleValue());
        assertTrue(ours.subtract(exact).abs().compareTo(java17.subtract(exact).abs()) < 0);
    }

    @Property(tries = 3000)
    void isLaidOutLikeDoubleToString(@ForAll("finite") double x) {
        String text = ToolCallFingerprint.formatDouble(x);
        double magnitude = Math.abs(x);
        assertFalse(text.contains("+"), text);
        int dot = text.indexOf('.');
        assertTrue(dot > 0, text);
        if (x == 0.0 || (magnitude >= 1.0E-3 && magnitude < 1.0E7)) {
            assertFalse(text.contains("E"), text);
            assertTrue(text.length() > dot + 1, text);
        } else {
            int e = text.indexOf('E');
            assertTrue(e > dot + 1, text);
            assertEquals(1, dot - (x < 0 ? 1 : 0), "one digit before the point: " + text);
            assertTrue(text.charAt(x < 0 ? 1 : 0) != '0', text);
        }
        assertEquals(Double.doubleToRawLongBits(x) < 0, text.startsWith("-"), text);
    }
}
