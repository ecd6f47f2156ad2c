package dev.vigil.spi.plugin;

/** Creates a {@link TriageRule}; found with {@link java.util.ServiceLoader}. */
public interface TriageRuleProvider {

    /** Unique name; {@code severity} and {@code persistent_stall} are reserved. */
    String name();

    /** Creates the rule from the settings under {@code plugins.<name>.}. */
    TriageRule create(PluginConfig config);
}
