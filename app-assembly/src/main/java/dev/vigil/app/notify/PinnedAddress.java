package dev.vigil.app.notify;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The address a sink connects to for its whole lifetime (health.md §8, DNS pinning).
 *
 * @param host the normalised host name, still used for the Host header, SNI and certificate checks
 * @param address the first address the host resolved to when the sink started
 */
public record PinnedAddress(String host, InetAddress address) {

    public PinnedAddress {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
    }
}
