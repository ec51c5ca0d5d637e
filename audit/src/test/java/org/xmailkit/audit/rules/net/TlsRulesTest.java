package org.xmailkit.audit.rules.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.NetAudit;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.probe.Observed;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.audit.probe.TlsFacts;
import org.xmailkit.audit.probe.Upgrade;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.audit.testing.TestPki;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** NET-002 and NET-013..NET-024: handshakes, versions, suites and the certificate served. */
class TlsRulesTest {

    @TempDir
    Path tmp;

    private static final Upgrade DROPPED = new Upgrade(
            Upgrade.Status.FAILED, "STARTTLS", "220 Ready to start TLS", "Remote host terminated the handshake");

    private MailRoot root(String cert, String key) {
        MailRootFixture f = MailRootFixture.in(tmp.resolve("r" + System.nanoTime()))
                .serverTab("\"RootDomain\"\t\"mail.example.test\"\n");
        if (cert != null) {
            f.file("server.cert", cert);
        }
        if (key != null) {
            f.file("server.key", key);
        }
        return f.open();
    }

    @Test
    void ready220ThenResetIsAFailedHandshakeAndTheMissingCertificateIsNamed() {
        Observed o = Observed.host()
                .with(Observed.smtp()
                        .startTls(DROPPED)
                        .tls(Optional.of(Observed.failing(false, "Remote host terminated the handshake")))
                        .build())
                .with(Observed.smtp(Service.SMTPS, 465)
                        .tls(Optional.of(Observed.failing(true, "Connection reset")))
                        .build());
        NetAudit without = RuleCheck.probe(o.probe());
        assertEquals(
                List.of(
                        "smtp 127.0.0.1:25: STARTTLS was answered \"220 Ready to start TLS\", then the handshake "
                                + "failed (Remote host terminated the handshake).",
                        "smtps 127.0.0.1:465: every TLS handshake fails (Connection reset); no client can use this port "
                                + "(close it with -X- if it is not wanted)."),
                RuleCheck.netMessages(without, "NET-002"));

        MailRoot noCert = root(null, null);
        NetAudit with = RuleCheck.probe(o.probe(), Optional.of(noCert));
        List<NetFinding> f = RuleCheck.net(with, "NET-002");
        assertTrue(f.get(0).message(Locale.ENGLISH).endsWith(": the MailRoot has no server.cert."));
        assertEquals(noCert.directory(), f.get(0).cause().orElseThrow().file());
        assertTrue(f.get(0).evidence().contains("server.cert: missing"));
    }

    @Test
    void aKeyUnder2048BitsIsNamedAsTheCauseOfTheFailingHandshake() {
        TestPki.Issued weak =
                TestPki.cert("mail.example.test").key(TestPki.rsa("weak", 1024)).issue();
        MailRoot root = root(TestPki.pem(weak.cert()), TestPki.traditional(weak.key()));
        NetAudit a = RuleCheck.probe(
                Observed.host()
                        .with(Observed.smtp()
                                .startTls(DROPPED)
                                .tls(Optional.of(Observed.failing(false, "Remote host terminated the handshake")))
                                .build())
                        .probe(),
                Optional.of(root));
        NetFinding f = RuleCheck.net(a, "NET-002").get(0);
        assertTrue(
                f.message(Locale.ENGLISH)
                        .contains("server.cert has a key of RSA 1024 bits, which OpenSSL 1.1 and " + "later refuse"),
                f.message(Locale.ENGLISH));
        assertTrue(f.cause().orElseThrow().file().endsWith("server.cert"));
    }

    @Test
    void legacyVersionsAndWeakAndInsecureSuitesAreGroupedAcrossPorts() {
        TlsFacts legacy = Observed.tls(
                List.of(
                        Observed.refused("TLSv1.3"),
                        Observed.refused("TLSv1.2"),
                        Observed.accepted("TLSv1.1"),
                        Observed.accepted("TLSv1"),
                        Observed.accepted("SSLv3")),
                List.of(
                        Observed.suite("TLSv1", "TLS_RSA_WITH_AES_128_CBC_SHA"),
                        Observed.suite("TLSv1", "SSL_RSA_WITH_3DES_EDE_CBC_SHA"),
                        Observed.suite("TLSv1", "SSL_RSA_WITH_RC4_128_SHA")));
        NetAudit a = RuleCheck.probe(Observed.host()
                .with(Observed.smtp().tls(Optional.of(legacy)).build())
                .with(Observed.pop3(
                        new Upgrade(Upgrade.Status.ESTABLISHED, "STLS", "+OK", "TLSv1.1"), Optional.of(legacy)))
                .probe());
        assertEquals(
                List.of("smtp 127.0.0.1:25, pop3 127.0.0.1:110: SSLv3 is accepted."),
                RuleCheck.netMessages(a, "NET-013"));
        assertEquals(
                List.of("smtp 127.0.0.1:25, pop3 127.0.0.1:110: TLSv1.1, TLSv1 accepted."),
                RuleCheck.netMessages(a, "NET-014"));
        assertEquals(
                List.of("smtp 127.0.0.1:25, pop3 127.0.0.1:110: neither TLS 1.2 nor TLS 1.3 is accepted; only "
                        + "TLSv1.1, TLSv1, SSLv3."),
                RuleCheck.netMessages(a, "NET-015"));
        assertEquals(
                List.of("smtp 127.0.0.1:25, pop3 127.0.0.1:110: 1 insecure suites accepted: "
                        + "SSL_RSA_WITH_RC4_128_SHA."),
                RuleCheck.netMessages(a, "NET-016"));
        assertEquals(
                List.of("smtp 127.0.0.1:25, pop3 127.0.0.1:110: 2 weak suites accepted: "
                        + "TLS_RSA_WITH_AES_128_CBC_SHA, SSL_RSA_WITH_3DES_EDE_CBC_SHA."),
                RuleCheck.netMessages(a, "NET-017"));

        NetAudit modern =
                RuleCheck.probe(Observed.host().with(Observed.smtp().build()).probe());
        for (String id : List.of("NET-002", "NET-013", "NET-014", "NET-015", "NET-016", "NET-017")) {
            assertTrue(RuleCheck.net(modern, id).isEmpty(), id);
        }
    }

