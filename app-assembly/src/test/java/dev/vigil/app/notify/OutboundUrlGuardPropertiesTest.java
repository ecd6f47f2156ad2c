package dev.vigil.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile input for the URL guard: every IPv4 address against an independent range table, and garbage URLs. */
class OutboundUrlGuardPropertiesTest {

    /** health.md §8's IPv4 ranges as (network, prefix length), checked with integer masks. */
    private static final long[][] IPV4_RANGES = {
        {0x00000000L, 8}, {0x0A000000L, 8}, {0x64400000L, 10}, {0x7F000000L, 8}, {0xA9FE0000L, 16},
        {0xAC100000L, 12}, {0xC0000000L, 24}, {0xC0A80000L, 16}, {0xC6120000L, 15}, {0xE0000000L, 4},
        {0xF0000000L, 4}
    };

    private static boolean referenceBlocked(long ip) {
        for (long[] range : IPV4_RANGES) {
            long mask = (0xFFFFFFFFL << (32 - range[1])) & 0xFFFFFFFFL;
            if ((ip & mask) == range[0]) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(long ip) {
        return new byte[] {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
    }

    @Property(tries = 2000)
    void ipv4AndItsMappedFormAgreeWithTheReferenceTable(@ForAll("ipv4") long ip) throws UnknownHostException {
        boolean expected = referenceBlocked(ip);
        assertEquals(expected, BlockedRanges.isBlocked(InetAddress.getByAddress(bytes(ip))));
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(bytes(ip), 0, mapped, 12, 4);
        assertEquals(expected, BlockedRanges.isBlocked(java.net.Inet6Address.getByAddress(null, mapped, null)));
    }

    @Provide
    Arbitrary<Long> ipv4() {
        // Uniform over the whole space, plus the edges of every range where off-by-one errors live.
        Arbitrary<Long> edges = Arbitraries.of(List.of(IPV4_RANGES)).flatMap(range -> {
            long size = 1L << (32 - range[1]);
            return Arbitraries.of(range[0] - 1, range[0], range[0] + size - 1, range[0] + size)
                    .map(v -> v & 0xFFFFFFFFL);
        });
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 0xFFFFFFFFL), edges);
    }

    @Property(tries = 1000)
    void anyTextEitherPassesOrFailsWithAMessageThatDoesNotEchoIt(@ForAll("urls") String text) {
        OutboundUrlGuard guard = new OutboundUrlGuard(true, List.of(), host -> {
            throw new UnknownHostException(host);
        });
        try {
            GuardedUrl url = guard.check(text);
            assertNotNull(url.host());
            assertFalse(url.host().isEmpty());
            assertFalse(url.toString().contains("secret"), url.toString());
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> schemes = Arbitraries.of("http", "https", "HTTP", "ftp", "", "javascript");
        Arbitrary<String> hosts = Arbitraries.oneOf(
                Arbitraries.of(
                        "example.com", "[::1]", "10.0.0.1", "[::ffff:10.0.0.1]", "localhost.", "[fe80::1%25eth0]"),
                Arbitraries.strings().ofMaxLength(20));
        Arbitrary<String> tails = Arbitraries.strings().ofMaxLength(30);
        return net.jqwik.api.Combinators.combine(schemes, hosts, tails)
                .as((scheme, host, tail) -> scheme + "://user:secret@" + host + "/path-secret" + tail);
    }
}
