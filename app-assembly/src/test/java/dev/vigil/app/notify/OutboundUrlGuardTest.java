package dev.vigil.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.spi.settings.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbound URL guard of health.md §8: creation-time checks, start-time resolution, allow-list, pinning. */
class OutboundUrlGuardTest {

    private static final OutboundUrlGuard GUARD = new OutboundUrlGuard(true, List.of(), host -> {
        throw new UnknownHostException(host);
    });

    private static String urlFor(String host) {
        return host.contains(":") ? "https://[" + host + "]:8443/hook" : "https://" + host + "/hook";
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A guard whose resolver answers {@code addresses} for every host. */
    private static OutboundUrlGuard resolvingTo(List<String> allowlist, String... addresses) {
        return new OutboundUrlGuard(true, allowlist, host -> {
            InetAddress[] out = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                out[i] = InetAddress.getByAddress(host, ip(addresses[i]).getAddress());
            }
            return out;
        });
    }

    // First and last address of every blocked range (health.md §8), as literals in URLs and as DNS answers.
    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0",
                "0.255.255.255",
                "10.0.0.0",
                "10.255.255.255",
                "100.64.0.0",
                "100.127.255.255",
                "127.0.0.0",
                "127.0.0.2",
                "127.255.255.255",
                "169.254.0.0",
                "169.254.169.254",
                "169.254.255.255",
                "172.16.0.0",
                "172.31.255.255",
                "192.0.0.0",
                "192.0.0.255",
                "192.168.0.0",
                "192.168.255.255",
                "198.18.0.0",
                "198.19.255.255",
                "224.0.0.0",
                "239.255.255.255",
                "240.0.0.0",
                "255.255.255.255",
                "::",
                "0:0:0:0:0:0:0:1",
                "fc00::",
                "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                "fe80::",
                "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                "ff00::",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                "64:ff9b::",
                "64:ff9b::ffff:ffff",
                "2002::",
                "2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                "2001::",
                "2001:0:ffff:ffff:ffff:ffff:ffff:ffff",
                "::ffff:10.0.0.1",
                "::ffff:7f00:1",
                "::ffff:169.254.169.254",
                "::ffff:0.0.0.0"
            })
    void everyBlockedRangeIsRefusedAsLiteralAndAsResolvedAddress(String address) {
        IllegalArgumentException literal =
                assertThrows(IllegalArgumentException.class, () -> GUARD.check(urlFor(address.toUpperCase())));
        assertEquals("url host '" + address + "' is in a blocked range", literal.getMessage());

        OutboundUrlGuard guard = resolvingTo(List.of(), address);
        GuardedUrl url = guard.check("https://svc.example.com/hook");
        IllegalStateException resolved = assertThrows(IllegalStateException.class, () -> guard.pin(url));
        assertEquals(
                "host 'svc.example.com' resolves to blocked address "
                        + ip(address).getHostAddress(),
                resolved.getMessage());
    }

    // The neighbours just outside each range, and ordinary public addresses, pass.
    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.0.0.0",
                "9.255.255.255",
                "11.0.0.0",
                "100.63.255.255",
                "100.128.0.0",
                "126.255.255.255",
                "128.0.0.0",
                "169.253.255.255",
                "169.255.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "191.255.255.255",
                "192.0.1.0",
                "192.167.255.255",
                "192.169.0.0",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255",
                "8.8.8.8",
                "::2",
                "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                "fe00::",
                "fec0::",
                "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                "64:ff9b::1:0:0",
                "2003::",
                "2001:1::",
                "2001:db8::1",
                "2606:4700:4700::1111",
                "::ffff:8.8.8.8"
            })
    void addressesOutsideTheRangesPass(String address) {
        GuardedUrl url = GUARD.check(urlFor(address));
        assertEquals(address, url.host());

        OutboundUrlGuard guard = resolvingTo(List.of(), address);
        PinnedAddress pin = guard.pin(guard.check("https://svc.example.com/")).orElseThrow();
        assertEquals(ip(address), pin.address());
        assertEquals("svc.example.com", pin.host());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ftp://example.com/x | url scheme must be http or https, got 'ftp'",
                "file:///etc/passwd | url scheme must be http or https, got 'file'",
                "example.com/hook | url scheme must be http or https, got ''",
                "http:///no-host | url must have a host",
                "https://LOCALHOST/hook | url host 'localhost' is not allowed",
                "https://localhost./hook | url host 'localhost' is not allowed",
                "http://127.0.0.1:8080/hook | url host '127.0.0.1' is not allowed",
                "http://[::1]:8080/hook | url host '::1' is not allowed",
                "http://10.1.2.3/hook | url host '10.1.2.3' is in a blocked range",
                // java.net.URI reads a dotted quad with a trailing dot as no host at all: refused either way.
                "http://10.1.2.3./hook | url must have a host",
                "http://[FE80::1]/hook | url host 'fe80::1' is in a blocked range",
                "http://exa mple.com/hook | url is not a valid URI"
            })
    void creationChecksFailWithTheSpecMessages(String url, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GUARD.check(url));
        assertEquals(message, e.getMessage());
    }

    @Test
    void hostIsNormalisedAndSchemeIsCaseInsensitive() {
        GuardedUrl url = GUARD.check("  HTTPS://Hooks.Example.COM./a/b?c=d  ");
        assertEquals("hooks.example.com", url.host());
        assertEquals("/a/b", url.uri().getPath());
    }

    @Test
    void allowListedHostSkipsTheRangeChecksButIsStillResolvedAndPinned() {
        OutboundUrlGuard guard = resolvingTo(List.of(" Internal.Example.com ", "10.9.8.7"), "10.0.0.7", "10.0.0.8");
        PinnedAddress pin =
                guard.pin(guard.check("https://internal.example.com/hook")).orElseThrow();
        assertEquals(ip("10.0.0.7"), pin.address(), "pinned to the first address");

        // An allow-listed literal passes creation too.
        assertEquals("10.9.8.7", guard.check("http://10.9.8.7/x").host());
        // A host not on the list is still checked.
        GuardedUrl other = guard.check("https://other.example.com/hook");
        assertThrows(IllegalStateException.class, () -> guard.pin(other));
    }

    @Test
    void theFixedLoopbackNamesAreRefusedEvenWhenListed() {
        OutboundUrlGuard guard = resolvingTo(List.of("localhost", "127.0.0.1"), "127.0.0.1");
        assertEquals(
                "url host 'localhost' is not allowed",
                assertThrows(IllegalArgumentException.class, () -> guard.check("http://localhost/"))
                        .getMessage());
        assertEquals(
                "url host '127.0.0.1' is not allowed",
                assertThrows(IllegalArgumentException.class, () -> guard.check("http://127.0.0.1/"))
                        .getMessage());
    }

    @Test
    void everyResolvedAddressIsChecked() {
        OutboundUrlGuard guard = resolvingTo(List.of(), "93.184.216.34", "192.168.1.10");
        GuardedUrl url = guard.check("https://mixed.example.com/");
        assertEquals(
                "host 'mixed.example.com' resolves to blocked address 192.168.1.10",
                assertThrows(IllegalStateException.class, () -> guard.pin(url)).getMessage());
    }

    @Test
    void resolvedIpv4MappedIpv6AddressIsCheckedAsIpv4() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 10;
        mapped[15] = 1;
        // Inet6Address.getByAddress keeps the IPv6 form, as a hostile resolver could return it.
        InetAddress v6 = java.net.Inet6Address.getByAddress("evil.example.com", mapped, null);
        OutboundUrlGuard guard = new OutboundUrlGuard(true, List.of(), host -> new InetAddress[] {v6});
        GuardedUrl url = guard.check("https://evil.example.com/");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> guard.pin(url));
        assertTrue(e.getMessage().startsWith("host 'evil.example.com' resolves to blocked address "), e.getMessage());
    }

    @Test
    void failsClosedWhenTheHostDoesNotResolveEvenIfListed() {
        for (List<String> allowlist : List.of(List.<String>of(), List.of("nowhere.example.com"))) {
            OutboundUrlGuard throwing = new OutboundUrlGuard(true, allowlist, host -> {
                throw new UnknownHostException(host);
            });
            OutboundUrlGuard empty = new OutboundUrlGuard(true, allowlist, host -> new InetAddress[0]);
            OutboundUrlGuard failing = new OutboundUrlGuard(true, allowlist, host -> {
                throw new SecurityException("no lookups");
            });
            for (OutboundUrlGuard guard : List.of(throwing, empty, failing)) {
                GuardedUrl url = guard.check("https://nowhere.example.com/");
                assertEquals(
                        "host 'nowhere.example.com' did not resolve",
                        assertThrows(IllegalStateException.class, () -> guard.pin(url))
                                .getMessage());
            }
        }
    }

    @Test
    void switchedOffGuardChecksNothingAndPinsNothing() {
        AtomicInteger lookups = new AtomicInteger();
        OutboundUrlGuard off = new OutboundUrlGuard(false, List.of(), host -> {
            lookups.incrementAndGet();
            throw new UnknownHostException(host);
        });
        assertEquals(Optional.empty(), off.pin(off.check("http://127.0.0.1:9/x")));
        assertEquals(Optional.empty(), off.pin(off.check("http://localhost/x")));
        assertEquals(Optional.empty(), off.pin(off.check("http://10.0.0.1/x")));
        assertEquals(0, lookups.get());
        assertFalse(off.enabled());
        // An URL nothing could request is still refused.
        assertThrows(IllegalArgumentException.class, () -> off.check("gopher://example.com/"));
    }

    @Test
    void settingsConfigureTheGuard() {
        OutboundUrlGuard byDefault = OutboundUrlGuard.fromSettings(Settings.defaults());
        assertTrue(byDefault.enabled(), "on by default");
        assertThrows(IllegalArgumentException.class, () -> byDefault.check("http://10.0.0.1/"));

        Settings listed = Settings.defaults().with(AssemblySettings.HOSTNAME_ALLOWLIST, " a.example.com , 10.0.0.1 ,");
        assertEquals(
                "10.0.0.1",
                OutboundUrlGuard.fromSettings(listed).check("http://10.0.0.1/").host());

        Settings off = Settings.defaults().with(AssemblySettings.URL_VALIDATION_ENABLED, false);
        assertFalse(OutboundUrlGuard.fromSettings(off).enabled());
    }

    @Test
    void userInfoIsTakenOutOfTheUrlAndNeverShown() {
        GuardedUrl url = GUARD.check("https://alice:s3cr%40t@hooks.example.com:8443/T0/B0/xyzSECRET?x=%20y");
        assertEquals(
                "https://hooks.example.com:8443/T0/B0/xyzSECRET?x=%20y",
                url.uri().toString());
        assertEquals(Optional.of("alice:s3cr@t"), url.userInfo());
        assertEquals("GuardedUrl[https://hooks.example.com:8443]", url.toString());
    }
}
