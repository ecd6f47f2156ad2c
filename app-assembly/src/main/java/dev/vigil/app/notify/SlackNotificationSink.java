package dev.vigil.app.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.plugin.NotificationDeliveryException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code slack} sink (health.md §7.3), in one of two modes: an incoming webhook ({@code url}), which posts a
 * {@code text} and Block Kit {@code blocks}; or the Web API ({@code channel} with {@code token} or {@code token_env}),
 * which posts {@code chat.postMessage} with a bearer token and needs {@code "ok": true} back. Title, body, category and
 * source are escaped ({@code &}, {@code <}, {@code >}). HTTP 408/429/5xx and the API error {@code ratelimited} are
 * retryable; other failures are not. The HTTP client is built at the first send; DNS is pinned at start.
 */
public final class SlackNotificationSink extends PinnedHttpSink {

    /** The sink type. */
    public static final String TYPE = "slack";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Web API mode's settings; empty for an incoming webhook. */
    record WebApi(String channel, Optional<String> token, Optional<String> tokenEnv) {
        /** The channel only: the token is a secret. */
        @Override
        public String toString() {
            return "WebApi[channel=" + channel + "]";
        }
    }

    private final Optional<WebApi> webApi;
    private final UnaryOperator<String> environment;
    private volatile String cachedToken;

    SlackNotificationSink(
            OutboundUrlGuard guard,
            GuardedUrl target,
            double timeoutSeconds,
            Optional<WebApi> webApi,
            UnaryOperator<String> environment) {
        super(TYPE, guard, target, timeoutSeconds, true);
        this.webApi = webApi;
        this.environment = environment;
    }

    @Override
    public void send(Notification notification) {
        if (webApi.isEmpty()) {
            Map<String, String> headers = baseHeaders();
            headers.put("Content-Type", "application/json; charset=utf-8");
            exchange(notification, target().uri(), headers, json(incomingWebhookPayload(notification)));
            logDelivered(notification, null);
            return;
        }
        WebApi api = webApi.get();
        String token = token(api);
        if (token == null) {
            logFailure(notification, "missing_token");
            throw new NotificationDeliveryException("slack delivery failed: missing_token", false);
        }
        Map<String, String> headers = baseHeaders();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Authorization", "Bearer " + token);
        ObjectNode payload = JSON.createObjectNode();
        payload.put("channel", api.channel());
        payload.put("text", webApiText(notification));
        PinnedHttpTransport.Reply reply =
                exchange(notification, postMessageUri(target().uri()), headers, json(payload));
        JsonNode answer;
        try {
            answer = JSON.readTree(reply.body());
        } catch (JsonProcessingException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            logFailure(notification, "unreadable_response");
            throw new NotificationDeliveryException("slack delivery failed: unreadable_response", false);
        }
        if (!answer.path("ok").asBoolean(false)) {
            String error = answer.path("error").asText("unknown_error");
            boolean retryable = error.equals("ratelimited");
            logFailure(notification, error);
            throw new NotificationDeliveryException("slack delivery failed: " + error, retryable);
        }
        logDelivered(notification, null);
    }

    /** {@code &}, {@code <}, {@code >} as Slack's mrkdwn needs them, in that order. */
    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String header(Notification n) {
        return "*[" + n.severity().wireName().toUpperCase(Locale.ROOT) + "]* " + esc(n.title());
    }

    static String context(Notification n) {
        return "Category: " + esc(n.category().wireName()) + " | Source: " + esc(n.source());
    }

    /** The incoming-webhook JSON: {@code text} plus a section and a context block. */
    static ObjectNode incomingWebhookPayload(Notification n) {
        String header = header(n);
        ObjectNode payload = JSON.createObjectNode();
        payload.put("text", header);
        ArrayNode blocks = payload.putArray("blocks");
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        ObjectNode sectionText = section.putObject("text");
        sectionText.put("type", "mrkdwn");
        sectionText.put("text", n.body().isEmpty() ? header : header + "\n" + esc(n.body()));
        ObjectNode contextBlock = blocks.addObject();
        contextBlock.put("type", "context");
        ObjectNode element = contextBlock.putArray("elements").addObject();
        element.put("type", "mrkdwn");
        element.put("text", context(n));
        return payload;
    }

    /** The Web API message text: header, the escaped body when non-empty, the context line; joined by newlines. */
    static String webApiText(Notification n) {
        List<String> lines = new ArrayList<>();
        lines.add(header(n));
        if (!n.body().isEmpty()) {
            lines.add(esc(n.body()));
        }
        lines.add(context(n));
        return String.join("\n", lines);
    }

    private static URI postMessageUri(URI base) {
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + "/chat.postMessage");
    }

    private String token(WebApi api) {
        if (api.token().isPresent()) {
            return api.token().get();
        }
        String token = cachedToken;
        if (token == null) {
            // Read at the first send (health.md §7.3); an unset or empty variable is retried at the next send.
            String value = environment.apply(api.tokenEnv().orElseThrow());
            if (value != null && !value.strip().isEmpty()) {
                token = value.strip();
                cachedToken = token;
            }
        }
        return token;
    }

    private void logFailure(Notification notification, String detail) {
        logFailureDetail(notification, detail, detail.equals("ratelimited"));
    }

    private static byte[] json(ObjectNode payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings is always serialisable", e);
        }
    }
}
