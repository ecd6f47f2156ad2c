package dev.vigil.app.wiring;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.vigil.spi.model.ModelTier;
import dev.vigil.trajectory.IdealTrajectoryBaselines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** Reads the ideal-trajectory baselines file (docs/baselines.md) into trajectory-core's records. */
final class BaselinesFile {

    private BaselinesFile() {}

    static IdealTrajectoryBaselines read(Path file) {
        SimpleModule wire = new SimpleModule("vigil-baselines");
        wire.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return Instant.parse(parser.getValueAsString());
            }
        });
        wire.addDeserializer(ModelTier.class, new JsonDeserializer<>() {
            @Override
            public ModelTier deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return ModelTier.fromWireName(parser.getValueAsString());
            }
        });
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(wire)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            return mapper.readValue(file.toFile(), IdealTrajectoryBaselines.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(file + ": " + cause.getMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
