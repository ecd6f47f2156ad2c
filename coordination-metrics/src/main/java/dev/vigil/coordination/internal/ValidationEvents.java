package dev.vigil.coordination.internal;

import org.slf4j.Logger;

/** Logs {@code vigil.coordination.validation_error} (warning; parameter, value, error) before a rejection. */
public final class ValidationEvents {

    /** The event name of a rejected argument. */
    public static final String VALIDATION_ERROR = "vigil.coordination.validation_error";

    private ValidationEvents() {}

    /** Logs the event and returns a ready {@link IllegalArgumentException} carrying {@code error}. */
    public static IllegalArgumentException reject(Logger log, String parameter, Object value, String error) {
        log.atWarn()
                .setMessage(VALIDATION_ERROR)
                .addKeyValue("parameter", parameter)
                .addKeyValue("value", value)
                .addKeyValue("error", error)
                .log();
        return new IllegalArgumentException(error);
    }
}
