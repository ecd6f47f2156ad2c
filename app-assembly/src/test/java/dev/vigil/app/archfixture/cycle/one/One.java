package dev.vigil.app.archfixture.cycle.one;

/** Half of a package cycle. */
public final class One {
    public dev.vigil.app.archfixture.cycle.two.Two other;
}
