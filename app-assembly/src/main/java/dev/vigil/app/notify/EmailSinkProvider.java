package dev.vigil.app.notify;

import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.PluginConfig;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Provides the {@code email} sink (health.md §7.5). Parameters: {@code host} (required), {@code port} (587),
 * {@code username} and {@code password} (optional; used only together), {@code from_addr} (required),
 * {@code to_addrs} (comma-separated, at least one), {@code use_tls} ({@code true}: STARTTLS) and
 * {@code smtp_timeout_seconds} (default {@code notifications.email.smtp_timeout_seconds}).
 */
public final class EmailSinkProvider extends BuiltInSinkProvider {

    /** The no-argument constructor ServiceLoader needs. */
    public EmailSinkProvider() {}

    @Override
    public String type() {
        return EmailNotificationSink.TYPE;
    }

    @Override
    NotificationSink create(PluginConfig config, SinkContext context) {
        SinkParams params = SinkParams.of(config);
        String host = params.required("host");
        int port = port(params.get("port").orElse("587"));
        String from = params.required("from_addr");
        if (hasLineBreak(from)) {
            throw new IllegalArgumentException("from_addr must not contain CR or LF");
        }
        List<String> to = new ArrayList<>();
        for (String entry : params.get("to_addrs").orElse("").split(",", -1)) {
            if (hasLineBreak(entry)) {
                throw new IllegalArgumentException("to_addrs must not contain CR or LF");
            }
            if (!entry.strip().isEmpty()) {
                to.add(entry.strip());
            }
        }
        if (to.isEmpty()) {
            throw new IllegalArgumentException("to_addrs must contain at least one address");
        }
        String tls = params.get("use_tls").orElse("true");
        if (!tls.equalsIgnoreCase("true") && !tls.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("use_tls must be 'true' or 'false', got '" + tls + "'");
        }
        double timeout = params.timeoutSeconds(
                "smtp_timeout_seconds", context.settings().get(AssemblySettings.EMAIL_SMTP_TIMEOUT_SECONDS));
        List<InternetAddress> recipients = new ArrayList<>();
        for (String address : to) {
            recipients.add(address("to_addrs", address));
        }
        Optional<String> username = params.get("username");
        Optional<String> password = params.get("password");
        return new EmailNotificationSink(
                new EmailNotificationSink.Config(
                        host,
                        port,
                        username,
                        password,
                        address("from_addr", from),
                        recipients,
                        tls.equalsIgnoreCase("true"),
                        timeout),
                context.mailProperties());
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("port must be an integer in 1-65535, got '" + text + "'");
    }

    private static InternetAddress address(String param, String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException(param + " must hold valid e-mail addresses, got '" + text + "'");
        }
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
    }
}
