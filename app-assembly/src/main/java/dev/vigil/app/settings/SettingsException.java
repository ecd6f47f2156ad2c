package dev.vigil.app.settings;

import java.util.List;

/** Settings could not be resolved; the message lists every problem, each naming the key, value and source. */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SettingsException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, e.g. {@code engine.routing.min_score must be in [0.0, 1.0], got 2.0 (from --set)}. */
    public List<String> problems() {
        return problems;
    }
}
