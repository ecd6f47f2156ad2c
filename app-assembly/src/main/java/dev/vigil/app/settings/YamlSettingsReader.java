package dev.vigil.app.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a YAML config file (keys as nested maps along the dots) into raw values that remember their {@code file:line},
 * so a bad value is reported where the user wrote it. Sequences stay whole (a list setting is one value).
 */
final class YamlSettingsReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlSettingsReader() {}

    static List<RawValue> read(Path file) {
        List<RawValue> values = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return values; // an empty file sets nothing
            }
            if (first != JsonToken.START_OBJECT) {
                throw new SettingsException(
                        List.of(file + ":" + line(parser) + ": the config must be a mapping of keys"));
            }
            readObject(parser, "", file, values);
        } catch (IOException e) {
            throw new SettingsException(List.of(file + ": cannot read config: " + e.getMessage()));
        }
        return values;
    }

    private static void readObject(JsonParser parser, String prefix, Path file, List<RawValue> out) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix.isEmpty() ? parser.currentName() : prefix + "." + parser.currentName();
            String source = file.getFileName() + ":" + line(parser);
            JsonToken token = parser.nextToken();
            switch (token) {
                case START_OBJECT -> readObject(parser, key, file, out);
                case START_ARRAY -> out.add(new RawValue(key, YAML.readValue(parser, List.class), source));
                case VALUE_NULL -> out.add(new RawValue(key, null, source));
                case VALUE_TRUE, VALUE_FALSE -> out.add(new RawValue(key, parser.getBooleanValue(), source));
                case VALUE_NUMBER_INT -> out.add(new RawValue(key, parser.getNumberValue(), source));
                case VALUE_NUMBER_FLOAT -> out.add(new RawValue(key, parser.getDoubleValue(), source));
                default -> out.add(new RawValue(key, parser.getText(), source));
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
