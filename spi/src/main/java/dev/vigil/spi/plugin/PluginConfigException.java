package dev.vigil.spi.plugin;

/** A plugin's configuration is invalid; the message names the key and the bad value. */
public class PluginConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public PluginConfigException(String message) {
        super(message);
    }

    public PluginConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
