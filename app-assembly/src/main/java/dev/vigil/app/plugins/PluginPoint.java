package dev.vigil.app.plugins;

import dev.vigil.spi.plugin.NotificationSinkProvider;
import dev.vigil.spi.plugin.StepClassifierProvider;
import dev.vigil.spi.plugin.TriageRuleProvider;
import java.util.Set;
import java.util.function.Function;

/** The three places a third party can plug in, with the names the built-ins reserve. */
public enum PluginPoint {
    CLASSIFIER("classifier", StepClassifierProvider.class, Set.of("rule_based", "grounded")),
    TRIAGE_RULE("triage rule", TriageRuleProvider.class, Set.of("severity", "persistent_stall")),
    SINK("sink", NotificationSinkProvider.class, Set.of("console", "webhook", "slack", "ntfy", "email"));

    private final String label;
    private final Class<?> providerType;
    private final Set<String> reservedNames;

    PluginPoint(String label, Class<?> providerType, Set<String> reservedNames) {
        this.label = label;
        this.providerType = providerType;
        this.reservedNames = reservedNames;
    }

    /** How messages name the point, e.g. {@code triage rule}. */
    public String label() {
        return label;
    }

    /** The provider interface ServiceLoader looks for. */
    public Class<?> providerType() {
        return providerType;
    }

    /** Names only the built-ins may use. */
    public Set<String> reservedNames() {
        return reservedNames;
    }

    /** The name a provider of this point registers under. */
    String nameOf(Object provider) {
        Function<Object, String> name =
                switch (this) {
                    case CLASSIFIER -> p -> ((StepClassifierProvider) p).name();
                    case TRIAGE_RULE -> p -> ((TriageRuleProvider) p).name();
                    case SINK -> p -> ((NotificationSinkProvider) p).type();
                };
        return name.apply(provider);
    }
}
