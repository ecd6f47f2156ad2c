package dev.vigil.routing.matcher;

import dev.vigil.routing.internal.Checks;
import java.util.List;

/**
 * A model provider and its models. Only agent-eligible providers serve agents.
 *
 * <p>{@code agentEligible} is boxed so that input files that omit it get the spec's default {@code true}; after
 * construction it is never null.
 *
 * @param name provider name; not blank
 * @param agentEligible whether agents may use this provider's models; null means true
 * @param models the models, in preference order for ties and fallback; null means none
 */
public record Provider(String name, Boolean agentEligible, List<ProviderModel> models) {

    public Provider {
        Checks.notBlank(name, "name");
        if (agentEligible == null) {
            agentEligible = Boolean.TRUE;
        }
        models = Checks.copyList(models, "models");
    }

    /** An agent-eligible provider. */
    public Provider(String name, List<ProviderModel> models) {
        this(name, Boolean.TRUE, models);
    }
}
