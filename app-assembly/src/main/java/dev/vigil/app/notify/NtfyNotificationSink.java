package dev.vigil.app.notify;

import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.NotificationSeverity;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ntfy} sink (health.md §7.4): POSTs to {@code <server_url>/<topic>} with the headers {@code Title} (control
 * characters removed), {@code Priority} (info {@code default}, warning {@code high}, error {@code urgent}, critical
 * {@code max}), {@code Tags} (the category) and, with a token, {@code Authorization: Bearer <token>}; the body is the
 * notification body, or its title when the body is empty. Header values are sent as UTF-8, which ntfy reads as such.
 * {@code start()} builds the client and pins DNS; {@code send} before it throws {@link IllegalStateException}.
 */
public final class NtfyNotificationSink extends PinnedHttpSink {

    /** The sink type. */
    public static final String TYPE = "ntfy";

    private final URI topicUri;
    private final Optional<String> token;

    NtfyNotificationSink(
            OutboundUrlGuard guard, GuardedUrl server, String topic, Optional<String> token, double timeoutSeconds) {
        super(TYPE, guard, server, timeoutSeconds, false);
        this.topicUri = topicUri(server.uri(), topic);
        this.token = token;
    }

    @Override
    public void send(Notification notification) {
        Map<String, String> headers = baseHeaders();
        headers.put("Title", withoutControlCharacters(notification.title()));
        headers.put("Priority", priority(notification.severity()));
        headers.put("Tags", notification.category().wireName());
        token.ifPresent(t -> headers.put("Authorization", "Bearer " + t));
        headers.put("Content-Type", "text/plain; charset=utf-8");
        String text = notification.body().isEmpty() ? notification.title() : notification.body();
        PinnedHttpTransport.Reply reply =
                exchange(notification, topicUri, headers, text.getBytes(StandardCharsets.UTF_8));
        logDelivered(notification, reply.status());
    }

    /** ntfy's priority names for Vigil's severities. */
    static String priority(NotificationSeverity severity) {
        return switch (severity) {
            case INFO -> "default";
            case WARNING -> "high";
            case ERROR -> "urgent";
            case CRITICAL -> "max";
        };
    }

    /** {@code text} without U+0000-U+001F and U+007F. */
    static String withoutControlCharacters(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.chars().filter(c -> c > 0x1F && c != 0x7F).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    /** {@code <server without trailing '/'>/<topic>}; the topic is one path segment, percent-encoded. */
    static URI topicUri(URI server, String topic) {
        String base = server.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String segment = URLEncoder.encode(topic, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(base + "/" + segment);
    }
}
