package dev.vigil.spi.model;

import static dev.vigil.spi.model.Fixtures.list;
import static dev.vigil.spi.model.Fixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fingerprint vectors of examples.md §1 and the canonical-JSON rules of data-model.md §4 (D1). */
class ToolCallFingerprintTest {

    static Stream<Arguments> examplesSection1() {
        return Stream.of(
                Arguments.of("read_file", map("path", "a.txt"), "{\"path\":\"a.txt\"}", "read_file:5aff422311aaf6f4"),
                Arguments.of("list_dir", map(), "{}", "list_dir:44136fa355b3678a"),
                Arguments.of("search", map("q", "café"), "{\"q\":\"caf\\u00e9\"}", "search:8dff564f95bb0c15"),
                Arguments.of(
                        "f",
                        map("b", 1, "a", list(true, null, "x")),
                        "{\"a\":[true,null,\"x\"],\"b\":1}",
                        "f:54a65415ad370228"),
                Arguments.of("f", map("n", 1), "{\"n\":1}", "f:2bfd14f43d17fc7c"),
                Arguments.of("f", map("n", 1.0), "{\"n\":1.0}", "f:3b6b06ecd1c968c8"),
                Arguments.of("f", map("x", 0.5), "{\"x\":0.5}", "f:ad0233224b23c962"),
                Arguments.of("f", map("x", 1.0E-5), "{\"x\":1.0E-5}", "f:524af865ca3cbd94"),
                Arguments.of("f", map("x", 1.0E23), "{\"x\":1.0E23}", "f:6669bde6bba5b2e5"),
                Arguments.of("f", map("x", 8.41E21), "{\"x\":8.41E21}", "f:7b889edcfcc1c2c9"),
                Arguments.of("f", map("x", 100.0), "{\"x\":100.0}", "f:5b20168824c67261"),
                Arguments.of("search", map("q", "😀"), "{\"q\":\"\\ud83d\\ude00\"}", "search:f94aba3244d5714b"),
                Arguments.of("f", map("z", map("b", 2, "a", 1)), "{\"z\":{\"a\":1,\"b\":2}}", "f:0560517cc75a67b3"),
                Arguments.of(
                        "f", map("\uFFFF", 1, "😀", 2), "{\"\\uffff\":1,\"\\ud83d\\ude00\":2}", "f:7399aff294a6b56f"),
                Arguments.of(
                        "f", map("😀", 2, "\uFFFF", 1), "{\"\\uffff\":1,\"\\ud83d\\ude00\":2}", "f:7399aff294a6b56f"),
                Arguments.of(
                        "f",
                        map("s", "line\nbreak\u0001\u007f"),
                        "{\"s\":\"line\\nbreak\\u0001\\u007f\"}",
                        "f:6d1cf3407edef925"),
                Arguments.of("mcp:read", map("path", "a.txt"), "{\"path\":\"a.txt\"}", "mcp:read:5aff422311aaf6f4"));
    }

    @ParameterizedTest(name = "{0} {2} -> {3}")
    @MethodSource("examplesSection1")
    void canonicalJsonAndFingerprintMatchTheVectors(
            String name, Map<String, Object> arguments, String canonical, String fingerprint) {
        ToolCall call = new ToolCall(name, arguments, "call-1");
        assertEquals(canonical, ToolCallFingerprint.canonicalJson(arguments));
        assertEquals(fingerprint, ToolCallFingerprint.of(call));
        assertEquals(fingerprint, call.fingerprint());
        assertEquals(fingerprint, ToolCallFingerprint.of(name, arguments));
    }

    @Test
    void theReferenceLayoutOfSmallDoublesHashesDifferently() {
        assertNotEquals("f:a2357767c3424459", ToolCallFingerprint.of("f", map("x", 1.0E-5)));
    }

    @Test
    void theCallIdIsNotPartOfTheFingerprint() {
        assertEquals(
                new ToolCall("read_file", map("path", "a.txt"), "id-1").fingerprint(),
                new ToolCall("read_file", map("path", "a.txt"), null).fingerprint());
    }

