package dev.vigil.app.archfixture.alpha;

import dev.vigil.app.archfixture.beta.Beta;

/** A "feature" class that reaches into another feature: the isolation rule must report it. */
public final class AlphaUsesBeta {
    public int borrow() {
        return new Beta().answer();
    }
}
