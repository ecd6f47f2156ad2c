package dev.vigil.quality.verification;

import dev.vigil.quality.internal.Checks;
import dev.vigil.quality.internal.JsonValues;
import java.util.List;
import java.util.Map;

/**
 * What one agent hands to the next at a stage boundary: the work itself (a JSON payload), references to files, the
 * probes that decide acceptance and, optionally, the rubric to grade it with.
 *
 * @param fromAgentId the producing agent, NotBlank
 * @param toAgentId the receiving agent, NotBlank and different from fromAgentId
 * @param fromStage the producing stage, NotBlank
 * @param toStage the receiving stage, NotBlank
 * @param payload JSON values only, deep-copied in insertion order (JSON null allowed); default empty
 * @param artifactRefs references to artifacts (paths, URLs), default empty
 * @param acceptanceProbes probes for acceptance, default empty
 * @param rubric the rubric to grade with, or null
 */
public record HandoffArtifact(
        String fromAgentId,
        String toAgentId,
        String fromStage,
        String toStage,
        Map<String, Object> payload,
        List<String> artifactRefs,
        List<AtomicProbe> acceptanceProbes,
        VerificationRubric rubric) {

    /**
     * Validates and copies. A non-JSON value fails with {@code payload must be JSON-serializable, got <class> at
     * '<path>'}; an agent may not hand off to itself.
     */
    public HandoffArtifact {
        Checks.notBlank(fromAgentId, "fromAgentId");
        Checks.notBlank(toAgentId, "toAgentId");
        Checks.notBlank(fromStage, "fromStage");
        Checks.notBlank(toStage, "toStage");
        payload = JsonValues.copyObject(payload, "payload");
        artifactRefs = Checks.listCopy(artifactRefs, "artifactRefs");
        acceptanceProbes = Checks.listCopy(acceptanceProbes, "acceptanceProbes");
        if (fromAgentId.equals(toAgentId)) {
            throw new IllegalArgumentException(
                    "Self-handoff rejected: toAgentId must differ from fromAgentId, got '" + toAgentId + "'");
        }
    }

    /** An artifact with only a payload: no refs, no probes, no rubric. */
    public static HandoffArtifact of(
            String fromAgentId, String toAgentId, String fromStage, String toStage, Map<String, Object> payload) {
        return new HandoffArtifact(fromAgentId, toAgentId, fromStage, toStage, payload, List.of(), List.of(), null);
    }
}
