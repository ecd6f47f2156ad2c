package dev.vigil.app.notify;

import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.spi.settings.Settings;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The outbound URL guard (health.md §8): keeps the network sinks from being pointed at loopback, private, link-local
 * and other internal addresses (SSRF), and pins each sink to the address its host resolved to at start, so that a DNS
 * answer that changes later (rebinding) cannot redirect it.
 *
 * <p>{@link #check} runs at sink creation and throws {@link IllegalArgumentException} with the spec's messages;
 * {@link #pin} runs at {@code start()} and throws {@link IllegalStateException}. When
 * {@code notifications.outbound.url_validation_enabled} is false, every guard check is off and nothing is pinned (the
 * system resolver is used at each connection); a URL must still be an absolute {@code http}/{@code https} URL with a
 * host, because nothing else can be requested. Hosts on {@code notifications.outbound.hostname_allowlist} skip the
 * blocked-range checks but are still resolved, fail closed and pinned. The fixed names {@code localhost},
 * {@code 127.0.0.1} and {@code ::1} are refused even when listed (§8 step 3 is not a range check); list a host name that
 * resolves to loopback instead.
 */
public final class OutboundUrlGuard {

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Set<String> FORBIDDEN_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

    private final boolean enabled;
    private final Set<String> allowlist;
    private final HostResolver resolver;

    /**
     * A guard.
     *
     * @param enabled false switches every check off (local testing only)
     * @param allowlist host names allowed to resolve to blocked ranges; matched exactly, case-insensitively
     * @param resolver the DNS source used at {@link #pin}
     */
    public OutboundUrlGuard(boolean enabled, Collection<String> allowlist, HostResolver resolver) {
        this.enabled = enabled;
        this.allowlist = allowlist.stream()
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The guard configured by {@code notifications.outbound.*}, resolving with the system resolver. */
    public static OutboundUrlGuard fromSettings(Settings settings) {
        return fromSettings(settings, HostResolver.system());
    }

    /** The guard configured by {@code notifications.outbound.*}, resolving with {@code resolver}. */
    public static OutboundUrlGuard fromSettings(Settings settings, HostResolver resolver) {
        String list = settings.get(AssemblySettings.HOSTNAME_ALLOWLIST);
        return new OutboundUrlGuard(
                settings.get(AssemblySettings.URL_VALIDATION_ENABLED),
                list == null ? Set.of() : Arrays.asList(list.split(",")),
                resolver);
    }

    /** Whether the guard checks anything. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The creation-time checks of §8 (steps 1-4).
     *
     * @throws IllegalArgumentException with the spec's message; the message never repeats the URL, which may hold
     *     credentials
     */
    public GuardedUrl check(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            throw new IllegalArgumentException("url scheme must be http or https, got '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("url must have a host");
        }
        String host = normaliseHost(uri.getHost());
        if (host.isEmpty()) {
            throw new IllegalArgumentException("url must have a host");
        }
        if (enabled) {
            if (FORBIDDEN_HOSTS.contains(host)) {
                throw new IllegalArgumentException("url host '" + host + "' is not allowed");
            }
            if (!allowlist.contains(host)) {
                Optional<InetAddress> literal = ipLiteral(host);
                if (literal.isPresent() && BlockedRanges.isBlocked(literal.get())) {
                    throw new IllegalArgumentException("url host '" + host + "' is in a blocked range");
                }
            }
        }
        return new GuardedUrl(withoutUserInfo(uri), host, Optional.ofNullable(uri.getUserInfo()));
    }

    /**
     * The start-time check of §8: resolves the host, refuses blocked addresses unless the host is allow-listed, and
     * returns the address to pin. Empty when the guard is off.
     *
     * @throws IllegalStateException {@code host '<h>' did not resolve} or {@code host '<h>' resolves to blocked
     *     address <ip>}
     */
    public Optional<PinnedAddress> pin(GuardedUrl url) {
        if (!enabled) {
            return Optional.empty();
        }
        String host = url.host();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | RuntimeException e) {
            // Fail closed: a host we cannot resolve now is not connected to later through another answer.
            throw new IllegalStateException("host '" + host + "' did not resolve");
        }
        if (addresses == null || addresses.length == 0 || addresses[0] == null) {
            throw new IllegalStateException("host '" + host + "' did not resolve");
        }
        if (!allowlist.contains(host)) {
            for (InetAddress address : addresses) {
                if (address == null) {
                    throw new IllegalStateException("host '" + host + "' did not resolve");
                }
                if (BlockedRanges.isBlocked(address)) {
                    throw new IllegalStateException(
                            "host '" + host + "' resolves to blocked address " + address.getHostAddress());
                }
            }
        }
        return Optional.of(new PinnedAddress(host, addresses[0]));
    }

    /** §8 step 2: brackets removed, lower-cased with {@link Locale#ROOT}, one trailing dot removed. */
    static String normaliseHost(String host) {
        String h = host;
        if (h.startsWith("[") && h.endsWith("]") && h.length() >= 2) {
            h = h.substring(1, h.length() - 1);
        }
        h = h.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    /** The address {@code host} names literally (dotted-quad IPv4 or IPv6), with IPv4-mapped IPv6 unwrapped. */
    static Optional<InetAddress> ipLiteral(String host) {
        boolean v4 = DOTTED_QUAD.matcher(host).matches();
        if (!v4 && host.indexOf(':') < 0) {
            return Optional.empty();
        }
        if (v4) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // A dotted quad, or a bracketed IPv6 literal, is parsed without a DNS lookup.
            String literal = v4 ? host : "[" + host + "]";
            return Optional.of(BlockedRanges.unwrapMapped(InetAddress.getByName(literal)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("url host '" + host + "' is not a valid IP address");
        }
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        // Rebuilt from the raw parts, so that percent-escapes in the path and query stay as they were.
        StringBuilder text = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            text.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            text.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        try {
            return new URI(text.toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URI");
        }
    }
}
