package dev.vigil.spi.plugin;

/** Creates a {@link StepClassifier}; found with {@link java.util.ServiceLoader}. */
public interface StepClassifierProvider {

    /** Unique name, chosen by {@code engine.classifier.name}; {@code rule_based} is reserved. */
    String name();

    /** Creates the classifier from the settings under {@code plugins.<name>.}. */
    StepClassifier create(PluginConfig config);
}
