package dev.vigil.app.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.spi.model.Notification;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook} sink (health.md §7.2): POSTs each notification as one JSON object, keys in this order:
 * {@code id}, {@code category}, {@code severity} (wire names), {@code title}, {@code body}, {@code source},
 * {@code timestamp} (ISO-8601 UTC, {@link java.time.Instant#toString()}), {@code metadata}; with
 * {@code Content-Type: application/json; charset=utf-8} and the configured {@code header.<Name>} headers.
 *
 * <p><b>Signing.</b> When the {@code signing_secret} parameter is set, every request carries
 *
 * <pre>X-Vigil-Signature: sha256=&lt;hex&gt;</pre>
 *
 * where {@code <hex>} is the 64 lower-case hexadecimal digits of HMAC-SHA256, keyed with the UTF-8 bytes of the
 * secret, over the exact bytes of the request body. A receiver recomputes it over the raw body it received (before any
 * JSON parsing), compares in constant time, and may reject replays by the body's {@code id} and {@code timestamp}.
 *
 * <p>User-info in the URL ({@code https://user:pass@host/...}) is sent as HTTP Basic credentials unless a
 * {@code header.Authorization} is configured.
 */
public final class WebhookNotificationSink extends PinnedHttpSink {

    /** The sink type. */
    public static final String TYPE = "webhook";

    /** The signature header's name. */
    public static final String SIGNATURE_HEADER = "X-Vigil-Signature";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> extraHeaders;
    private final Optional<SecretKeySpec> signingKey;

    WebhookNotificationSink(
            OutboundUrlGuard guard,
            GuardedUrl url,
            double timeoutSeconds,
            Map<String, String> extraHeaders,
            Optional<String> signingSecret) {
        super(TYPE, guard, url, timeoutSeconds, false);
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.signingKey =
                signingSecret.map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    @Override
    public void send(Notification notification) {
        byte[] body = payload(notification);
        Map<String, String> headers = baseHeaders();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.putAll(extraHeaders);
        signingKey.ifPresent(key -> headers.put(SIGNATURE_HEADER, "sha256=" + sign(key, body)));
        PinnedHttpTransport.Reply reply = exchange(notification, target().uri(), headers, body);
        logDelivered(notification, reply.status());
    }

    /** The request body, UTF-8 JSON. */
    static byte[] payload(Notification notification) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", notification.id());
        json.put("category", notification.category().wireName());
        json.put("severity", notification.severity().wireName());
        json.put("title", notification.title());
        json.put("body", notification.body());
        json.put("source", notification.source());
        json.put("timestamp", notification.timestamp().toString());
        json.put("metadata", notification.metadata());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            // Metadata holds JSON values only (the Notification record checks), so this cannot happen.
            throw new IllegalStateException("notification is not serialisable as JSON", e);
        }
    }

    /** Lower-case hex HMAC-SHA256 of {@code body}. */
    static String sign(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
