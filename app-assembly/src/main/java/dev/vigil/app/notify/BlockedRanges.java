package dev.vigil.app.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** The address ranges the outbound URL guard refuses (health.md §8), matched by CIDR prefix. */
final class BlockedRanges {

    private record Cidr(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int fullBytes = bits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int restBits = bits % 8;
            if (restBits == 0) {
                return true;
            }
            int mask = (0xFF << (8 - restBits)) & 0xFF;
            return (address[fullBytes] & mask) == (prefix[fullBytes] & mask);
        }
    }

    /** The ranges exactly as health.md §8 lists them, IPv4 first. */
    static final List<String> RANGES = List.of(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "224.0.0.0/4",
            "240.0.0.0/4",
            "::/128",
            "::1/128",
            "fc00::/7",
            "fe80::/10",
            "ff00::/8",
            "64:ff9b::/96",
            "2002::/16",
            "2001::/32");

    private static final List<Cidr> CIDRS =
            RANGES.stream().map(BlockedRanges::parse).toList();

    private BlockedRanges() {}

    /** True when {@code address} (an IPv4-mapped IPv6 address checked as its IPv4 address) is in a blocked range. */
    static boolean isBlocked(InetAddress address) {
        byte[] bytes = unwrapMapped(address).getAddress();
        for (Cidr cidr : CIDRS) {
            if (cidr.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:0:0/96); any other address unchanged. */
    static InetAddress unwrapMapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            boolean mapped = bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = bytes[i] == 0;
            }
            if (mapped) {
                try {
                    return Inet4Address.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("4 bytes always form an IPv4 address", e);
                }
            }
        }
        return address;
    }

    private static Cidr parse(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            // Literals only: getByName does no lookup for them.
            byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            if (cidr.contains(":") && prefix.length == 4) {
                throw new IllegalStateException("IPv6 range parsed as IPv4: " + cidr);
            }
            return new Cidr(prefix, Integer.parseInt(cidr.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad built-in range " + cidr, e);
        }
    }
}
