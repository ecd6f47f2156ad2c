package dev.vigil.spi.settings;

import dev.vigil.spi.model.WireEnum;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The type of a setting: its name in docs ({@code double}, {@code list<enum>}, ...) and the conversion from a raw
 * value. Raw values come as text (environment, system properties, {@code --set}) or as already typed values (YAML
 * scalars and sequences); both are accepted.
 *
 * @param <T> the Java type feature code reads
 */
public interface SettingType<T> {

    /** The type's name as documented in settings tables, e.g. {@code double} or {@code list<enum>}. */
    String name();

    /**
     * Converts a raw value; never returns null for a non-null input.
     *
     * @throws IllegalArgumentException with the rule the value broke, e.g. {@code a double}; the caller prefixes
     *     the key and appends the value
     */
    T convert(Object raw);

    /** Renders a value as messages and docs show it: strings quoted, doubles via {@link Double#toString}. */
    default String render(T value) {
        return value == null ? "unset" : String.valueOf(value);
    }

    /** The allowed values, for enum types; empty otherwise. */
    default List<String> allowedValues() {
        return List.of();
    }

    SettingType<Boolean> BOOL = new Simple<>("bool", raw -> {
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(raw).strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("true or false");
        };
    });

    SettingType<Integer> INT = new Simple<>("int", raw -> {
        if (raw instanceof Integer i) {
            return i;
        }
        if (raw instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(raw).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an integer", e);
        }
    });

    SettingType<Double> DOUBLE = new Simple<>("double", raw -> {
        double value;
        if (raw instanceof Number n) {
            value = n.doubleValue();
        } else {
            try {
                value = Double.parseDouble(String.valueOf(raw).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a number", e);
            }
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("finite");
        }
        return value;
    });

    SettingType<String> STRING = new Simple<>("string", String::valueOf) {
        @Override
        public String render(String value) {
            return value == null ? "unset" : "'" + value + "'";
        }
    };

    /** An enum setting read through the constants' wire names. */
    static <E extends Enum<E> & WireEnum> SettingType<E> enumType(Class<E> type) {
        return new EnumType<>(type);
    }

    /** A list setting: a YAML sequence, or comma-separated text from the other sources. */
    static <E> SettingType<List<E>> listOf(SettingType<E> elementType) {
        return new ListType<>(elementType);
    }

    /** A scalar type defined by a conversion function. */
    class Simple<T> implements SettingType<T> {
        private final String name;
        private final java.util.function.Function<Object, T> conversion;

        Simple(String name, java.util.function.Function<Object, T> conversion) {
            this.name = name;
            this.conversion = conversion;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public T convert(Object raw) {
            return conversion.apply(raw);
        }
    }

    /** Wire-name enum conversion. */
    final class EnumType<E extends Enum<E> & WireEnum> implements SettingType<E> {
        private final Class<E> type;

        EnumType(Class<E> type) {
            this.type = type;
        }

        @Override
        public String name() {
            return "enum";
        }

        @Override
        public E convert(Object raw) {
            if (type.isInstance(raw)) {
                return type.cast(raw);
            }
            String text = String.valueOf(raw).strip();
            for (E constant : type.getEnumConstants()) {
                if (constant.wireName().equals(text)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("one of " + WireEnum.wireNames(type));
        }

        @Override
        public String render(E value) {
            return value == null ? "unset" : value.wireName();
        }

        @Override
        public List<String> allowedValues() {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.wireName());
            }
            return List.copyOf(names);
        }
    }

    /** A list of elements of one type. */
    final class ListType<E> implements SettingType<List<E>> {
        private final SettingType<E> elementType;

        ListType(SettingType<E> elementType) {
            this.elementType = elementType;
        }

        @Override
        public String name() {
            return "list<" + elementType.name() + ">";
        }

        @Override
        public List<E> convert(Object raw) {
            List<E> values = new ArrayList<>();
            if (raw instanceof Collection<?> items) {
                for (Object item : items) {
                    values.add(convertElement(item));
                }
            } else {
                String text = String.valueOf(raw).strip();
                if (text.startsWith("[") && text.endsWith("]")) {
                    text = text.substring(1, text.length() - 1);
                }
                for (String part : text.split(",", -1)) {
                    if (!part.isBlank()) {
                        values.add(convertElement(part.strip()));
                    }
                }
            }
            return List.copyOf(values);
        }

        private E convertElement(Object item) {
            if (item == null) {
                throw new IllegalArgumentException("a list without null elements");
            }
            try {
                return elementType.convert(item);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a list whose elements are " + e.getMessage(), e);
            }
        }

        @Override
        public String render(List<E> value) {
            if (value == null) {
                return "unset";
            }
            return value.stream().map(elementType::render).collect(Collectors.joining(", ", "[", "]"));
        }

        @Override
        public List<String> allowedValues() {
            return elementType.allowedValues();
        }
    }
}
