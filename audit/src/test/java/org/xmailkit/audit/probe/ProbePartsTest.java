package org.xmailkit.audit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.PathGlob;

/** The small readers of the probe: suite strength, banners, replies, EHLO keywords, endpoint names. */
class ProbePartsTest {

    @Test
    void suitesAreGradedAfterRfc9325() {
        assertEquals(Strength.STRONG, Strength.of("TLS_AES_128_GCM_SHA256"));
        assertEquals(Strength.STRONG, Strength.of("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));
        assertEquals(Strength.ACCEPTABLE, Strength.of("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
        assertEquals(Strength.WEAK, Strength.of("TLS_RSA_WITH_AES_256_GCM_SHA384"), "no forward secrecy");
        assertEquals(Strength.WEAK, Strength.of("TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"), "64-bit blocks");
        for (String s : List.of(
                "SSL_RSA_WITH_RC4_128_SHA",
                "TLS_RSA_WITH_NULL_SHA256",
                "TLS_DH_anon_WITH_AES_128_CBC_SHA",
                "SSL_RSA_EXPORT_WITH_DES40_CBC_SHA",
                "SSL_RSA_WITH_DES_CBC_SHA",
                "SSL_RSA_WITH_NULL_MD5")) {
            assertEquals(Strength.INSECURE, Strength.of(s), s);
        }
    }

    @Test
    void bannersGiveTheSoftwareAndVersionWhenTheyNameThem() {
        assertEquals("XMail 1.27", Software.of("220 x.test <1.2@x.test> [XMail 1.27 ESMTP Server] service ready"));
        assertEquals("XMail 1.27", Software.of("+00000 <1.2@127.0.0.1> XMail 1.27 CTRL Server; Sat, 6 Dec 2025"));
        assertEquals("Exim 4.96", Software.of("220 mx.example ESMTP Exim 4.96 Sat, 06 Dec 2025"));
        assertEquals("", Software.of("220 mx.example ESMTP ready <1765.1234@127.0.0.1>"));
    }

    @Test
    void repliesAndEhloKeywords() {
        Reply ehlo =
                Reply.of("250-x.test", "250-VRFY", "250-AUTH LOGIN PLAIN", "250-AUTH=LOGIN CRAM-MD5", "250 STARTTLS");
        assertEquals(250, ehlo.code());
        assertTrue(ehlo.positive());
        List<String> ext = EndpointProber.extensions(ehlo);
        assertEquals(List.of("VRFY", "AUTH LOGIN PLAIN", "AUTH=LOGIN CRAM-MD5", "STARTTLS"), ext);
        assertEquals(List.of("LOGIN", "PLAIN", "CRAM-MD5"), EndpointProber.auth(ext));
        assertEquals(0, Reply.of("２５０ fullwidth digits").code());
        assertEquals(0, Reply.none("gone").code());
        assertEquals("(gone)", Reply.none("gone").text());
        assertEquals("xmailkit-probe.invalid", EndpointProber.announced("220 [127.0.0.1] ready"));
        assertEquals("x.test", EndpointProber.announced("220 X.test ESMTP"));
    }

    @Test
    void endpointsAreNamedForWaiversAndOutputs() {
        Endpoint v6 = new Endpoint("::1", 25, Service.SMTP);
        assertEquals("[::1]:25", v6.display());
        assertEquals("smtp [::1]:25", v6.label());
        assertTrue(new PathGlob("*:25").matches(v6.display()));
        assertTrue(new PathGlob("[::1]:*").matches(v6.display()));
        assertFalse(new PathGlob("127.0.0.1:*").matches(v6.display()));
        assertEquals(Service.CTRLS, Service.byId("CTRLS").orElseThrow());
        assertEquals("-W-", Service.CTRLS.offOption());
        assertEquals(587, Service.SUBMISSION.standardPort());
    }
}
