package dev.vigil.quality.feedback;

import dev.vigil.quality.internal.Checks;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client's verdict on a deliverable.
 *
 * @param feedbackId NotBlank; null means a new random UUID
 * @param taskId NotBlank
 * @param clientId NotBlank
 * @param accepted whether the client accepts the deliverable
 * @param reason why not, required when not accepted; null or NotBlank otherwise
 * @param scores score per criterion in first-occurrence order, each in [0.0, 1.0], or null
 * @param unmetCriteria criteria scored below the passing score, in order (default empty)
 * @param createdAt when the review was made (required)
 */
public record ClientFeedback(
        String feedbackId,
        String taskId,
        String clientId,
        boolean accepted,
        String reason,
        Map<String, Double> scores,
        List<String> unmetCriteria,
        Instant createdAt) {

    /** Validates and copies; {@code reason is required when accepted is false}. */
    public ClientFeedback {
        feedbackId = feedbackId == null ? UUID.randomUUID().toString() : Checks.notBlank(feedbackId, "feedbackId");
        Checks.notBlank(taskId, "taskId");
        Checks.notBlank(clientId, "clientId");
        Checks.blankOrNull(reason, "reason");
        if (!accepted && reason == null) {
            throw new IllegalArgumentException("reason is required when accepted is false");
        }
        if (scores != null) {
            Map<String, Double> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Double> entry : scores.entrySet()) {
                String key = Checks.required(entry.getKey(), "scores key");
                String label = "scores['" + key + "']";
                Checks.unitInterval(Checks.required(entry.getValue(), label), label);
                copy.put(key, entry.getValue());
            }
            scores = Collections.unmodifiableMap(copy);
        }
        unmetCriteria = Checks.listCopy(unmetCriteria, "unmetCriteria");
        Checks.required(createdAt, "createdAt");
    }
}
