package dev.vigil.app.plugins;

/**
 * What happened to one provider (or one plugin jar that yielded none): shown by {@code vigil plugins}.
 *
 * @param point the plugin point, or null when a jar failed before any provider was seen
 * @param name the provider's name, or null when it could not be read
 * @param origin {@code built-in} or the plugin jar/folder path
 * @param state loaded or rejected
 * @param detail why it was rejected; empty when loaded
 */
public record PluginRecord(PluginPoint point, String name, String origin, State state, String detail) {

    /** Whether the provider is in use. */
    public enum State {
        LOADED,
        REJECTED
    }
}
