package dev.vigil.app.notify;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound URL that passed the guard's creation-time checks (health.md §8).
 *
 * @param uri the URL to request, with any user-info removed
 * @param host the normalised host: brackets removed, lower case, one trailing dot removed
 * @param userInfo the decoded {@code user:password} the URL carried, sent as HTTP Basic credentials; a secret
 */
public record GuardedUrl(URI uri, String host, Optional<String> userInfo) {

    public GuardedUrl {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(userInfo, "userInfo");
    }

    /** Scheme, host and port only: the path, query and user-info may hold secrets (a Slack webhook's path does). */
    @Override
    public String toString() {
        return "GuardedUrl[" + uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "]";
    }
}
