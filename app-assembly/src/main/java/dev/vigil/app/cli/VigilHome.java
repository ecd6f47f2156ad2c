package dev.vigil.app.cli;

import java.nio.file.Path;

/** The distribution folder: {@code VIGIL_HOME} as the launcher sets it, else the working directory. */
final class VigilHome {

    private VigilHome() {}

    static Path path() {
        String home = System.getenv("VIGIL_HOME");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }

    /** {@code relative} resolved against the home folder unless it is absolute. */
    static Path resolve(String relative) {
        Path path = Path.of(relative);
        return path.isAbsolute() ? path : path().resolve(path);
    }
}
