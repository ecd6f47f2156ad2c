package dev.vigil.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.routing.matcher.ModelMatcherConfig;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import dev.vigil.spi.settings.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** settings.md §6: every key, default, range and reload mode; and the config records built from settings. */
class RoutingSettingsTest {

    @Test
    void everyKeyAndDefaultInSettingsOrder() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("engine.routing.weight_primary_skill", 0.4);
        expected.put("engine.routing.weight_secondary_skill", 0.2);
        expected.put("engine.routing.weight_tag_match_bonus", 0.1);
        expected.put("engine.routing.weight_role_match_bonus", 0.2);
        expected.put("engine.routing.weight_seniority_alignment_bonus", 0.2);
        expected.put("engine.routing.min_score", 0.1);
        expected.put("engine.matcher.tier_base_score", 0.5);
        expected.put("engine.matcher.headroom_max_bonus", 0.25);
        expected.put("engine.matcher.priority_max_bonus", 0.25);
        expected.put("engine.matcher.headroom_ratio_cap", 2.0);
        expected.put("engine.matcher.balanced_partial_credit", 0.125);

        Map<String, Object> actual = new LinkedHashMap<>();
        for (Setting<?> setting : RoutingSettings.all()) {
            actual.put(setting.key(), setting.defaultValue());
            assertEquals(Reload.LIVE, setting.reload(), setting.key());
            assertEquals("double", setting.type().name(), setting.key());
        }
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
        assertEquals(expected, actual);
    }

    @Test
    void ranges() {
        for (Setting<?> setting : RoutingSettings.all()) {
            String expected =
                    setting == RoutingSettings.MATCHER_HEADROOM_RATIO_CAP ? "in [1.0, 100.0]" : "in [0.0, 1.0]";
            assertEquals(expected, setting.constraint().rule(), setting.key());
        }
    }

    @Test
    void outOfRangeValueFailsWithTheSettingsMessage() {
        Settings settings = Settings.of(Map.of("engine.routing.min_score", "1.5"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RoutingScorerConfig.from(settings));
        assertEquals("engine.routing.min_score must be in [0.0, 1.0], got 1.5", e.getMessage());
        IllegalArgumentException cap = assertThrows(
                IllegalArgumentException.class,
                () -> ModelMatcherConfig.from(Settings.of(Map.of("engine.matcher.headroom_ratio_cap", 0.5))));
        assertEquals("engine.matcher.headroom_ratio_cap must be in [1.0, 100.0], got 0.5", cap.getMessage());
    }

    @Test
    void defaultsMatchTheSpec() {
        assertEquals(new RoutingScorerConfig(0.4, 0.2, 0.1, 0.2, 0.2, 0.1), RoutingScorerConfig.DEFAULTS);
        assertEquals(new ModelMatcherConfig(0.5, 0.25, 0.25, 2.0, 0.125), ModelMatcherConfig.DEFAULTS);
    }

    @Test
    void everyKeyMapsToItsComponent() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("engine.routing.weight_primary_skill", 0.11);
        raw.put("engine.routing.weight_secondary_skill", 0.12);
        raw.put("engine.routing.weight_tag_match_bonus", 0.13);
        raw.put("engine.routing.weight_role_match_bonus", 0.14);
        raw.put("engine.routing.weight_seniority_alignment_bonus", 0.15);
        raw.put("engine.routing.min_score", 0.16);
        raw.put("engine.matcher.tier_base_score", 0.21);
        raw.put("engine.matcher.headroom_max_bonus", 0.22);
        raw.put("engine.matcher.priority_max_bonus", 0.23);
        raw.put("engine.matcher.headroom_ratio_cap", 3.5);
        raw.put("engine.matcher.balanced_partial_credit", 0.24);
        Settings settings = Settings.of(raw);

        assertEquals(new RoutingScorerConfig(0.11, 0.12, 0.13, 0.14, 0.15, 0.16), RoutingScorerConfig.from(settings));
        assertEquals(new ModelMatcherConfig(0.21, 0.22, 0.23, 3.5, 0.24), ModelMatcherConfig.from(settings));
        assertEquals(0.16, new AgentTaskScorer(RoutingScorerConfig.from(settings)).minScore());
    }
}
