package dev.vigil.app.notify;

import dev.vigil.app.settings.SinkSpec;
import dev.vigil.health.notify.ConsoleSink;
import dev.vigil.health.notify.ConsoleSinkProvider;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.NotificationSinkProvider;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the notification sinks from {@code notifications.sinks} (health.md §9). Entries are processed in order:
 *
 * <ol>
 *   <li>{@code enabled: false} logs info {@code vigil.notification.sink_disabled} (type) and skips the entry; an
 *       {@code enabled} that is not {@code true}/{@code false} is an invalid configuration (step 3);
 *   <li>a type no provider offers logs warning {@code vigil.notification.sink_unknown_type} (type, known) and skips;
 *   <li>a provider whose {@code create} throws {@link IllegalArgumentException} logs warning
 *       {@code vigil.notification.sink_config_invalid} (type, reason) and skips. Any other exception, or a null sink,
 *       from a third-party provider is logged the same way, with the exception type as the reason, so that one broken
 *       plugin does not stop the others.
 * </ol>
 *
 * If no sink survives, a {@code console} sink is added with warning {@code vigil.notification.sink_default_fallback}.
 *
 * <p>The first provider of a type wins (D13). The assembly's own providers ({@link WebhookSinkProvider},
 * {@link SlackSinkProvider}, {@link NtfySinkProvider}, {@link EmailSinkProvider}) receive the resolved settings and the
 * outbound URL guard they configure; any other provider gets {@link NotificationSinkProvider#create} with the entry's
 * parameters, minus {@code enabled}. Sinks are returned unstarted: the dispatcher starts them, and a sink whose start
 * fails (for example, the guard refusing its host) is removed there.
 */
public final class SinkFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SinkFactory.class);

    private final HostResolver resolver;
    private final UnaryOperator<String> environment;
    private final Map<String, Object> mailProperties;

    /** A factory using the system resolver and the process environment. */
    public SinkFactory() {
        this(HostResolver.system(), System::getenv, Map.of());
    }

    /** A factory with its own DNS source, environment and extra mail-session properties (tests). */
    SinkFactory(HostResolver resolver, UnaryOperator<String> environment, Map<String, Object> mailProperties) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.mailProperties = Map.copyOf(mailProperties);
    }

    /** The built-in providers: console (health-core), webhook, slack, ntfy, email. */
    public static List<NotificationSinkProvider> builtInProviders() {
        return List.of(
                new ConsoleSinkProvider(),
                new WebhookSinkProvider(),
                new SlackSinkProvider(),
                new NtfySinkProvider(),
                new EmailSinkProvider());
    }

    /**
     * The sinks for {@code specs}, in order; never empty.
     *
     * @param specs the {@code notifications.sinks} entries
     * @param providers every provider found (built-in and plugins); the first of a type wins
     * @param settings the resolved settings (timeouts, Slack and ntfy defaults, the URL guard's settings)
     */
    public List<NotificationSink> create(
            List<SinkSpec> specs, List<NotificationSinkProvider> providers, Settings settings) {
        Objects.requireNonNull(specs, "specs");
        Objects.requireNonNull(providers, "providers");
        Objects.requireNonNull(settings, "settings");
        Map<String, NotificationSinkProvider> byType = new LinkedHashMap<>();
        for (NotificationSinkProvider provider : providers) {
            Objects.requireNonNull(provider, "providers must not contain null");
            byType.putIfAbsent(provider.type(), provider);
        }
        SinkContext context = new SinkContext(
                settings, OutboundUrlGuard.fromSettings(settings, resolver), environment, mailProperties);
        List<NotificationSink> sinks = new ArrayList<>();
        for (SinkSpec spec : specs) {
            Objects.requireNonNull(spec, "specs must not contain null");
            create(spec, byType, context).ifPresent(sinks::add);
        }
        if (sinks.isEmpty()) {
            LOG.atWarn()
                    .setMessage("vigil.notification.sink_default_fallback")
                    .addKeyValue("type", ConsoleSink.TYPE)
                    .log();
            sinks.add(new ConsoleSink());
        }
        return List.copyOf(sinks);
    }

    private Optional<NotificationSink> create(
            SinkSpec spec, Map<String, NotificationSinkProvider> byType, SinkContext context) {
        String type = spec.type();
        boolean enabled;
        try {
            enabled = spec.params().getBoolean("enabled", true);
        } catch (IllegalArgumentException e) {
            return invalid(type, e.getMessage());
        }
        if (!enabled) {
            LOG.atInfo()
                    .setMessage("vigil.notification.sink_disabled")
                    .addKeyValue("type", type)
                    .log();
            return Optional.empty();
        }
        NotificationSinkProvider provider = byType.get(type);
        if (provider == null) {
            LOG.atWarn()
                    .setMessage("vigil.notification.sink_unknown_type")
                    .addKeyValue("type", type)
                    .addKeyValue("known", List.copyOf(new TreeSet<>(byType.keySet())))
                    .log();
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>(spec.params().asMap());
        params.remove("enabled");
        PluginConfig config = PluginConfig.of(params);
        NotificationSink sink;
        try {
            sink = provider instanceof BuiltInSinkProvider builtIn
                    ? builtIn.create(config, context)
                    : provider.create(config);
        } catch (IllegalArgumentException e) {
            return invalid(type, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // A third-party provider's message is not known to be free of secrets: name the exception type only.
            return invalid(type, "provider failed: " + e.getClass().getName());
        }
        if (sink == null) {
            return invalid(type, "provider returned no sink");
        }
        return Optional.of(sink);
    }

    private static Optional<NotificationSink> invalid(String type, String reason) {
        LOG.atWarn()
                .setMessage("vigil.notification.sink_config_invalid")
                .addKeyValue("type", type)
                .addKeyValue("reason", reason)
                .log();
        return Optional.empty();
    }
}
