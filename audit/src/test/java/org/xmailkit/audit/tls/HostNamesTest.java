package org.xmailkit.audit.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostNamesTest {

    @Test
    void exactNamesMatchCaseInsensitivelyIgnoringTrailingDot() {
        assertTrue(HostNames.matches("Mail.Example.COM", "mail.example.com."));
        assertFalse(HostNames.matches("mail.example.com", "mail.example.org"));
        assertFalse(HostNames.matches("", "mail.example.com"));
    }

    @Test
    void wildcardCoversExactlyOneLeftMostLabel() {
        assertTrue(HostNames.matches("*.example.com", "mail.example.com"));
        assertFalse(HostNames.matches("*.example.com", "example.com"));
        assertFalse(HostNames.matches("*.example.com", "a.mail.example.com"));
        assertFalse(HostNames.matches("mail.*.com", "mail.example.com"));
        assertFalse(HostNames.matches("m*.example.com", "mail.example.com"));
        assertFalse(HostNames.matches("*.com", "example.com"));
        assertFalse(HostNames.matches("*.*.example.com", "a.b.example.com"));
    }

    @Test
    void ipLiteralsCompareAsAddresses() {
        assertTrue(HostNames.isIpLiteral("192.0.2.1"));
        assertTrue(HostNames.isIpLiteral("2001:db8::1"));
        assertFalse(HostNames.isIpLiteral("mail.example.com"));
        assertTrue(HostNames.sameIp("2001:db8::1", "2001:0db8:0:0:0:0:0:1"));
        assertFalse(HostNames.sameIp("192.0.2.1", "192.0.2.2"));
        assertFalse(HostNames.sameIp("192.0.2.1", "host"));
    }
}
