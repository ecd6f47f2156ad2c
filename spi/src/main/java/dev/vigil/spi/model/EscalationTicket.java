package dev.vigil.spi.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A health judge's escalation ticket (data-model.md §10). Build one with
 * {@link #builder(String, String, String, EscalationCause, EscalationSeverity, String)}.
 *
 * @param id NotBlank; the builder defaults it to a random UUID string
 * @param runId NotBlank; the key for de-duplication (D10)
 * @param cause required
 * @param severity required
 * @param evidence NotBlank
 * @param agentId NotBlank
 * @param taskId NotBlank
 * @param stepsSinceLastProgress &ge; 0
 * @param stallDurationSeconds &ge; 0.0
 * @param qualitySignals null means empty
 * @param createdAt null gives now ({@link Instant#now()})
 * @param metadata JSON values, deep-copied and unmodifiable; null means empty
 */
public record EscalationTicket(
        String id,
        String runId,
        EscalationCause cause,
        EscalationSeverity severity,
        String evidence,
        String agentId,
        String taskId,
        int stepsSinceLastProgress,
        double stallDurationSeconds,
        List<StepQualitySignal> qualitySignals,
        Instant createdAt,
        Map<String, Object> metadata) {

    /** Validates every component, copies the signals and deep-copies the metadata. */
    public EscalationTicket {
        Checks.notBlank(id, "id");
        Checks.notBlank(runId, "runId");
        Checks.required(cause, "cause");
        Checks.required(severity, "severity");
        Checks.notBlank(evidence, "evidence");
        Checks.notBlank(agentId, "agentId");
        Checks.notBlank(taskId, "taskId");
        Checks.atLeast(stepsSinceLastProgress, 0, "stepsSinceLastProgress");
        Checks.atLeast(stallDurationSeconds, 0.0, "0.0", "stallDurationSeconds");
        qualitySignals = Checks.copyList(qualitySignals, "qualitySignals");
        createdAt = createdAt == null ? Instant.now() : createdAt;
        metadata = JsonValues.copyObject(metadata, "metadata");
    }

    /** A builder with a random UUID id, createdAt now, 0 steps, 0.0 s stall, no signals and no metadata. */
    public static Builder builder(
            String runId,
            String agentId,
            String taskId,
            EscalationCause cause,
            EscalationSeverity severity,
            String evidence) {
        return new Builder(runId, agentId, taskId, cause, severity, evidence);
    }

    /** A builder holding this ticket's components (id and createdAt included), to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(runId, agentId, taskId, cause, severity, evidence)
                .id(id)
                .stepsSinceLastProgress(stepsSinceLastProgress)
                .stallDurationSeconds(stallDurationSeconds)
                .qualitySignals(qualitySignals)
                .createdAt(createdAt)
                .metadata(metadata);
    }

    /** Fluent builder for {@link EscalationTicket}; {@link #build()} applies the record's validation. */
    public static final class Builder {
        private final String runId;
        private final String agentId;
        private final String taskId;
        private final EscalationCause cause;
        private final EscalationSeverity severity;
        private final String evidence;
        private String id;
        private int stepsSinceLastProgress;
        private double stallDurationSeconds;
        private List<StepQualitySignal> qualitySignals = new ArrayList<>();
        private Instant createdAt;
        private Map<String, Object> metadata = Map.of();

        private Builder(
                String runId,
                String agentId,
                String taskId,
                EscalationCause cause,
                EscalationSeverity severity,
                String evidence) {
            this.runId = runId;
            this.agentId = agentId;
            this.taskId = taskId;
            this.cause = cause;
            this.severity = severity;
            this.evidence = evidence;
        }

        /** Sets the id (default a random UUID string, drawn at build time). */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** Sets stepsSinceLastProgress (default 0). */
        public Builder stepsSinceLastProgress(int value) {
            this.stepsSinceLastProgress = value;
            return this;
        }

        /** Sets stallDurationSeconds (default 0.0). */
        public Builder stallDurationSeconds(double value) {
            this.stallDurationSeconds = value;
            return this;
        }

        /** Replaces the quality signals (default none); the list is copied. */
        public Builder qualitySignals(Collection<StepQualitySignal> value) {
            this.qualitySignals = value == null ? new ArrayList<>() : new ArrayList<>(value);
            return this;
        }

        /** Appends one quality signal. */
        public Builder qualitySignal(StepQualitySignal value) {
            this.qualitySignals.add(value);
            return this;
        }

        /** Sets createdAt (default now, read at build time; pass the engine clock's instant for determinism). */
        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        /** Sets metadata (default empty); JSON values only, deep-copied on build. */
        public Builder metadata(Map<String, ?> value) {
            this.metadata = value == null ? null : new LinkedHashMap<>(value);
            return this;
        }

        /** Validates and creates the ticket. */
        public EscalationTicket build() {
            return new EscalationTicket(
                    id == null ? UUID.randomUUID().toString() : id,
                    runId,
                    cause,
                    severity,
                    evidence,
                    agentId,
                    taskId,
                    stepsSinceLastProgress,
                    stallDurationSeconds,
                    qualitySignals,
                    createdAt == null ? Instant.now() : createdAt,
                    metadata);
        }
    }
}
