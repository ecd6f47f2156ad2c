/**
 * Vigil's SPI: the input data model, signals, tickets and notifications, the three plugin points (step classifier,
 * triage rule, notification sink) and the settings vocabulary. Depends on the JDK only.
 */
module dev.vigil.spi {
    exports dev.vigil.spi.model;
    exports dev.vigil.spi.plugin;
    exports dev.vigil.spi.settings;

    uses dev.vigil.spi.plugin.StepClassifierProvider;
    uses dev.vigil.spi.plugin.TriageRuleProvider;
    uses dev.vigil.spi.plugin.NotificationSinkProvider;
}
