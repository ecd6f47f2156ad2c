package dev.vigil.app.archfixture.spi;

/** An "SPI" class that depends on a library: the spi rule must report it. */
public final class LeakySpi {
    public final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(LeakySpi.class);
}
