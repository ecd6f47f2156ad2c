package dev.vigil.quality.verification;

import dev.vigil.quality.internal.Checks;

/**
 * One yes/no check derived from an acceptance criterion.
 *
 * @param id probe id, e.g. {@code t-1-probe-0}, NotBlank
 * @param probeText the question, NotBlank
 * @param sourceCriterion the criterion text it came from, NotBlank; the heuristic grader looks for it in the payload
 */
public record AtomicProbe(String id, String probeText, String sourceCriterion) {

    /** Validates the components. */
    public AtomicProbe {
        Checks.notBlank(id, "id");
        Checks.notBlank(probeText, "probeText");
        Checks.notBlank(sourceCriterion, "sourceCriterion");
    }
}
