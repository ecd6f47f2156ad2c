package dev.vigil.quality.verification;

import java.util.List;

/** Turns a task's acceptance criteria into atomic probes that a grader can check one by one. */
public interface CriteriaDecomposer {

    /** The decomposer's name, e.g. {@code identity}. */
    String name();

    /**
     * Decomposes {@code criteria} into probes.
     *
     * @param criteria the task's acceptance criteria, in order
     * @param taskId the task, used in probe ids
     * @param agentId the agent whose work will be checked
     */
    List<AtomicProbe> decompose(List<AcceptanceCriterion> criteria, String taskId, String agentId);
}
