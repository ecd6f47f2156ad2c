package dev.vigil.spi.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A tool-call fingerprint (decision D1), split into its parts: {@code name} + {@code :} + {@code hash}, where the hash
 * is the first 16 lowercase hex characters of the SHA-256 digest of the UTF-8 bytes of the canonical JSON of the
 * arguments. The name is used verbatim and may itself contain {@code :}; parsing splits at the last one.
 *
 * @param name the tool name, NotBlank
 * @param hash exactly 16 lowercase hex characters
 */
public record ToolCallFingerprint(String name, String hash) {

    /** The number of hex characters kept from the digest. */
    public static final int HASH_LENGTH = 16;

    private static final HexFormat HEX = HexFormat.of();

    /** Validates the parts: name NotBlank, hash 16 lowercase hex characters. */
    public ToolCallFingerprint {
        Checks.notBlank(name, "name");
        if (hash == null || hash.length() != HASH_LENGTH || !isLowerHex(hash)) {
            throw Checks.fail("hash", "be " + HASH_LENGTH + " lowercase hex characters", hash);
        }
    }

    /** The fingerprint of {@code call}: {@code name:} + 16 lowercase hex characters. */
    public static String of(ToolCall call) {
        Checks.required(call, "call");
        return call.name() + ":" + hashOf(call.arguments());
    }

    /**
     * The fingerprint of a call of tool {@code name} with {@code arguments} (null means empty).
     *
     * @throws IllegalArgumentException when the name is blank or the arguments hold anything but JSON values
     */
    public static String of(String name, Map<String, ?> arguments) {
        return of(ToolCall.of(name, arguments));
    }

    /**
     * Splits {@code fingerprint} at its last {@code :} into the name and the 16-character hex part.
     *
     * @throws IllegalArgumentException {@code fingerprint must be <name>:<16 lowercase hex characters>, got '<text>'}
     */
    public static ToolCallFingerprint parse(String fingerprint) {
        Checks.required(fingerprint, "fingerprint");
        int colon = fingerprint.lastIndexOf(':');
        String name = colon < 0 ? "" : fingerprint.substring(0, colon);
        String hash = colon < 0 ? "" : fingerprint.substring(colon + 1);
        if (name.isBlank() || hash.length() != HASH_LENGTH || !isLowerHex(hash)) {
            throw Checks.fail("fingerprint", "be <name>:<16 lowercase hex characters>", fingerprint);
        }
        return new ToolCallFingerprint(name, hash);
    }

    /**
     * The canonical JSON text of a JSON value (D1): keys sorted by code point, no whitespace, non-ASCII escaped,
     * doubles in the Java 19+ shortest form.
     *
     * @throws IllegalArgumentException when {@code value} is not a JSON value
     */
    public static String canonicalJson(Object value) {
        return CanonicalJson.of(JsonValues.copy(value, "value"));
    }

    /**
     * {@code value} as the shortest decimal that rounds back to it, laid out like {@code Double.toString} (the Java 19+
     * digits, also on Java 17: {@code 1.0E23}, not {@code 9.999999999999999E22}).
     *
     * @throws IllegalArgumentException {@code value must be finite, got NaN} for NaN and ±Infinity
     */
    public static String formatDouble(double value) {
        return CanonicalJson.formatDouble(value);
    }

    /** The first 16 lowercase hex characters of SHA-256 over the UTF-8 canonical JSON of validated arguments. */
    static String hashOf(Map<String, Object> arguments) {
        byte[] digest = sha256().digest(CanonicalJson.of(arguments).getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest, 0, HASH_LENGTH / 2);
    }

    /** The fingerprint text, {@code name:hash}. */
    public String text() {
        return name + ":" + hash;
    }

    /** The fingerprint text, {@code name:hash}. */
    @Override
    public String toString() {
        return text();
    }

    private static boolean isLowerHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * One digest per thread: looking a digest up for every call costs about as much as hashing a small argument map.
     * {@link MessageDigest#digest(byte[])} resets it, so each use starts clean.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    });

    private static MessageDigest sha256() {
        return SHA_256.get();
    }
}
