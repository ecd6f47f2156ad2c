package dev.vigil.routing;

import dev.vigil.spi.model.Complexity;
import dev.vigil.spi.model.WireEnum;
import java.util.EnumSet;
import java.util.Set;

/**
 * An agent's seniority. Each level is aligned with the task complexities it suits (routing.md §A.3): juniors take
 * simple work, mids simple and medium, seniors medium and complex, leads and principals complex and epic, and the
 * executive levels epic only.
 */
public enum SeniorityLevel implements WireEnum {
    JUNIOR("junior", EnumSet.of(Complexity.SIMPLE)),
    MID("mid", EnumSet.of(Complexity.SIMPLE, Complexity.MEDIUM)),
    SENIOR("senior", EnumSet.of(Complexity.MEDIUM, Complexity.COMPLEX)),
    LEAD("lead", EnumSet.of(Complexity.COMPLEX, Complexity.EPIC)),
    PRINCIPAL("principal", EnumSet.of(Complexity.COMPLEX, Complexity.EPIC)),
    DIRECTOR("director", EnumSet.of(Complexity.EPIC)),
    VP("vp", EnumSet.of(Complexity.EPIC)),
    C_SUITE("c_suite", EnumSet.of(Complexity.EPIC));

    private final String wireName;
    private final Set<Complexity> aligned;

    SeniorityLevel(String wireName, Set<Complexity> aligned) {
        this.wireName = wireName;
        this.aligned = aligned;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** True when a subtask of this complexity suits an agent of this level (earns the seniority bonus). */
    public boolean alignsWith(Complexity complexity) {
        return complexity != null && aligned.contains(complexity);
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code level must be one of [junior, ...], got 'x'}
     */
    public static SeniorityLevel fromWireName(String wireName) {
        return WireEnum.parse(SeniorityLevel.class, "level", wireName);
    }
}
