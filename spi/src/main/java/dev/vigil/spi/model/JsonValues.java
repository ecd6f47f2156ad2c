package dev.vigil.spi.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation and deep copying of JSON values, as held by tool-call arguments and by {@code metadata}/{@code details}
 * maps. A JSON value is {@code null}, {@link Boolean}, {@link String}, {@link Integer}, {@link Long}, {@link Short},
 * {@link Byte}, {@link BigInteger}, {@link Double}, {@link Float}, {@link BigDecimal}, a {@link List} of JSON values or
 * a {@link Map} with {@link String} keys and JSON values, nested freely. Copies keep insertion order, keep JSON
 * {@code null} and are unmodifiable at every level.
 *
 * <p>Failures name the component and the offending position: {@code <name> must hold JSON values only, got <class> at
 * '<path>'} and {@code <name> must not contain non-finite numbers, got NaN at '<path>'}, where {@code <path>} is the
 * dotted key path with list positions as {@code [i]} (for example {@code a.b[1]}).
 */
public final class JsonValues {

    private JsonValues() {}

    /**
     * A deep, unmodifiable, insertion-ordered copy of a JSON object; null gives an empty map.
     *
     * @param name the component name used in failure messages, e.g. {@code arguments} or {@code metadata}
     * @throws IllegalArgumentException when the map holds anything but JSON values
     */
    public static Map<String, Object> copyObject(Map<String, ?> value, String name) {
        if (value == null) {
            return Map.of();
        }
        return copyMap(value, "", name, new IdentityHashMap<>());
    }

    /**
     * A deep, unmodifiable copy of any JSON value (scalars are returned as they are).
     *
     * @param name the component name used in failure messages
     * @throws IllegalArgumentException when {@code value} is not a JSON value
     */
    public static Object copy(Object value, String name) {
        return copyValue(value, "", name, new IdentityHashMap<>());
    }

    /**
     * Checks that {@code value} is a JSON value, with the same messages as {@link #copy}.
     *
     * @param name the component name used in failure messages
     * @throws IllegalArgumentException when {@code value} is not a JSON value
     */
    public static void validate(Object value, String name) {
        copy(value, name);
    }

    /** True when {@code value} is a JSON value (see the class description), finite numbers only. */
    public static boolean isJsonValue(Object value) {
        try {
            copy(value, "value");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Object copyValue(Object value, String path, String name, Map<Object, Boolean> ancestors) {
        if (value == null
                || value instanceof Boolean
                || value instanceof String
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double asDouble = ((Number) value).doubleValue();
            if (!Double.isFinite(asDouble)) {
                throw new IllegalArgumentException(
                        name + " must not contain non-finite numbers, got " + asDouble + " at '" + path + "'");
            }
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, path, name, ancestors);
        }
        if (value instanceof List<?> list) {
            enter(list, path, name, ancestors);
            List<Object> copy = new ArrayList<>(list.size());
            int index = 0;
            for (Object element : list) {
                copy.add(copyValue(element, path + "[" + index + "]", name, ancestors));
                index++;
            }
            ancestors.remove(list);
            return Collections.unmodifiableList(copy);
        }
        throw notJson(value.getClass().getName(), path, name);
    }

    private static Map<String, Object> copyMap(
            Map<?, ?> map, String path, String name, Map<Object, Boolean> ancestors) {
        enter(map, path, name, ancestors);
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            String childPath = path.isEmpty() ? String.valueOf(key) : path + "." + key;
            if (!(key instanceof String text)) {
                throw notJson(key == null ? "null key" : key.getClass().getName() + " key", childPath, name);
            }
            copy.put(text, copyValue(entry.getValue(), childPath, name, ancestors));
        }
        ancestors.remove(map);
        return Collections.unmodifiableMap(copy);
    }

    private static void enter(Object container, String path, String name, Map<Object, Boolean> ancestors) {
        if (ancestors.put(container, Boolean.TRUE) != null) {
            throw new IllegalArgumentException(name + " must not contain cycles, got a cycle at '" + path + "'");
        }
    }

    private static IllegalArgumentException notJson(String what, String path, String name) {
        return new IllegalArgumentException(name + " must hold JSON values only, got " + what + " at '" + path + "'");
    }
}
