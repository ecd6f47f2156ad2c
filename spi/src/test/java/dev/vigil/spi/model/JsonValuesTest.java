package dev.vigil.spi.model;

import static dev.vigil.spi.model.Fixtures.list;
import static dev.vigil.spi.model.Fixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Deep copies and validation of JSON values (data-model.md §2 and the README's record conventions). */
class JsonValuesTest {

    @Test
    void copiesKeepInsertionOrderAndJsonNull() {
        Map<String, Object> source = map("z", 1, "a", null, "m", list(null, "x", null));
        Map<String, Object> copy = JsonValues.copyObject(source, "arguments");
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(copy.keySet()));
        assertTrue(copy.containsKey("a"));
        assertNull(copy.get("a"));
        assertEquals(list(null, "x", null), copy.get("m"));
    }

    @Test
    void copiesAreDeepAndUnmodifiableAtEveryLevel() {
        List<Object> innerList = list(1, 2);
        Map<String, Object> innerMap = map("k", innerList);
        Map<String, Object> source = map("outer", innerMap);
        Map<String, Object> copy = JsonValues.copyObject(source, "metadata");

        innerList.add(3);
        innerMap.put("extra", true);
        source.put("late", "x");
        assertEquals(Map.of("outer", Map.of("k", List.of(1, 2))), copy);

        assertThrows(UnsupportedOperationException.class, () -> copy.put("x", 1));
        @SuppressWarnings("unchecked") // the copy of a map with String keys
        Map<String, Object> nested = (Map<String, Object>) copy.get("outer");
        assertThrows(UnsupportedOperationException.class, () -> nested.put("x", 1));
        @SuppressWarnings("unchecked") // the copy of a list
        List<Object> nestedList = (List<Object>) nested.get("k");
        assertThrows(UnsupportedOperationException.class, () -> nestedList.add(1));
    }

    @Test
    void scalarsAreKeptAsTheyAre() {
        BigDecimal decimal = new BigDecimal("1.50");
        BigInteger integer = BigInteger.TEN.pow(40);
        Map<String, Object> copy = JsonValues.copyObject(map("d", decimal, "i", integer, "f", 1.5f), "arguments");
        assertSame(decimal, copy.get("d"));
        assertSame(integer, copy.get("i"));
        assertEquals(1.5f, copy.get("f"));
    }

    @Test
    void nullGivesAnEmptyMap() {
        assertEquals(Map.of(), JsonValues.copyObject(null, "metadata"));
    }

    @Test
    void sortedMapsAreCopiedInTheirIterationOrder() {
        Map<String, Object> sorted = new TreeMap<>(Map.of("b", 1, "a", 2));
        assertEquals(
                List.of("a", "b"),
                new ArrayList<>(JsonValues.copyObject(sorted, "x").keySet()));
    }

    @Test
    void aSharedSubValueIsNotACycle() {
        List<Object> shared = list(1);
        Map<String, Object> copy = JsonValues.copyObject(map("a", shared, "b", list(shared, shared)), "arguments");
        assertEquals(List.of(List.of(1), List.of(1)), copy.get("b"));
    }

    @Test
    void messagesNameTheComponentAndThePath() {
        assertEquals(
                "details must hold JSON values only, got java.lang.Object at 'a.b[2].c'",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonValues.copyObject(
                                        map("a", map("b", list(1, 2, map("c", new Object())))), "details"))
                        .getMessage());
        assertEquals(
                "value must hold JSON values only, got java.lang.Object at ''",
                assertThrows(IllegalArgumentException.class, () -> JsonValues.validate(new Object(), "value"))
                        .getMessage());
        assertEquals(
                "value must not contain non-finite numbers, got NaN at '[1][0]'",
                assertThrows(IllegalArgumentException.class, () -> JsonValues.copy(list(1, list(Double.NaN)), "value"))
                        .getMessage());
    }

    @Test
    void isJsonValue() {
        assertTrue(JsonValues.isJsonValue(null));
        assertTrue(JsonValues.isJsonValue(map("a", list(1, 2.5, "x", true, null, map()))));
        assertFalse(JsonValues.isJsonValue(Double.POSITIVE_INFINITY));
        assertFalse(JsonValues.isJsonValue(map("a", 'c')));
        assertFalse(JsonValues.isJsonValue(java.util.Set.of()));
    }
}
