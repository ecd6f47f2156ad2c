package dev.vigil.app.generate;

import java.util.Locale;

/** The formats {@code vigil generate} writes; each is one that {@code vigil analyze} reads back. */
public enum GeneratedFormat {
    /** Vigil's JSON Lines: one run or team run per line (docs/formats.md). */
    VIGIL,
    /** OTLP/JSON: one {@code ExportTraceServiceRequest} per trace and line, with GenAI semantic-convention spans. */
    OTLP;

    /** The name on the command line and in {@code --format} of {@code vigil analyze}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
