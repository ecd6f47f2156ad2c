package dev.vigil.app.ingest;

/**
 * One rejected input record.
 *
 * @param location {@code file:line} (or {@code file#/json/pointer} for formats without lines)
 * @param field the field that was wrong, as a path such as {@code turns[2].finish_reason}
 * @param problem what was wrong with it
 */
public record InputProblem(String location, String field, String problem) {

    /** {@code file:line: field: problem}. */
    @Override
    public String toString() {
        return location + ": " + field + ": " + problem;
    }
}
