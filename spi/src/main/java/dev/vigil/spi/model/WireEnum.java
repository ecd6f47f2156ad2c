package dev.vigil.spi.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum with a lower-case wire name, used in config, input files, reports and log fields. */
public interface WireEnum {

    /** The lower-case wire name of this constant. */
    String wireName();

    /**
     * Parses {@code wireName} exactly (case-sensitive) into a constant of {@code type}.
     *
     * @param fieldName the name used in the error message
     * @throws IllegalArgumentException {@code <fieldName> must be one of [a, b], got 'x'}
     */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String fieldName, String wireName) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(wireName)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                fieldName + " must be one of " + wireNames(type) + ", got '" + wireName + "'");
    }

    /** The wire names of {@code type} in declaration order, as {@code [a, b, c]}. */
    static <E extends Enum<E> & WireEnum> String wireNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(WireEnum::wireName)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
