package dev.vigil.app.notify;

import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.PluginConfig;
import java.util.Optional;

/**
 * Provides the {@code slack} sink (health.md §7.3). Incoming webhook: {@code url}. Web API: {@code channel} with
 * exactly one of {@code token} or {@code token_env} (an environment variable read at the first send), and
 * {@code api_base_url} (default {@code notifications.slack.api_base_url}). Both modes: {@code timeout_seconds}
 * (default {@code notifications.slack.timeout_seconds}). Every URL is checked by the outbound URL guard.
 */
public final class SlackSinkProvider extends BuiltInSinkProvider {

    /** The no-argument constructor ServiceLoader needs. */
    public SlackSinkProvider() {}

    @Override
    public String type() {
        return SlackNotificationSink.TYPE;
    }

    @Override
    NotificationSink create(PluginConfig config, SinkContext context) {
        SinkParams params = SinkParams.of(config);
        boolean hasUrl = params.has("url");
        boolean hasChannel = params.has("channel");
        if (!hasUrl && !hasChannel) {
            throw new IllegalArgumentException(
                    "either 'url' (incoming webhook) or 'channel' with 'token' or 'token_env' (Web API) is required");
        }
        if (hasUrl && hasChannel) {
            throw new IllegalArgumentException("give either 'url' or 'channel', not both");
        }
        double timeout = params.timeoutSeconds(
                "timeout_seconds", context.settings().get(AssemblySettings.SLACK_TIMEOUT_SECONDS));
        if (hasUrl) {
            GuardedUrl url = context.guard().check(params.required("url"));
            return new SlackNotificationSink(context.guard(), url, timeout, Optional.empty(), context.environment());
        }
        Optional<String> token = params.get("token");
        Optional<String> tokenEnv = params.get("token_env");
        if (token.isEmpty() && tokenEnv.isEmpty()) {
            throw new IllegalArgumentException("both 'channel' and 'token' (or 'token_env') are required");
        }
        if (token.isPresent() && tokenEnv.isPresent()) {
            throw new IllegalArgumentException("give either 'token' or 'token_env', not both");
        }
        String base =
                params.get("api_base_url").orElseGet(() -> context.settings().get(AssemblySettings.SLACK_API_BASE_URL));
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("api_base_url is required");
        }
        GuardedUrl api = context.guard().check(base);
        return new SlackNotificationSink(
                context.guard(),
                api,
                timeout,
                Optional.of(new SlackNotificationSink.WebApi(params.required("channel"), token, tokenEnv)),
                context.environment());
    }
}
