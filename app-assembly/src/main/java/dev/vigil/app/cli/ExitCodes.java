package dev.vigil.app.cli;

/** The exit codes a CI gate can rely on. */
final class ExitCodes {

    /** Analysis ran; no escalated ticket at or above {@code --fail-on}. */
    static final int CLEAN = 0;
    /** A ticket at or above {@code --fail-on} escalated. */
    static final int TICKETS = 1;
    /** Usage or configuration error. */
    static final int USAGE = 2;
    /** Some input records were rejected and {@code --strict} was given. */
    static final int INPUT_ERRORS = 3;

    private ExitCodes() {}
}
