package dev.vigil.app.ingest;

/** A record field is missing or invalid; carries the field path for the problem report. */
final class FieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    FieldException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    String field() {
        return field;
    }
}
