/**
 * Vigil health: the health judge, per-run monitoring, the triage chain, the notification pipeline and dispatcher, the
 * console sink, stagnation detectors and structural erosion (health.md). Depends on the spi and SLF4J only.
 */
module dev.vigil.health {
    requires transitive dev.vigil.spi;
    requires org.slf4j;

    exports dev.vigil.health;
    exports dev.vigil.health.notify;
    exports dev.vigil.health.stagnation;
    exports dev.vigil.health.triage;

    provides dev.vigil.spi.plugin.NotificationSinkProvider with
            dev.vigil.health.notify.ConsoleSinkProvider;
}
