package dev.vigil.spi.plugin;

/** Creates a {@link NotificationSink} of one type; found with {@link java.util.ServiceLoader}. */
public interface NotificationSinkProvider {

    /** Unique sink type; {@code console}, {@code webhook}, {@code slack}, {@code ntfy}, {@code email} are reserved. */
    String type();

    /**
     * Creates a sink from its parameters.
     *
     * @throws IllegalArgumentException on an invalid configuration
     */
    NotificationSink create(PluginConfig params);
}
