/** Vigil trajectory: see the package documentation. */
module dev.vigil.trajectory {
    requires transitive dev.vigil.spi;
    requires org.slf4j;

    exports dev.vigil.trajectory;
}
