package dev.vigil.spi.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** jqwik generators of JSON-like values: nested maps and lists of strings, numbers, booleans and nulls. */
final class JsonArbitraries {

    private JsonArbitraries() {}

    /** Any finite double, drawn from all bit patterns (subnormals, huge and tiny exponents, both zeros). */
    static Arbitrary<Double> finiteDoubles() {
        Arbitrary<Double> fromBits =
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> special = Arbitraries.of(
                0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1.0E23, 8.41E21);
        Arbitrary<Double> decimals =
                Arbitraries.doubles().between(-1.0E9, 1.0E9).ofScale(6);
        return Arbitraries.oneOf(List.of(fromBits, fromBits, fromBits, special, decimals));
    }

    /** Keys: short strings over all of UTF-16, ASCII, or supplementary characters. */
    static Arbitrary<String> keys() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.strings().all().ofMaxLength(6),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
                Arbitraries.of("a", "b", "\uFFFF", "😀", "\uE000", "é", "")));
    }

    /** Scalars: null, booleans, strings (all of UTF-16), every allowed number type. */
    static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(List.of(
                        Arbitraries.strings().all().ofMaxLength(20).map(v -> (Object) v),
                        Arbitraries.strings()
                                .withCharRange('\u0000', '\u00ff')
                                .ofMaxLength(20)
                                .map(v -> (Object) v),
                        Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(v -> (Object) v),
                        Arbitraries.integers().map(v -> (Object) v),
                        Arbitraries.longs().map(v -> (Object) v),
                        Arbitraries.bigIntegers().map(v -> (Object) v),
                        finiteDoubles().map(v -> (Object) v),
                        Arbitraries.floats().map(v -> (Object) v),
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("-1e30"), new BigDecimal("1e30"))
                                .ofScale(8)
                                .map(v -> (Object) v)))
                .injectNull(0.1);
    }

    /** Any JSON value nested up to {@code depth} levels. */
    static Arbitrary<Object> values(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        Arbitrary<Object> lists = values(depth - 1).list().ofMaxSize(4).map(v -> (Object) v);
        Arbitrary<Object> maps = objects(depth - 1).map(v -> (Object) v);
        return Arbitraries.oneOf(List.of(scalars(), scalars(), lists, maps));
    }

    /** A JSON object whose values nest up to {@code depth} levels. */
    static Arbitrary<Map<String, Object>> objects(int depth) {
        return Arbitraries.maps(keys(), values(depth)).ofMaxSize(5).map(LinkedHashMap::new);
    }

    /** The same JSON value with the insertion order of every map (nested too) shuffled. */
    static Object reorder(Object value, Random random) {
        if (value instanceof Map<?, ?> map) {
            List<Object> keys = new ArrayList<>(map.keySet());
            Collections.shuffle(keys, random);
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Object key : keys) {
                copy.put((String) key, reorder(map.get(key), random));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object element : list) {
                copy.add(reorder(element, random));
            }
            return copy;
        }
        return value;
    }

    /** The same JSON value with the insertion order of every map (nested too) reversed. */
    static Object reverse(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<Object> keys = new ArrayList<>(map.keySet());
            Collections.reverse(keys);
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Object key : keys) {
                copy.put((String) key, reverse(map.get(key)));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object element : list) {
                copy.add(reverse(element));
            }
            return copy;
        }
        return value;
    }
}
