package dev.vigil.routing.matcher;

import dev.vigil.routing.internal.Checks;

/**
 * One model a provider offers.
 *
 * @param id the model id, e.g. {@code gpt-4o}; not blank
 * @param alias another name a requirement may pin it by, e.g. {@code fast}; nullable
 * @param costPer1kInput price per 1000 input tokens, >= 0; tiers are cost thirds of the eligible pool
 * @param maxContext context window in tokens, > 0
 * @param estimatedLatencyMs typical latency, >= 0; null when unknown (ranks last for speed)
 * @param metadata capability metadata; null means {@link ModelMetadata#DEFAULTS}
 */
public record ProviderModel(
        String id,
        String alias,
        double costPer1kInput,
        int maxContext,
        Double estimatedLatencyMs,
        ModelMetadata metadata) {

    public ProviderModel {
        Checks.notBlank(id, "id");
        Checks.nonNegative(costPer1kInput, "costPer1kInput");
        if (maxContext <= 0) {
            throw new IllegalArgumentException("maxContext must be > 0, got " + maxContext);
        }
        if (estimatedLatencyMs != null) {
            Checks.nonNegative(estimatedLatencyMs, "estimatedLatencyMs");
        }
        if (metadata == null) {
            metadata = ModelMetadata.DEFAULTS;
        }
    }

    /** A model without alias and without capability metadata. */
    public ProviderModel(String id, double costPer1kInput, int maxContext, Double estimatedLatencyMs) {
        this(id, null, costPer1kInput, maxContext, estimatedLatencyMs, null);
    }
}
