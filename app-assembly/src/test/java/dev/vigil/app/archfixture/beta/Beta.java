package dev.vigil.app.archfixture.beta;

/** A well-behaved "feature" class: it uses the JDK only. */
public final class Beta {
    public int answer() {
        return java.util.List.of(1, 2).size();
    }
}
