package dev.vigil.app.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.settings.SettingType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code list<object>} type of {@code notifications.sinks}: a YAML sequence of mappings, each with a {@code type}.
 * From text sources (environment, system property, {@code --set}) the value is YAML flow text such as
 * {@code [{type: console}, {type: webhook, url: "https://..."}]}.
 */
final class SinkListType implements SettingType<List<SinkSpec>> {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Override
    public String name() {
        return "list<object>";
    }

    @Override
    public List<SinkSpec> convert(Object raw) {
        Object structured = raw;
        if (raw instanceof CharSequence text) {
            try {
                structured = YAML.readValue(text.toString(), new TypeReference<List<Object>>() {});
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("a YAML list of sink mappings", e);
            }
        }
        if (!(structured instanceof List<?> entries)) {
            throw new IllegalArgumentException("a list of sink mappings");
        }
        List<SinkSpec> sinks = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("a list of mappings, each with a 'type'");
            }
            Map<String, String> params = new LinkedHashMap<>();
            String type = null;
            for (Map.Entry<?, ?> field : map.entrySet()) {
                String key = String.valueOf(field.getKey()).strip();
                if (field.getValue() instanceof Map<?, ?> nested) {
                    // header: {Authorization: ...} becomes header.Authorization, as the webhook sink expects.
                    nested.forEach((k, v) ->
                            params.put(key + "." + k, String.valueOf(v).strip()));
                } else if (key.equals("type")) {
                    type = String.valueOf(field.getValue()).strip();
                } else if (field.getValue() != null) {
                    params.put(key, String.valueOf(field.getValue()).strip());
                }
            }
            if (type == null || type.isEmpty()) {
                throw new IllegalArgumentException("a list of mappings, each with a 'type'");
            }
            sinks.add(new SinkSpec(type, PluginConfig.of(params)));
        }
        return List.copyOf(sinks);
    }

    @Override
    public String render(List<SinkSpec> value) {
        if (value == null) {
            return "unset";
        }
        return value.stream().map(s -> "{type: " + s.type() + "}").collect(Collectors.joining(", ", "[", "]"));
    }
}
