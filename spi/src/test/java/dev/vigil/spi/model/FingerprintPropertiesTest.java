package dev.vigil.spi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the tool-call fingerprint (D1) over generated JSON-like arguments. */
class FingerprintPropertiesTest {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{16}");

    @Provide
    Arbitrary<Map<String, Object>> arguments() {
        return JsonArbitraries.objects(3);
    }

    @Provide
    Arbitrary<Map<String, Object>> nonEmptyArguments() {
        return JsonArbitraries.objects(2).filter(map -> !map.isEmpty());
    }

    @Provide
    Arbitrary<Object> values() {
        return JsonArbitraries.values(2);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12).filter(name -> !name.isBlank()),
                Arbitraries.of("read_file", "mcp:read", "a:b:c", "😀", "x:")));
    }

    @Provide
    Arbitrary<String> hugeStrings() {
        return Arbitraries.strings().all().ofMinLength(50_000).ofMaxLength(200_000);
    }

    @Property
    void stableUnderKeyReordering(@ForAll("arguments") Map<String, Object> arguments, @ForAll long seed) {
        String expected = ToolCallFingerprint.of("f", arguments);
        @SuppressWarnings("unchecked") // reorder keeps the shape: a map stays a map with String keys
        Map<String, Object> shuffled = (Map<String, Object>) JsonArbitraries.reorder(arguments, new Random(seed));
        @SuppressWarnings("unchecked") // reverse keeps the shape: a map stays a map with String keys
        Map<String, Object> reversed = (Map<String, Object>) JsonArbitraries.reverse(arguments);
        assertEquals(expected, ToolCallFingerprint.of("f", shuffled));
        assertEquals(expected, ToolCallFingerprint.of("f", reversed));
        assertEquals(ToolCallFingerprint.canonicalJson(arguments), ToolCallFingerprint.canonicalJson(reversed));
    }

    @Property
    void deterministicAndUnaffectedByCopying(@ForAll("arguments") Map<String, Object> arguments) {
        ToolCall call = new ToolCall("f", arguments, "id");
        assertEquals(ToolCallFingerprint.of("f", arguments), call.fingerprint());
        assertEquals(call.fingerprint(), new ToolCall("f", call.arguments(), null).fingerprint());
        assertEquals(call.fingerprint(), call.fingerprint());
    }

    @Property
    void differsWhenAnArgumentValueDiffers(
            @ForAll("nonEmptyArguments") Map<String, Object> arguments,
            @ForAll("values") Object replacement,
            @ForAll int keySeed) {
        List<String> keys = new ArrayList<>(arguments.keySet());
        String key = keys.get(Math.floorMod(keySeed, keys.size()));
        Object original = arguments.get(key);
        Assume.that(
                !ToolCallFingerprint.canonicalJson(original).equals(ToolCallFingerprint.canonicalJson(replacement)));

        Map<String, Object> changed = new LinkedHashMap<>(arguments);
        changed.put(key, replacement);
        assertNotEquals(ToolCallFingerprint.of("f", arguments), ToolCallFingerprint.of("f", changed));

        Map<String, Object> wrapped = new LinkedHashMap<>(arguments);
        wrapped.put(key, new ArrayList<>(java.util.Collections.singletonList(original)));
        assertNotEquals(ToolCallFingerprint.of("f", arguments), ToolCallFingerprint.of("f", wrapped));
    }

    @Property
    void differsWhenAKeyIsAddedOrRemoved(@ForAll("nonEmptyArguments") Map<String, Object> arguments) {
        Map<String, Object> smaller = new LinkedHashMap<>(arguments);
        smaller.remove(smaller.keySet().iterator().next());
        assertNotEquals(ToolCallFingerprint.of("f", arguments), ToolCallFingerprint.of("f", smaller));
    }

    @Property
    void neverThrowsAndAlwaysHasTheFormat(
            @ForAll("names") String name, @ForAll("arguments") Map<String, Object> arguments) {
        String fingerprint = new ToolCall(name, arguments).fingerprint();
        assertTrue(fingerprint.startsWith(name + ":"), fingerprint);
        assertTrue(HASH.matcher(fingerprint.substring(name.length() + 1)).matches(), fingerprint);
        ToolCallFingerprint parsed = ToolCallFingerprint.parse(fingerprint);
        assertEquals(name, parsed.name());
        assertEquals(fingerprint, parsed.text());
    }

    @Property
    void canonicalJsonIsPrintableAsciiOnly(@ForAll("values") Object value) {
        String canonical = ToolCallFingerprint.canonicalJson(value);
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            assertTrue(c >= 0x20 && c <= 0x7e, () -> "unescaped char in " + canonical);
        }
    }

    @Property(tries = 25)
    void hugeNonAsciiStringsAreFingerprinted(@ForAll("hugeStrings") String text, @ForAll("hugeStrings") String key) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("text", text);
        arguments.put(key, List.of(text, 1, 2.5));
        String fingerprint = ToolCallFingerprint.of("big", arguments);
        assertTrue(HASH.matcher(fingerprint.substring("big:".length())).matches(), fingerprint);
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put(key, List.of(text, 1, 2.5));
        reversed.put("text", text);
        assertEquals(fingerprint, ToolCallFingerprint.of("big", reversed));
    }
}
