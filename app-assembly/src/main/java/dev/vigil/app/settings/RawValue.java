package dev.vigil.app.settings;

/**
 * A value for a key as one source gave it, before conversion.
 *
 * @param key the dotted setting key
 * @param value text or an already typed YAML value; null means "unset"
 * @param source where it came from: {@code vigil.yaml:12}, {@code env VIGIL_X}, {@code system property vigil.x},
 *     {@code --set}
 */
record RawValue(String key, Object value, String source) {}
