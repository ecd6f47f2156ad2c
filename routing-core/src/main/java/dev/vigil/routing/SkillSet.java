package dev.vigil.routing;

import dev.vigil.routing.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent's skills in two tiers. A required skill found in the primary tier weighs more (0.4 by default) than one
 * found in the secondary tier (0.2). A skill id appears at most once in each tier and never in both.
 *
 * @param primary the core skills; null means none
 * @param secondary the supporting skills; null means none
 */
public record SkillSet(List<Skill> primary, List<Skill> secondary) {

    /** No skills at all. */
    public static final SkillSet EMPTY = new SkillSet(List.of(), List.of());

    public SkillSet {
        primary = Checks.copyList(primary, "primary");
        secondary = Checks.copyList(secondary, "secondary");
        List<String> primaryDuplicates = Checks.sortedDuplicates(ids(primary));
        if (!primaryDuplicates.isEmpty()) {
            throw new IllegalArgumentException("Duplicate skill ids in primary tier: " + primaryDuplicates);
        }
        List<String> secondaryDuplicates = Checks.sortedDuplicates(ids(secondary));
        if (!secondaryDuplicates.isEmpty()) {
            throw new IllegalArgumentException("Duplicate skill ids in secondary tier: " + secondaryDuplicates);
        }
        Set<String> primaryIds = new HashSet<>(ids(primary));
        Set<String> overlap = new TreeSet<>();
        for (String id : ids(secondary)) {
            if (primaryIds.contains(id)) {
                overlap.add(id);
            }
        }
        if (!overlap.isEmpty()) {
            throw new IllegalArgumentException(
                    "Skills cannot appear in both primary and secondary tiers: " + new ArrayList<>(overlap));
        }
    }

    /** Skills given by id only (proficiency 1.0, no tags). */
    public static SkillSet ofIds(List<String> primaryIds, List<String> secondaryIds) {
        return new SkillSet(
                primaryIds.stream().map(Skill::new).toList(),
                secondaryIds.stream().map(Skill::new).toList());
    }

    private static List<String> ids(List<Skill> skills) {
        return skills.stream().map(Skill::id).toList();
    }
}
