package com.example.vigil.plugin;

import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.plugin.TriageRule;
import dev.vigil.spi.plugin.TriageRuleProvider;
import dev.vigil.spi.plugin.TriageVerdict;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Triage rule {@code dismiss_cause}: dismisses tickets of the configured causes (for a team that handles them
 * elsewhere) and abstains on the rest. Setting: {@code plugins.dismiss_cause.causes} (comma-separated wire names,
 * default {@code stagnation}).
 */
public final class DismissCauseRuleProvider implements TriageRuleProvider {

    @Override
    public String name() {
        return "dismiss_cause";
    }

    @Override
    public TriageRule create(PluginConfig config) {
        Set<EscalationCause> causes = Arrays.stream(config.getString("causes", "stagnation").split(","))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .map(EscalationCause::fromWireName)
                .collect(Collectors.toUnmodifiableSet());
        return new DismissCauseRule(causes, config.getInt("priority", 10));
    }

    private record DismissCauseRule(Set<EscalationCause> causes, int priority) implements TriageRule {

        @Override
        public String name() {
            return "dismiss_cause";
        }

        @Override
        public TriageVerdict evaluate(EscalationTicket ticket) {
            return causes.contains(ticket.cause())
                    ? TriageVerdict.dismiss("cause " + ticket.cause().wireName() + " is handled elsewhere")
                    : TriageVerdict.ABSTAIN;
        }
    }
}
