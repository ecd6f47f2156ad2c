/** An example Vigil plugin: a classifier, a triage rule and a sink, built against vigil-spi only. */
module com.example.vigil.plugin {
    requires dev.vigil.spi;

    provides dev.vigil.spi.plugin.StepClassifierProvider with
            com.example.vigil.plugin.KeywordClassifierProvider;
    provides dev.vigil.spi.plugin.TriageRuleProvider with
            com.example.vigil.plugin.DismissCauseRuleProvider;
    provides dev.vigil.spi.plugin.NotificationSinkProvider with
            com.example.vigil.plugin.JsonLinesFileSinkProvider;
}
