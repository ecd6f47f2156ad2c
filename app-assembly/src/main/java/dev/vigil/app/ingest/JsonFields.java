package dev.vigil.app.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.spi.model.WireEnum;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of JSON fields that fail with the field's path, so a bad record is reported as
 * {@code file:line: turns[2].finish_reason: problem}.
 */
final class JsonFields {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode node;
    private final String path;

    JsonFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new FieldException(path.isEmpty() ? "record" : path, "must be a JSON object");
        }
        this.node = node;
        this.path = path;
    }

    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    String requiredText(String field) {
        String value = text(field);
        if (value == null) {
            throw new FieldException(pathOf(field), "is required");
        }
        return value;
    }

    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new FieldException(
                    pathOf(field),
                    "must be a string, got " + value.getNodeType().name().toLowerCase());
        }
        return value.asText();
    }

    long longValue(String field, long defaultValue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new FieldException(pathOf(field), "must be an integer, got " + value);
        }
        return value.asLong();
    }

    int intValue(String field, int defaultValue) {
        long value = longValue(field, defaultValue);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new FieldException(pathOf(field), "must fit in an int, got " + value);
        }
        return (int) value;
    }

    Integer optionalInt(String field) {
        return has(field) ? intValue(field, 0) : null;
    }

    Long optionalLong(String field) {
        return has(field) ? longValue(field, 0) : null;
    }

    Double optionalDouble(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new FieldException(pathOf(field), "must be a number, got " + value);
        }
        return value.asDouble();
    }

    double doubleValue(String field, double defaultValue) {
        Double value = optionalDouble(field);
        return value == null ? defaultValue : value;
    }

    Boolean optionalBoolean(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new FieldException(pathOf(field), "must be true or false, got " + value);
        }
        return value.asBoolean();
    }

    Instant instant(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FieldException(
                    pathOf(field), "must be an ISO-8601 instant such as 2026-03-01T10:00:00Z, got '" + text + "'");
        }
    }

    <E extends Enum<E> & WireEnum> E enumValue(String field, Class<E> type) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(text)) {
                return constant;
            }
        }
        throw new FieldException(pathOf(field), "must be one of " + WireEnum.wireNames(type) + ", got '" + text + "'");
    }

    <E extends Enum<E> & WireEnum> E requiredEnum(String field, Class<E> type) {
        E value = enumValue(field, type);
        if (value == null) {
            throw new FieldException(pathOf(field), "is required");
        }
        return value;
    }

    List<JsonFields> objects(String field) {
        JsonNode value = node.get(field);
        List<JsonFields> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            throw new FieldException(pathOf(field), "must be an array");
        }
        for (int i = 0; i < value.size(); i++) {
            items.add(new JsonFields(value.get(i), pathOf(field) + "[" + i + "]"));
        }
        return items;
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    JsonFields object(String field) {
        return has(field) ? new JsonFields(node.get(field), pathOf(field)) : null;
    }

    @SuppressWarnings("unchecked") // a JSON object converts to a map with string keys
    Map<String, Object> jsonObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new FieldException(pathOf(field), "must be a JSON object");
        }
        return MAPPER.convertValue(value, Map.class);
    }

    <E extends Enum<E> & WireEnum> List<E> enumList(String field, Class<E> type) {
        JsonNode value = node.get(field);
        List<E> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            throw new FieldException(pathOf(field), "must be an array");
        }
        for (int i = 0; i < value.size(); i++) {
            String text = value.get(i).asText();
            E match = null;
            for (E constant : type.getEnumConstants()) {
                if (constant.wireName().equals(text)) {
                    match = constant;
                }
            }
            if (match == null) {
                throw new FieldException(
                        pathOf(field) + "[" + i + "]",
                        "must be one of " + WireEnum.wireNames(type) + ", got '" + text + "'");
            }
            items.add(match);
        }
        return items;
    }
}
