/**
 * Vigil's assembly: settings resolution, plugin loading, ingest, the per-run analysis sequence, reports and the
 * {@code vigil} command line. The only module that uses Guice, Jackson, Logback and picocli.
 */
module dev.vigil.app {
    requires dev.vigil.spi;
    requires dev.vigil.quality;
    requires dev.vigil.health;
    requires dev.vigil.trajectory;
    requires dev.vigil.coordination;
    requires dev.vigil.routing;
    requires com.google.guice;
    requires jakarta.inject;
    requires jdk.unsupported; // Guice's generated fast classes need it on the module path (google/guice#1536)
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires info.picocli;
    requires org.slf4j;
    requires me.tongfei.progressbar;
    requires org.apache.httpcomponents.client5.httpclient5; // automatic module: HTTP sinks with pinned DNS
    requires org.apache.httpcomponents.core5.httpcore5; // automatic module
    requires jakarta.mail;
    requires org.eclipse.angus.mail;
    requires jdk.net; // HttpClient 5 (an automatic module) sets socket options through jdk.net.Sockets

    uses dev.vigil.spi.plugin.StepClassifierProvider;
    uses dev.vigil.spi.plugin.TriageRuleProvider;
    uses dev.vigil.spi.plugin.NotificationSinkProvider;

    provides dev.vigil.spi.plugin.NotificationSinkProvider with
            dev.vigil.app.notify.WebhookSinkProvider,
            dev.vigil.app.notify.SlackSinkProvider,
            dev.vigil.app.notify.NtfySinkProvider,
            dev.vigil.app.notify.EmailSinkProvider;

    // picocli fills command fields reflectively; Guice calls @Provides methods and @Inject constructors.
    opens dev.vigil.app.cli to
            info.picocli;
    opens dev.vigil.app.wiring to
            com.google.guice;
    opens dev.vigil.app.analysis to
            com.google.guice;
}
