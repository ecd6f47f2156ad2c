package dev.vigil.app.archfixture.alpha;

/** A "feature" class that uses Guice: the framework rule must report it. */
public final class AlphaUsesGuice {
    public com.google.inject.Injector injector;
}
