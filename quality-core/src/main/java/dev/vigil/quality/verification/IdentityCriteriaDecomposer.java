package dev.vigil.quality.verification;

import dev.vigil.quality.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in decomposer ({@code identity}, quality.md §4.7): one probe per criterion, unchanged. Probe i (from 0)
 * gets id {@code <taskId>-probe-<i>}, text {@code Is the criterion satisfied: <description>} and the description as
 * its source criterion. Paired with the heuristic grader, this checks whether each criterion's description appears
 * verbatim (ignoring case) in the payload. Stateless and thread-safe.
 */
public final class IdentityCriteriaDecomposer implements CriteriaDecomposer {

    /** The decomposer name. */
    public static final String NAME = "identity";

    /** The probe text prefix. */
    public static final String PROBE_TEXT_PREFIX = "Is the criterion satisfied: ";

    private static final Logger LOG = LoggerFactory.getLogger(IdentityCriteriaDecomposer.class);

    /** The decomposer; it has no configuration. */
    public IdentityCriteriaDecomposer() {
        // stateless
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * One probe per criterion, in order; logs info {@code vigil.verification.criteria_decomposed}.
     *
     * @param taskId NotBlank
     * @param agentId not used by this decomposer
     */
    @Override
    public List<AtomicProbe> decompose(List<AcceptanceCriterion> criteria, String taskId, String agentId) {
        List<AcceptanceCriterion> items = Checks.listCopy(criteria, "criteria");
        Checks.notBlank(taskId, "taskId");
        List<AtomicProbe> probes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String description = items.get(i).description();
            probes.add(new AtomicProbe(taskId + "-probe-" + i, PROBE_TEXT_PREFIX + description, description));
        }
        LOG.atInfo()
                .setMessage(VerificationEvents.CRITERIA_DECOMPOSED)
                .addKeyValue("task_id", taskId)
                .addKeyValue("probe_count", probes.size())
                .addKeyValue("decomposer", NAME)
                .log();
        return Collections.unmodifiableList(probes);
    }
}
