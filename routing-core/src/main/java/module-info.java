/**
 * Vigil routing: the agent-task routing scorer and service ({@code dev.vigil.routing}) and the tier-bound model
 * matcher ({@code dev.vigil.routing.matcher}). Depends on the SPI and SLF4J only.
 */
module dev.vigil.routing {
    requires transitive dev.vigil.spi;
    requires org.slf4j;

    exports dev.vigil.routing;
    exports dev.vigil.routing.matcher;
}
