package dev.vigil.routing.matcher;

import dev.vigil.routing.internal.Checks;

/**
 * The outcome of matching one requirement against one provider's models.
 *
 * @param model the chosen model, or null when none fits
 * @param score in [0.0, 1.0]; 0.0 when no model fits, 1.0 for a pinned model
 */
public record ModelSelection(ProviderModel model, double score) {

    /** No model fits. */
    public static final ModelSelection NONE = new ModelSelection(null, 0.0);

    public ModelSelection {
        Checks.inRange(score, 0.0, 1.0, "score");
    }
}
