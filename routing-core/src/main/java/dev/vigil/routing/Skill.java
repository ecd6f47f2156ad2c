package dev.vigil.routing;

import dev.vigil.routing.internal.Checks;
import java.util.List;

/**
 * One skill of an agent: an id such as {@code python}, how well the agent masters it, and free-form tags such as
 * {@code backend} that a subtask can ask for.
 *
 * <p>{@code proficiency} is boxed so that input files (read with Jackson) that omit it get the spec's default 1.0
 * rather than Java's 0.0; after construction it is never null.
 *
 * @param id the skill id; not blank
 * @param proficiency in [0.0, 1.0]; null means the default 1.0. A skill of proficiency 0.0 still counts as matched
 *     but adds nothing to the score
 * @param tags the skill's tags; null means none
 */
public record Skill(String id, Double proficiency, List<String> tags) {

    /** Proficiency of a skill whose input does not give one. */
    public static final double DEFAULT_PROFICIENCY = 1.0;

    public Skill {
        Checks.notBlank(id, "id");
        if (proficiency == null) {
            proficiency = DEFAULT_PROFICIENCY;
        }
        Checks.inRange(proficiency, 0.0, 1.0, "proficiency");
        tags = Checks.copyList(tags, "tags");
    }

    /** A skill with proficiency 1.0 and no tags. */
    public Skill(String id) {
        this(id, DEFAULT_PROFICIENCY, List.of());
    }

    /** A skill with proficiency 1.0 and the given tags. */
    public Skill(String id, List<String> tags) {
        this(id, DEFAULT_PROFICIENCY, tags);
    }
}
