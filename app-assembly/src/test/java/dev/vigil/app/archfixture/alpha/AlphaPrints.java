package dev.vigil.app.archfixture.alpha;

/** A "library" class that prints: the printing rule must report it. */
public final class AlphaPrints {
    public void shout() {
        System.out.println("library code must not print");
    }
}
