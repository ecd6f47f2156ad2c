package dev.vigil.app.route;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.routing.AgentIdentity;
import dev.vigil.routing.DecompositionPlan;
import dev.vigil.routing.matcher.AgentModelSpec;
import dev.vigil.routing.matcher.Provider;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The YAML inputs of {@code vigil route} (docs/routing.md): an agents file with {@code agents} (each optionally with a
 * {@code model} requirement) and {@code providers}, and a plan file with the subtasks. Keys are snake_case; enum values
 * are wire names. Errors name the file and the problem.
 */
public final class RoutingInputs {

    /** One agent and the model requirement it declared, if any. */
    public record AgentEntry(AgentIdentity agent, AgentModelSpec model) {}

    /** The agents file. */
    public record Agents(List<AgentEntry> agents, List<Provider> providers) {}

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("vigil-routing").addDeserializer(LocalDate.class, new JsonDeserializer<>() {
                @Override
                public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    return LocalDate.parse(parser.getValueAsString());
                }
            }))
            .build();

    private RoutingInputs() {}

    /** Reads the agents file. */
    @SuppressWarnings("unchecked") // a YAML mapping converts to a map with string keys
    public static Agents readAgents(Path file) {
        JsonNode root = tree(file);
        List<AgentEntry> agents = new ArrayList<>();
        JsonNode list = root.path("agents");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(file + ": agents must be a non-empty list");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException(file + ": agents[" + i + "] must be a mapping");
            }
            ObjectNode copy = object.deepCopy();
            JsonNode model = copy.remove("model");
            AgentIdentity agent = bind(file, "agents[" + i + "]", copy, AgentIdentity.class);
            AgentModelSpec spec = null;
            if (model != null && model.isTextual()) {
                spec = AgentModelSpec.ofTier(model.asText(), null);
            } else if (model != null && model.isObject()) {
                spec = AgentModelSpec.ofMap(YAML.convertValue(model, Map.class));
            }
            agents.add(new AgentEntry(agent, spec));
        }
        List<Provider> providers = new ArrayList<>();
        JsonNode providerList = root.path("providers");
        for (int i = 0; i < providerList.size(); i++) {
            providers.add(bind(file, "providers[" + i + "]", providerList.get(i), Provider.class));
        }
        return new Agents(List.copyOf(agents), List.copyOf(providers));
    }

    /** Reads the plan file. */
    public static DecompositionPlan readPlan(Path file) {
        return bind(file, "plan", tree(file), DecompositionPlan.class);
    }

    private static JsonNode tree(Path file) {
        try {
            JsonNode root = YAML.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(file + ": expected a YAML mapping");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static <T> T bind(Path file, String where, JsonNode node, Class<T> type) {
        try {
            return YAML.treeToValue(node, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(file + ": " + where + ": " + cause.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    file + ": " + where + ": "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }
}