    @Test
    void anExpiredSelfSignedWeakCertificateWithOtherNamesIsOneFindingPerRuleForEveryPortServingIt() {
        TestPki.Issued old = TestPki.cert("other.example.test")
                .key(TestPki.rsa("old", 1024))
                .signature("SHA1withRSA")
                .validFor(TestPki.NOW.minus(Duration.ofDays(800)), Duration.ofDays(365))
                .issue();
        TlsFacts served = Observed.tls(List.of(old.cert()));
        NetAudit a = RuleCheck.probe(Observed.host()
                .named("mail.example.test")
                .with(Observed.smtp().tls(Optional.of(served)).build())
                .with(Observed.smtp(Service.SMTPS, 465).tls(Optional.of(served)).build())
                .probe());
        assertEquals(1, RuleCheck.net(a, "NET-018").size());
        assertTrue(
                RuleCheck.netMessages(a, "NET-018")
                        .get(0)
                        .startsWith("smtp mail.example.test:25, smtps "
                                + "mail.example.test:465: the certificate served expired on 2024-"),
                RuleCheck.netMessages(a, "NET-018").toString());
        assertEquals(
                List.of("smtp mail.example.test:25, smtps mail.example.test:465: the certificate served does "
                        + "not cover mail.example.test (it names other.example.test)."),
                RuleCheck.netMessages(a, "NET-020"));
        assertEquals(1, RuleCheck.net(a, "NET-021").size());
        assertTrue(RuleCheck.netMessages(a, "NET-022").get(0).endsWith("is signed with SHA1withRSA."));
        assertEquals(1, RuleCheck.net(a, "NET-024").size());
        assertTrue(RuleCheck.net(a, "NET-023").isEmpty(), "a self-signed certificate is its own chain");
    }

    @Test
    void aValidCaIssuedCertificateWithTheRightNamesRaisesNothingButAMissingIntermediateDoes() {
        TestPki.Chain chain = TestPki.chain("mail.example.test");
        NetAudit full = RuleCheck.probe(Observed.host()
                .named("mail.example.test")
                .with(Observed.smtp()
                        .tls(Optional.of(Observed.tls(List.of(
                                chain.leaf().cert(), chain.intermediate().cert()))))
                        .build())
                .probe());
        for (String id : List.of("NET-018", "NET-019", "NET-020", "NET-021", "NET-022", "NET-024")) {
            assertTrue(RuleCheck.net(full, id).isEmpty(), id + " " + RuleCheck.netMessages(full, id));
        }
        // the root is not a runtime root here, so the chain sent in full still ends at an unknown root
        NetAudit cut = RuleCheck.probe(Observed.host()
                .with(Observed.smtp()
                        .tls(Optional.of(Observed.tls(List.of(chain.leaf().cert()))))
                        .build())
                .probe());
        assertTrue(
                RuleCheck.netMessages(cut, "NET-023")
                        .get(0)
                        .contains("stops at a certificate issued by "
                                + chain.intermediate()
                                        .cert()
                                        .getSubjectX500Principal()
                                        .getName()),
                RuleCheck.netMessages(cut, "NET-023").toString());
    }

    @Test
    void aCertificateExpiringWithinTheWarningThresholdIsReported() {
        TestPki.Issued soon = TestPki.cert("mail.example.test")
                .validFor(TestPki.NOW.minus(Duration.ofDays(300)), Duration.ofDays(320))
                .issue();
        NetAudit a = RuleCheck.probe(Observed.host()
                .with(Observed.smtp()
                        .tls(Optional.of(Observed.tls(List.of(soon.cert()))))
                        .build())
                .probe());
        assertTrue(
                RuleCheck.netMessages(a, "NET-019").get(0).contains("in 20 days (threshold 60 days)"),
                RuleCheck.netMessages(a, "NET-019").toString());
    }

    @Test
    void theGreetingsDomainMustBeCoveredEvenWhenTheProbeUsedAnAddress() {
        TestPki.Issued wrong = TestPki.cert("www.example.test").issue();
        NetAudit a = RuleCheck.probe(Observed.host()
                .with(Observed.smtp()
                        .tls(Optional.of(Observed.tls(List.of(wrong.cert()))))
                        .build())
                .probe());
        assertEquals(
                List.of("smtp 127.0.0.1:25: the certificate served does not cover mail.example.test (it names "
                        + "www.example.test)."),
                RuleCheck.netMessages(a, "NET-020"));
    }
}