    @Test
    void parseSplitsAtTheLastColon() {
        ToolCallFingerprint parsed = ToolCallFingerprint.parse("mcp:read:5aff422311aaf6f4");
        assertEquals("mcp:read", parsed.name());
        assertEquals("5aff422311aaf6f4", parsed.hash());
        assertEquals("mcp:read:5aff422311aaf6f4", parsed.text());
        assertEquals("mcp:read:5aff422311aaf6f4", parsed.toString());
        assertEquals(
                new ToolCallFingerprint("read_file", "5aff422311aaf6f4"),
                ToolCallFingerprint.parse("read_file:5aff422311aaf6f4"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "read_file",
                "read_file:",
                ":5aff422311aaf6f4",
                " :5aff422311aaf6f4",
                "read_file:5AFF422311AAF6F4",
                "read_file:5aff422311aaf6f",
                "read_file:5aff422311aaf6f4a",
                "read_file:5aff422311aaf6fg",
                "mcp:5aff422311aaf6f4:read"
            })
    void parseRejectsMalformedFingerprints(String text) {
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> ToolCallFingerprint.parse(text));
        assertEquals(
                "fingerprint must be <name>:<16 lowercase hex characters>, got '" + text + "'", thrown.getMessage());
    }

    @Test
    void theRecordValidatesItsParts() {
        assertEquals(
                "hash must be 16 lowercase hex characters, got 'xyz'",
                assertThrows(IllegalArgumentException.class, () -> new ToolCallFingerprint("f", "xyz"))
                        .getMessage());
        assertEquals(
                "name must not be blank",
                assertThrows(IllegalArgumentException.class, () -> new ToolCallFingerprint(" ", "5aff422311aaf6f4"))
                        .getMessage());
        assertEquals(
                "fingerprint must not be null",
                assertThrows(IllegalArgumentException.class, () -> ToolCallFingerprint.parse(null))
                        .getMessage());
    }

    static Stream<Arguments> turnFingerprints() {
        ToolCall readFile = new ToolCall("read_file", map("path", "a.txt"));
        ToolCall listDir = new ToolCall("list_dir", map());
        return Stream.of(
                Arguments.of(
                        List.of(readFile, listDir),
                        List.of("read_file", "list_dir"),
                        List.of("list_dir:44136fa355b3678a", "read_file:5aff422311aaf6f4")),
                Arguments.of(
                        List.of(readFile, readFile),
                        List.of("read_file", "read_file"),
                        List.of("read_file:5aff422311aaf6f4", "read_file:5aff422311aaf6f4")));
    }

