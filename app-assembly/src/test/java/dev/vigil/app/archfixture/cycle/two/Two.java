package dev.vigil.app.archfixture.cycle.two;

/** The other half of a package cycle. */
public final class Two {
    public dev.vigil.app.archfixture.cycle.one.One other;
}
