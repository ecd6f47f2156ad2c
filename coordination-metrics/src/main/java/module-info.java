/**
 * Vigil coordination metrics: the nine team metrics, the single-agent baseline store, the collector with its overhead
 * alerts, and the built-in Jaccard similarity (coordination.md). Depends only on the spi and SLF4J.
 */
module dev.vigil.coordination {
    requires transitive dev.vigil.spi;
    requires org.slf4j;

    exports dev.vigil.coordination;
}
