package org.xmailkit.audit.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressFilterTest {

    private static AddressFilter.Reading read(String... tokens) {
        return AddressFilter.read(List.of(tokens), tokens.length);
    }

    @Test
    void cidrRuleMatchesItsNetworkOnly() {
        AddressFilter f = AddressFilter.of("10.0.0.0/8");
        assertTrue(f.matches(IpAddress.of("10.255.1.2")));
        assertFalse(f.matches(IpAddress.of("11.0.0.1")));
        assertEquals(24, f.ipv4FreeBits());
    }

    @Test
    void legacyRuleUsesTheMaskByteForByte() {
        AddressFilter f = AddressFilter.of("192.168.0.0\t255.255.0.0");
        assertEquals(AddressFilter.Form.LEGACY, f.form());
        assertTrue(f.matches(IpAddress.of("192.168.44.3")));
        assertFalse(f.matches(IpAddress.of("192.169.0.1")));
    }

    @Test
    void nonContiguousLegacyMaskComparesOnlyItsBits() {
        AddressFilter f = AddressFilter.of("10.0.0.5\t255.0.0.255");
        assertTrue(f.matches(IpAddress.of("10.77.88.5")));
        assertFalse(f.matches(IpAddress.of("10.77.88.6")));
        assertEquals("10.0.0.5 255.0.0.255", f.display());
        assertEquals(16, f.ipv4FreeBits());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0/0",
                "10.0.0.0/",
                "10.0.0.0/abc",
                "10.0.0.0/-8",
                "0.0.0.0\t0.0.0.0",
                "10.0.0.0\t0",
                "::/0"
            })
    void readsTheFormsThatMatchEveryIpv4Client(String text) {
        AddressFilter f = AddressFilter.of(text);
        assertTrue(f.matchesEveryIpv4(), text);
        assertTrue(f.matches(IpAddress.of("203.0.113.9")), text);
    }

    @Test
    void bitsWithTrailingJunkAreReadLikeAtoi() {
        AddressFilter f = AddressFilter.of("10.0.0.0/8x");
        assertEquals(24, f.ipv4FreeBits());
    }

    @Test
    void legacyMaskTenIsTheAddressZeroZeroZeroTen() {
        // getaddrinfo("10") gives 0.0.0.10, so only two low bits of the last byte are compared.
        AddressFilter f = AddressFilter.of("10.0.0.0\t10");
        assertEquals(30, f.ipv4FreeBits());
        assertTrue(f.matches(IpAddress.of("203.0.113.4")));
    }

    @Test
    void ipv4RuleMatchesMappedIpv6PeersButNotNativeOnes() {
        AddressFilter f = AddressFilter.of("192.0.2.0/24");
        assertTrue(f.matches(IpAddress.of("::ffff:192.0.2.9")));
        assertFalse(f.matches(IpAddress.of("2001:db8::1")));
        assertFalse(AddressFilter.of("0.0.0.0/0").matches(IpAddress.of("2001:db8::1")));
    }

    @Test
    void ipv6RuleMatchesIpv4PeersOnlyWhenItIsItselfIpv4Mapped() {
        AddressFilter mapped = AddressFilter.of("::ffff:10.0.0.0/104");
        assertTrue(mapped.matches(IpAddress.of("10.9.9.9")));
        assertFalse(mapped.matches(IpAddress.of("11.0.0.1")));
        AddressFilter nativeRule = AddressFilter.of("2001:db8::/0");
        assertFalse(nativeRule.matches(IpAddress.of("10.9.9.9")));
        assertTrue(nativeRule.matchesEveryIpv6());
        assertFalse(nativeRule.matchesEveryIpv4());
    }

    @Test
    void bareAddressIsNotARuleWhereOnlyOneTokenIsPassed() {
        AddressFilter.Reading r = AddressFilter.read(List.of("127.0.0.1", "EnableVRFY=1"), 1);
        assertEquals(new AddressFilter.Invalid(AddressFilter.Why.BARE_ADDRESS), r);
        assertEquals(new AddressFilter.Invalid(AddressFilter.Why.BARE_ADDRESS), read("127.0.0.1"));
    }

    @Test
    void hostNamesAreReportedAsDnsDependent() {
        assertEquals(new AddressFilter.HostName("relay.example.com"), read("relay.example.com/32"));
        assertEquals(new AddressFilter.HostName("gw.example.com"), read("gw.example.com", "255.255.255.255"));
    }

    @Test
    void unreadableAddressesAreSkipped() {
        assertInstanceOf(AddressFilter.Invalid.class, read("/8"));
        assertInstanceOf(AddressFilter.Invalid.class, read("*", "0.0.0.0"));
        assertInstanceOf(AddressFilter.Invalid.class, read("2001:db8::", "ffff::"));
        assertEquals(new AddressFilter.Invalid(AddressFilter.Why.BAD_MASK), read("10.0.0.0", "255.255.0.0.0"));
    }

    @Test
    void knowsWhetherARuleStaysInsideANetwork() {
        IpAddress ten = IpAddress.of("10.0.0.0");
        assertTrue(AddressFilter.of("10.1.0.0/16").ipv4Within(ten, 8));
        assertTrue(AddressFilter.of("10.0.0.0/8").ipv4Within(ten, 8));
        assertFalse(AddressFilter.of("10.0.0.0/7").ipv4Within(ten, 8));
        assertFalse(AddressFilter.of("10.0.0.5\t0.0.0.255").ipv4Within(ten, 8));
        assertTrue(AddressFilter.of("::ffff:10.2.0.0/112").ipv4Within(ten, 8));
    }

    @Property
    void cidrRuleMatchesExactlyTheAddressesSharingItsPrefix(
            @ForAll int network, @ForAll int peer, @ForAll @IntRange(min = 0, max = 32) int bits) {
        AddressFilter f = AddressFilter.of(quad(network) + "/" + bits);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        boolean expected = ((network & 0xFFFFFFFFL) & mask) == ((peer & 0xFFFFFFFFL) & mask);
        assertEquals(expected, f.matches(IpAddress.of(quad(peer))));
        assertEquals(32 - bits, f.ipv4FreeBits());
    }

    private static String quad(int v) {
        return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }
}
