package dev.vigil.app.notify;

import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.PluginConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Provides the {@code webhook} sink (health.md §7.2). Parameters: {@code url} (required, checked by the URL guard),
 * {@code timeout_seconds} (default {@code notifications.webhook.timeout_seconds}), {@code header.<Name>} (extra request
 * headers) and {@code signing_secret} (optional; see {@link WebhookNotificationSink} for the signature header).
 */
public final class WebhookSinkProvider extends BuiltInSinkProvider {

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Headers the sink writes itself; configuring them would break the request or its signature. */
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "host",
            "content-length",
            "content-type",
            "transfer-encoding",
            "connection",
            WebhookNotificationSink.SIGNATURE_HEADER.toLowerCase(Locale.ROOT));

    /** The no-argument constructor ServiceLoader needs. */
    public WebhookSinkProvider() {}

    @Override
    public String type() {
        return WebhookNotificationSink.TYPE;
    }

    @Override
    NotificationSink create(PluginConfig config, SinkContext context) {
        SinkParams params = SinkParams.of(config);
        GuardedUrl url = context.guard().check(params.required("url"));
        double timeout = params.timeoutSeconds(
                "timeout_seconds", context.settings().get(AssemblySettings.WEBHOOK_TIMEOUT_SECONDS));
        Map<String, String> headers = new LinkedHashMap<>();
        params.withPrefix("header.").forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("header.<Name> must be an HTTP header name, got '" + name + "'");
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header." + name + " is set by the sink and cannot be configured");
            }
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                // The value is not echoed: it is often a credential.
                throw new IllegalArgumentException("header." + name + " must not contain CR, LF or NUL");
            }
            headers.put(name, value);
        });
        return new WebhookNotificationSink(context.guard(), url, timeout, headers, params.get("signing_secret"));
    }
}
