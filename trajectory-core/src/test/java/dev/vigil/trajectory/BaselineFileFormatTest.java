package dev.vigil.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.vigil.spi.model.ModelTier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The baseline file format documented in docs/baselines.md and the package javadoc loads with plain Jackson into the
 * records, the way the assembly will read it.
 */
class BaselineFileFormatTest {

    private static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("vigil-baselines-test");
        module.addDeserializer(Instant.class, new JsonDeserializer<Instant>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        module.addDeserializer(ModelTier.class, new JsonDeserializer<ModelTier>() {
            @Override
            public ModelTier deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return ModelTier.fromWireName(p.getValueAsString());
            }
        });
        return new ObjectMapper().registerModule(module);
    }

    private static String documentedExample() throws IOException {
        Path doc = Path.of("..", "docs", "baselines.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertTrue(json.find(), "docs/baselines.md has a json example");
        return json.group(1);
    }

    @Test
    void documentedExampleLoads() throws IOException {
        IdealTrajectoryBaselines file = mapper().readValue(documentedExample(), IdealTrajectoryBaselines.class);
        assertEquals(1, file.formatVersion());
        IdealTrajectoryBaseline baseline = file.forTaskType("research").orElseThrow();
        assertEquals(
                new IdealTrajectoryBaseline(
                        "research",
                        4,
                        0,
                        10.0,
                        500,
                        1.0,
                        1000.0,
                        Instant.parse("2026-03-01T23:30:00Z"),
                        "agent-ops",
                        ModelTier.MEDIUM,
                        "recorded from run r-1042 after review"),
                baseline);
        assertEquals("research:20260301", baseline.version());
    }

    @Test
    void notesMayBeOmittedAndOffsetsAreInstants() throws IOException {
        String json = "{\"formatVersion\":1,\"baselines\":[{\"taskType\":\"t\",\"idealStepCount\":1,"
                + "\"idealToolCallCount\":0,\"idealLatencySeconds\":2.5,\"idealOutputTokens\":10,"
                + "\"idealStructuralScore\":0.5,\"idealPte\":20.0,\"recordedAt\":\"2026-03-01T23:30:00-05:00\","
                + "\"recordedByAgentId\":\"a\",\"modelTier\":\"large\"}]}";
        IdealTrajectoryBaseline baseline = mapper().readValue(json, IdealTrajectoryBaselines.class)
                .baselines()
                .get(0);
        assertEquals("", baseline.notes());
        assertEquals(ModelTier.LARGE, baseline.modelTier());
        assertEquals("t:20260302", baseline.version());
    }

    @Test
    void invalidValuesFailWithTheRecordMessage() {
        String json = "{\"formatVersion\":1,\"baselines\":[{\"taskType\":\"t\",\"idealStepCount\":0,"
                + "\"idealToolCallCount\":0,\"idealLatencySeconds\":2.5,\"idealOutputTokens\":10,"
                + "\"idealStructuralScore\":0.5,\"idealPte\":20.0,\"recordedAt\":\"2026-03-01T00:00:00Z\","
                + "\"recordedByAgentId\":\"a\",\"modelTier\":\"small\"}]}";
        ValueInstantiationException e = assertThrows(
                ValueInstantiationException.class, () -> mapper().readValue(json, IdealTrajectoryBaselines.class));
        assertEquals("idealStepCount must be >= 1, got 0", e.getCause().getMessage());
    }
}
