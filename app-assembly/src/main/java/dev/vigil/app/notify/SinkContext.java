package dev.vigil.app.notify;

import dev.vigil.spi.settings.Settings;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a built-in sink needs beyond its parameters: the resolved settings, the outbound URL guard, the environment
 * (for Slack's {@code token_env}) and extra Jakarta Mail session properties (tests only: a trust store for STARTTLS
 * against a local server).
 */
record SinkContext(
        Settings settings,
        OutboundUrlGuard guard,
        UnaryOperator<String> environment,
        Map<String, Object> mailProperties) {

    SinkContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(environment, "environment");
        mailProperties = Map.copyOf(mailProperties);
    }

    /** Settings as given, the guard they configure with the system resolver, the process environment. */
    static SinkContext of(Settings settings) {
        return new SinkContext(settings, OutboundUrlGuard.fromSettings(settings), System::getenv, Map.of());
    }
}
