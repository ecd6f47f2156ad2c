package dev.vigil.routing.matcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The personality-preset affinity table of routing.md §B.2: which priority (and, for one preset, which minimum
 * context) a personality preset implies. This is table data, not tunables.
 */
record PresetAffinity(ModelPriority priority, int minContext) {

    /** The only preset that asks for a large context: visionary leaders read whole strategy documents. */
    static final int VISIONARY_LEADER_MIN_CONTEXT = 100_000;

    private static final Map<String, PresetAffinity> TABLE = build();

    /** The affinity of a preset already stripped and lower-cased, or null when the preset is unknown. */
    static PresetAffinity lookup(String normalizedPreset) {
        return TABLE.get(normalizedPreset);
    }

    private static Map<String, PresetAffinity> build() {
        Map<String, PresetAffinity> table = new LinkedHashMap<>();
        table.put("visionary_leader", new PresetAffinity(ModelPriority.QUALITY, VISIONARY_LEADER_MIN_CONTEXT));
        put(
                table,
                ModelPriority.QUALITY,
                List.of(
                        "strategic_planner",
                        "systems_thinker",
                        "methodical_analyst",
                        "quality_guardian",
                        "security_sentinel",
                        "data_driven_optimizer",
                        "code_craftsman",
                        "devil_advocate"));
        put(table, ModelPriority.SPEED, List.of("eager_learner", "rapid_prototyper", "growth_hacker"));
        put(table, ModelPriority.COST, List.of("disciplined_executor"));
        put(
                table,
                ModelPriority.BALANCED,
                List.of(
                        "pragmatic_builder",
                        "creative_innovator",
                        "team_diplomat",
                        "independent_researcher",
                        "empathetic_mentor",
                        "communication_bridge",
                        "user_advocate",
                        "process_optimizer",
                        "technical_communicator",
                        "client_advisor"));
        return Map.copyOf(table);
    }

    private static void put(Map<String, PresetAffinity> table, ModelPriority priority, List<String> presets) {
        presets.forEach(preset -> table.put(preset, new PresetAffinity(priority, 0)));
    }
}
