package dev.vigil.spi.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON text of decision D1 (data-model.md §4): keys sorted by Unicode code point, no whitespace, every
 * UTF-16 code unit outside U+0020–U+007E escaped, doubles in the shortest round-trip form of Java 19 and later. Callers
 * pass values that {@link JsonValues} has already accepted.
 */
final class CanonicalJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {}

    /** The canonical text of a validated JSON value. */
    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue() ? "true" : "false");
        } else if (value instanceof String text) {
            appendString(out, text);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            out.append(big.toString());
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            out.append(formatDouble(((Number) value).doubleValue()));
        } else if (value instanceof List<?> list) {
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                append(out, element);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>(map.size());
            for (Object key : map.keySet()) {
                keys.add((String) key);
            }
            keys.sort(CanonicalJson::compareCodePoints);
            out.append('{');
            boolean first = true;
            for (String key : keys) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendString(out, key);
                out.append(':');
                append(out, map.get(key));
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException(
                    "value must hold JSON values only, got " + value.getClass().getName());
        }
    }

    /** Compares by Unicode code point (a lone surrogate counts as its own code unit). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c <= 0x7e) {
                        out.append(c);
                    } else {
                        out.append("\\u")
                                .append(HEX[(c >> 12) & 0xf])
                                .append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf])
                                .append(HEX[c & 0xf]);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The shortest decimal that rounds back to {@code x} (the closest to {@code x} among those; among lengths 1 and 2
     * when one digit suffices), laid out as {@code Double.toString} does. This is the Java 19+ output, also on Java 17.
     */
    static String formatDouble(double x) {
        if (!Double.isFinite(x)) {
            throw Checks.fail("value", "be finite", x);
        }
        if (x == 0.0) {
            return Double.doubleToRawLongBits(x) == 0L ? "0.0" : "-0.0";
        }
        double magnitude = Math.abs(x);
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal shortest = null;
        for (int precision = 1; precision <= 17 && shortest == null; precision++) {
            shortest = closestRoundTrip(exact, magnitude, precision);
            if (shortest != null && precision == 1) {
                // Java 19+ picks among lengths 1 and 2 the decimal closest to x (Double.MIN_VALUE is 4.9E-324)
                shortest = closestRoundTrip(exact, magnitude, 2);
            }
        }
        if (shortest == null) {
            throw new IllegalStateException("no round-trip decimal within 17 digits for " + x);
        }
        BigDecimal stripped = shortest.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        int exponent = digits.length() - 1 - stripped.scale();
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (x < 0) {
            out.append('-');
        }
        layout(out, digits, exponent);
        return out.toString();
    }

    /**
     * Among the decimals of {@code precision} significant digits next to {@code exact} (below and above), the one closest
     * to it that rounds back to {@code magnitude}, ties to the even last digit; null when neither rounds back.
     */
    private static BigDecimal closestRoundTrip(BigDecimal exact, double magnitude, int precision) {
        BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
        BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
        boolean belowOk = below.doubleValue() == magnitude;
        boolean aboveOk = above.doubleValue() == magnitude;
        if (belowOk && aboveOk) {
            int comparison = exact.subtract(below).compareTo(above.subtract(exact));
            if (comparison < 0) {
                return below;
            }
            if (comparison > 0) {
                return above;
            }
            return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        }
        if (belowOk) {
            return below;
        }
        return aboveOk ? above : null;
    }

    /** {@code d.ddd × 10^exponent} as plain notation for 10⁻³ ≤ |x| < 10⁷, else computerized scientific notation. */
    private static void layout(StringBuilder out, String digits, int exponent) {
        int length = digits.length();
        if (exponent >= 0 && exponent < 7) {
            int integerDigits = exponent + 1;
            if (length <= integerDigits) {
                out.append(digits).append("0".repeat(integerDigits - length)).append(".0");
            } else {
                out.append(digits, 0, integerDigits).append('.').append(digits, integerDigits, length);
            }
        } else if (exponent < 0 && exponent >= -3) {
            out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
        } else {
            out.append(digits.charAt(0)).append('.');
            out.append(length > 1 ? digits.substring(1) : "0");
            out.append('E').append(exponent);
        }
    }
}
