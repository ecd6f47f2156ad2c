package dev.vigil.quality.internal;

import dev.vigil.spi.model.ToolCallFingerprint;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * JSON values as the spec allows them inside payloads: null, Boolean, String, integer and floating numbers, List and
 * Map with String keys, nested freely. Deep copies keep insertion order and JSON nulls; rendering follows the
 * heuristic grader's payload rules (quality.md §4.6).
 */
public final class JsonValues {

    /** Orders map keys by Unicode code point (not UTF-16 units, which misplace surrogates). */
    public static final Comparator<String> CODE_POINT_ORDER = JsonValues::compareCodePoints;

    private JsonValues() {}

    /**
     * An unmodifiable deep copy of a JSON object, validated by the SPI's JSON-value rules. A value of another type
     * fails with {@code <name> must be JSON-serializable, got <class> at '<path>'} (quality.md's wording for payloads);
     * a NaN or infinite number fails with {@code <name> must not contain non-finite numbers, got NaN at '<path>'}.
     * Null means empty.
     */
    public static Map<String, Object> copyObject(Map<String, ?> map, String name) {
        if (map == null) {
            return Map.of();
        }
        try {
            return dev.vigil.spi.model.JsonValues.copyObject(map, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage().replace(" must hold JSON values only, got ", " must be JSON-serializable, got "), e);
        }
    }

    /**
     * One payload value as the heuristic grader reads it: a String as-is, {@code null}, {@code true}/{@code false},
     * a number in canonical form, a List or Map as compact JSON (keys by code point, only mandatory escapes).
     */
    public static String renderTopLevel(Object value) {
        if (value instanceof String s) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        appendJson(out, value);
        return out.toString();
    }

    private static void appendJson(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            appendString(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            out.append(renderNumber(n));
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            for (Object key : map.keySet()) {
                keys.add(String.valueOf(key));
            }
            keys.sort(CODE_POINT_ORDER);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendString(out, keys.get(i));
                out.append(':');
                appendJson(out, map.get(keys.get(i)));
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendJson(out, list.get(i));
            }
            out.append(']');
        } else {
            // Unreachable for copied payloads; render something readable rather than fail a grading.
            appendString(out, String.valueOf(value));
        }
    }

    /** Integers as plain digits; Float and BigDecimal via double; doubles in the shortest round-trip form. */
    static String renderNumber(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return Long.toString(n.longValue());
        }
        if (n instanceof BigInteger big) {
            return big.toString();
        }
        return ToolCallFingerprint.formatDouble(n.doubleValue());
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static int compareCodePoints(String a, String b) {
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
}
