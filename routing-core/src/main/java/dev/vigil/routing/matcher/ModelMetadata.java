package dev.vigil.routing.matcher;

import dev.vigil.routing.internal.Checks;
import java.time.LocalDate;

/**
 * What is known about a model's capabilities. The eligibility filters trust it only when its {@code source} is
 * known; a model with no metadata passes the capability filters (routing.md §B.3).
 *
 * @param supportsTools the model is declared able to call tools
 * @param supportsVision the model is declared able to read images
 * @param supportsReasoning the model is declared a reasoning model
 * @param supportsEmbeddings the model is an embedding model, which never chats and is never chosen
 * @param toolCallsVerified null = never observed, true = proven to call tools at runtime, false = proven incapable
 *     (excluded for every agent)
 * @param generation model generation, higher is newer, used to pick among pinned models; null when unknown, else
 *     finite and >= 0
 * @param releaseDate release date, the second key for picking among pinned models; null when unknown
 * @param source where the metadata came from; null means {@link MetadataSource#UNKNOWN}
 */
public record ModelMetadata(
        boolean supportsTools,
        boolean supportsVision,
        boolean supportsReasoning,
        boolean supportsEmbeddings,
        Boolean toolCallsVerified,
        Double generation,
        LocalDate releaseDate,
        MetadataSource source) {

    /** Nothing known: no declared capabilities, never observed, source unknown. */
    public static final ModelMetadata DEFAULTS =
            new ModelMetadata(false, false, false, false, null, null, null, MetadataSource.UNKNOWN);

    public ModelMetadata {
        if (generation != null) {
            Checks.nonNegative(generation, "generation");
        }
        if (source == null) {
            source = MetadataSource.UNKNOWN;
        }
    }
}