    @ParameterizedTest
    @MethodSource("turnFingerprints")
    void aTurnListsNamesInCallOrderAndFingerprintsSorted(
            List<ToolCall> calls, List<String> names, List<String> fingerprints) {
        Turn turn = Turn.builder(1, FinishReason.TOOL_USE).toolCalls(calls).build();
        assertEquals(names, turn.toolCallNames());
        assertEquals(fingerprints, turn.toolCallFingerprints());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // the Java 19+ digits, also on Java 17
        "1.0E23, 1.0E23",
        "8.41E21, 8.41E21",
        "4.9E-324, 4.9E-324",
        "9.9E-324, 9.9E-324",
        "0.0, 0.0",
        "-0.0, -0.0",
        "1.0, 1.0",
        "-1.0, -1.0",
        "100.0, 100.0",
        "0.5, 0.5",
        "0.001, 0.001",
        "0.0012, 0.0012",
        "9.999999999999998E-4, 9.999999999999998E-4",
        "1.0E-5, 1.0E-5",
        "1234567.0, 1234567.0",
        "9999999.0, 9999999.0",
        "9999999.999999998, 9999999.999999998",
        "1.0E7, 1.0E7",
        "1.2345678E7, 1.2345678E7",
        "0.30000000000000004, 0.30000000000000004",
        "2.0E-3, 0.002",
        "1.7976931348623157E308, 1.7976931348623157E308",
        "2.2250738585072014E-308, 2.2250738585072014E-308",
        "-3.0917847662113996E25, -3.0917847662113996E25",
        "123456789012345680000, 1.2345678901234568E20"
    })
    void doublesUseTheShortestRoundTripDigits(double value, String expected) {
        assertEquals(expected, ToolCallFingerprint.formatDouble(value));
    }

    @Test
    void doubleMinValueGivesTwoDigits() {
        assertEquals("4.9E-324", ToolCallFingerprint.formatDouble(Double.MIN_VALUE));
        assertEquals("{\"x\":4.9E-324}", ToolCallFingerprint.canonicalJson(map("x", Double.MIN_VALUE)));
    }

    @Test
    void nonFiniteDoublesCannotBeFormatted() {
        assertEquals(
                "value must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> ToolCallFingerprint.formatDouble(Double.NaN))
                        .getMessage());
        assertEquals(
                "value must be finite, got -Infinity",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ToolCallFingerprint.formatDouble(Double.NEGATIVE_INFINITY))
                        .getMessage());
    }

    @Test
    void everyNumberTypeHasItsCanonicalForm() {
        Map<String, Object> numbers = map(
                "byte",
                (byte) -7,
                "short",
                (short) 300,
                "int",
                Integer.MIN_VALUE,
                "long",
                Long.MAX_VALUE,
                "bigInteger",
                new BigInteger("-123456789012345678901234567890"),
                "float",
                0.1f,
                "bigDecimal",
                new BigDecimal("2.50"),
                "double",
                -2.5);
        assertEquals(
                "{\"bigDecimal\":2.5,\"bigInteger\":-123456789012345678901234567890,\"byte\":-7,"
                        + "\"double\":-2.5,\"float\":0.10000000149011612,\"int\":-2147483648,"
                        + "\"long\":9223372036854775807,\"short\":300}",
                ToolCallFingerprint.canonicalJson(numbers));
    }

    @Test
    void stringsEscapeControlsQuotesAndNonAsciiButNotSlash() {
        String raw = "\"\\/\b\f\n\r\t\u0000\u001f ~\u007f\u0080é\u2028\uD83D";
        assertEquals(
                "\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f ~\\u007f\\u0080\\u00e9\\u2028\\ud83d\"",
                ToolCallFingerprint.canonicalJson(raw));
    }

    @Test
    void keysSortByCodePointNotByCompareTo() {
        // compareTo puts the surrogate pair of U+1F600 before U+E000; code-point order puts it after
        Map<String, Object> keys = map("😀", 1, "\uE000", 2, "b", 3, "A", 4, "", 5, "ab", 6, "a", 7);
        assertEquals(
                "{\"\":5,\"A\":4,\"a\":7,\"ab\":6,\"b\":3,\"\\ue000\":2,\"\\ud83d\\ude00\":1}",
                ToolCallFingerprint.canonicalJson(keys));
        assertEquals(-1, Integer.signum(CanonicalJson.compareCodePoints("\uE000", "😀")));
        assertEquals(1, Integer.signum("\uE000".compareTo("😀")));
    }

    @Test
    void nestedValuesAndEmptyContainers() {
        Map<String, Object> nested = map("l", list(map("y", 1, "x", list()), map(), null), "m", map("k", null));
        assertEquals(
                "{\"l\":[{\"x\":[],\"y\":1},{},null],\"m\":{\"k\":null}}", ToolCallFingerprint.canonicalJson(nested));
        assertEquals("[1,\"a\",null]", ToolCallFingerprint.canonicalJson(list(1, "a", null)));
        assertEquals("null", ToolCallFingerprint.canonicalJson(null));
        assertEquals("true", ToolCallFingerprint.canonicalJson(true));
    }

    @Test
    void rawArgumentsAreFingerprintedAsAOneEntryMap() {
        ToolCall call = ToolCall.ofRawArguments("shell", "not json", "c1");
        assertEquals(Map.of("_raw", "not json"), call.arguments());
        assertEquals("{\"_raw\":\"not json\"}", ToolCallFingerprint.canonicalJson(call.arguments()));
    }
}
