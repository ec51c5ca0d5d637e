package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.audit.testing.TestPki;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** TLS-001..006 and TLS-012..015: server.tab switches. */
class TlsSettingRulesTest {

    @TempDir
    Path tmp;

    private MailRoot root(String serverTab) {
        return MailRootFixture.in(tmp.resolve("r" + System.nanoTime()))
                .serverTab(serverTab)
                .open();
    }

    private MailRoot rootWith(String serverTab, String file, String content) {
        return MailRootFixture.in(tmp.resolve("r" + System.nanoTime()))
                .serverTab(serverTab)
                .file(file, content)
                .open();
    }

    // ------------------------------------------------------------------ TLS-001..003

    @Test
    void smtpStartTlsOffIsReportedWithItsLine() {
        List<Finding> f = RuleCheck.findings(new SmtpStartTlsDisabled(), root("""
                "RootDomain"\t"example.com"
                "EnableSMTP-TLS"\t"0"
                """), RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-001.off"), RuleCheck.keys(f));
        assertEquals(2, f.get(0).location().line());
        assertEquals("EnableSMTP-TLS", f.get(0).location().variable());
        assertTrue(f.get(0).evidence().get(0).contains("EnableSMTP-TLS"));
    }

    @Test
    void emptyFlagIsReadAsZeroAndTheMessageSaysSo() {
        List<Finding> f = RuleCheck.findings(
                new SmtpStartTlsDisabled(), root("\"EnableSMTP-TLS\"\t\"\"\n"), RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-001.empty"), RuleCheck.keys(f));
        assertTrue(f.get(0).message(Locale.ENGLISH).contains("reads as 0"));
        assertTrue(f.get(0).message(Locale.JAPANESE).contains("0 と読み"));
        assertEquals(
                List.of("msg.TLS-001.readAsZero"),
                RuleCheck.keys(RuleCheck.findings(
                        new SmtpStartTlsDisabled(),
                        root("\"EnableSMTP-TLS\"\t\"yes\"\n"),
                        RuleCheck.certificateOptions())));
    }

    @Test
    void smtpStartTlsOnOrAbsentIsNotReported() {
        assertTrue(RuleCheck.findings(
                        new SmtpStartTlsDisabled(),
                        root("\"RootDomain\"\t\"example.com\"\n"),
                        RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(
                        new SmtpStartTlsDisabled(), root("\"EnableSMTP-TLS\"\t\"1\"\n"), RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void pop3AndCtrlSwitchesAreReportedSeparately() {
        MailRoot r = root("""
                "EnablePOP3-TLS"\t""
                "EnableCTRL-TLS"\t"0"
                "EnableSMTP-TLS"\t"1"
                """);
        assertEquals(
                List.of("msg.TLS-002.empty"),
                RuleCheck.keys(RuleCheck.findings(new Pop3StlsDisabled(), r, RuleCheck.certificateOptions())));
        assertEquals(
                List.of("msg.TLS-003.off"),
                RuleCheck.keys(RuleCheck.findings(new CtrlTlsDisabled(), r, RuleCheck.certificateOptions())));
        assertTrue(RuleCheck.findings(new SmtpStartTlsDisabled(), r, RuleCheck.certificateOptions())
                .isEmpty());
        MailRoot on = root("\"EnablePOP3-TLS\"\t\"1\"\n");
        assertTrue(RuleCheck.findings(new Pop3StlsDisabled(), on, RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(new CtrlTlsDisabled(), on, RuleCheck.certificateOptions())
                .isEmpty());
    }

    // ------------------------------------------------------------------ TLS-004

    @Test
    void tlsOnByDefaultWithoutCertificateIsReported() {
        List<Finding> f = RuleCheck.findings(
                new TlsWithoutCertificate(), root("\"RootDomain\"\t\"example.com\"\n"), RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-004.inbound"), RuleCheck.keys(f));
        assertEquals(
                List.of("server.cert, server.key", "EnableSMTP-TLS, EnablePOP3-TLS, EnableCTRL-TLS"),
                f.get(0).message().args());
    }

    @Test
    void missingKeyAloneIsNamed() {
        List<Finding> f = RuleCheck.findings(
                new TlsWithoutCertificate(),
                rootWith("\"EnablePOP3-TLS\"\t\"0\"\n\"EnableCTRL-TLS\"\t\"0\"\n", "server.cert", "x"),
                RuleCheck.certificateOptions());
        assertEquals(List.of("server.key", "EnableSMTP-TLS"), f.get(0).message().args());
    }

    @Test
    void outboundTlsWithoutCertificateIsReportedEvenWhenInboundIsOff() {
        MailRoot r = MailRootFixture.in(tmp.resolve("out"))
                .serverTab("""
                "EnableSMTP-TLS"\t"0"
                "EnablePOP3-TLS"\t"0"
                "EnableCTRL-TLS"\t"0"
                "SmtpGwConfig"\t"NeedTLS=1"
                """)
                .file("smtpfwd.tab", "\"*.example.org\"\t\"relay.example.org:25\"\t\"NeedTLS=2\"\n")
                .file("pop3links.tab", "\"example.com\"\t\"u\"\t\"pop.example.net:995\"\t\"r\"\t\"0a0b\"\t\"POP3S\"\n")
                .open();
        List<Finding> f = RuleCheck.findings(new TlsWithoutCertificate(), r, RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-004.outbound"), RuleCheck.keys(f));
        String where = f.get(0).message().arg(1);
        assertTrue(
                where.contains("SmtpGwConfig") && where.contains("smtpfwd.tab:1") && where.contains("pop3links.tab:1"),
                where);
        // The pop3links line carries a password: never quoted.
        assertTrue(f.get(0).evidence().stream().noneMatch(e -> e.contains("0a0b")));
    }

    @Test
    void tlsWithCertificateAndKeyOrAllOffIsNotReported() {
        MailRoot both = MailRootFixture.in(tmp.resolve("both"))
                .serverTab("\"RootDomain\"\t\"x\"\n")
                .file("server.cert", "c")
                .file("server.key", "k")
                .open();
        assertTrue(RuleCheck.findings(new TlsWithoutCertificate(), both, RuleCheck.certificateOptions())
                .isEmpty());
        MailRoot off = root("""
                "EnableSMTP-TLS"\t"0"
                "EnablePOP3-TLS"\t"0"
                "EnableCTRL-TLS"\t"0"
                """);
        assertTrue(RuleCheck.findings(new TlsWithoutCertificate(), off, RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void bareServerTabMakesCertificateRulesNotApplicable() throws Exception {
        Path tab = tmp.resolve("server.tab");
        Files.writeString(tab, "\"RootDomain\"\t\"example.com\"\n");
        MailRoot bare = MailRoot.open(tab);
        assertEquals(
                RuleOutcome.Status.NOT_APPLICABLE,
                RuleCheck.outcome(new TlsWithoutCertificate(), bare, RuleCheck.certificateOptions()));
        assertEquals(
                RuleOutcome.Status.NOT_APPLICABLE,
                RuleCheck.outcome(new CertificateExpired(), bare, RuleCheck.certificateOptions()));
        assertEquals(
                RuleOutcome.Status.FAILED,
                RuleCheck.outcome(new CleartextAuthAllowed(), bare, RuleCheck.certificateOptions()));
    }

    // ------------------------------------------------------------------ TLS-005 / 006

    @Test
    void absentSmtpNoTlsAuthsAllowsEverythingInClear() {
        List<Finding> f = RuleCheck.findings(
                new CleartextAuthAllowed(), root("\"RootDomain\"\t\"example.com\"\n"), RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-005.absent"), RuleCheck.keys(f));
        assertEquals("SmtpNoTLSAuths", f.get(0).location().variable());
        assertEquals(0, f.get(0).location().line());
    }

    @Test
    void firstListedCleartextMechanismIsReported() {
        List<Finding> f = RuleCheck.findings(
                new CleartextAuthAllowed(),
                root("\"SmtpNoTLSAuths\"\t\"plain,CRAM-MD5\"\n"),
                RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-005.cleartextMechanism"), RuleCheck.keys(f));
        assertEquals("PLAIN", f.get(0).message().args().get(0));
        // StrLimIStr finds PLAIN where a search starts again after a failed match (seen on the real 1.27).
        assertEquals(
                List.of("msg.TLS-005.cleartextMechanism"),
                RuleCheck.keys(RuleCheck.findings(
                        new CleartextAuthAllowed(),
                        root("\"SmtpNoTLSAuths\"\t\"PLAINPLAIN\"\n"),
                        RuleCheck.certificateOptions())));
    }

    @Test
    void emptyOrSafeFirstMechanismIsNotReported() {
        assertTrue(RuleCheck.findings(
                        new CleartextAuthAllowed(), root("\"SmtpNoTLSAuths\"\t\"\"\n"), RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(
                        new CleartextAuthAllowed(),
                        root("\"SmtpNoTLSAuths\"\t\"CRAM-MD5\"\n"),
                        RuleCheck.certificateOptions())
                .isEmpty());
        // LOGIN second in the list is not honoured by 1.27, so it is not a clear-text hole.
        assertTrue(RuleCheck.findings(
                        new CleartextAuthAllowed(),
                        root("\"SmtpNoTLSAuths\"\t\"CRAM-MD5,LOGIN\"\n"),
                        RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void onlyTheFirstListedMechanismIsHonoured() {
        List<Finding> f = RuleCheck.findings(
                new NoTlsAuthsFirstOnly(),
                root("\"SmtpNoTLSAuths\"\t\"LOGIN,PLAIN\"\n"),
                RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-006.firstOnly"), RuleCheck.keys(f));
        assertEquals(
                List.of("LOGIN,PLAIN", "LOGIN", "PLAIN"), f.get(0).message().args());
        assertEquals(
                List.of("msg.TLS-006.none"),
                RuleCheck.keys(RuleCheck.findings(
                        new NoTlsAuthsFirstOnly(),
                        root("\"SmtpNoTLSAuths\"\t\",LOGIN\"\n"),
                        RuleCheck.certificateOptions())));
    }

    @Test
    void singleMechanismOrAbsentIsNotReportedAsList() {
        assertTrue(RuleCheck.findings(
                        new NoTlsAuthsFirstOnly(),
                        root("\"SmtpNoTLSAuths\"\t\"LOGIN\"\n"),
                        RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(
                        new NoTlsAuthsFirstOnly(), root("\"RootDomain\"\t\"x\"\n"), RuleCheck.certificateOptions())
                .isEmpty());
    }

    // ------------------------------------------------------------------ TLS-012..015

    @Test
    void clientCertificateRequirementIsReported() {
        assertEquals(
                List.of("msg.TLS-012.on"),
                RuleCheck.keys(RuleCheck.findings(
                        new ClientCertificateRequired(),
                        root("\"SSLWantCert\"\t\"1\"\n"),
                        RuleCheck.certificateOptions())));
        assertTrue(RuleCheck.findings(
                        new ClientCertificateRequired(),
                        root("\"SSLWantCert\"\t\"0\"\n"),
                        RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(
                        new ClientCertificateRequired(),
                        root("\"RootDomain\"\t\"x\"\n"),
                        RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void verificationIsReportedWhetherSetDirectlyOrImplied() {
        assertEquals(
                List.of("msg.TLS-013.verify"),
                RuleCheck.keys(RuleCheck.findings(
                        new CertificateVerificationOn(),
                        root("\"SSLWantVerify\"\t\"1\"\n"),
                        RuleCheck.certificateOptions())));
        assertEquals(
                List.of("msg.TLS-013.implied"),
                RuleCheck.keys(RuleCheck.findings(
                        new CertificateVerificationOn(),
                        root("\"SSLWantCert\"\t\"1\"\n"),
                        RuleCheck.certificateOptions())));
        assertTrue(RuleCheck.findings(
                        new CertificateVerificationOn(),
                        root("\"SSLWantVerify\"\t\"0\"\n"),
                        RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void verificationWithoutCaStoreNamesTheCause() {
        assertEquals(
                List.of("msg.TLS-014.none"),
                RuleCheck.keys(RuleCheck.findings(
                        new VerificationWithoutCaStore(),
                        root("\"SSLWantVerify\"\t\"1\"\n"),
                        RuleCheck.certificateOptions())));
        assertEquals(
                List.of("msg.TLS-014.fileMissing"),
                RuleCheck.keys(RuleCheck.findings(
                        new VerificationWithoutCaStore(),
                        root("\"SSLWantVerify\"\t\"1\"\n\"SSLUseCertsFile\"\t\"1\"\n"),
                        RuleCheck.certificateOptions())));
        assertEquals(
                List.of("msg.TLS-014.dirMissing"),
                RuleCheck.keys(RuleCheck.findings(
                        new VerificationWithoutCaStore(),
                        root("\"SSLWantVerify\"\t\"1\"\n\"SSLUseCertsDir\"\t\"1\"\n"),
                        RuleCheck.certificateOptions())));
        assertEquals(
                List.of("msg.TLS-014.fileUnused"),
                RuleCheck.keys(RuleCheck.findings(
                        new VerificationWithoutCaStore(),
                        rootWith("\"SSLWantVerify\"\t\"1\"\n", "certs.pem", "x"),
                        RuleCheck.certificateOptions())));
        assertEquals(
                List.of("msg.TLS-014.dirUnused"),
                RuleCheck.keys(RuleCheck.findings(
                        new VerificationWithoutCaStore(),
                        rootWith("\"SSLWantVerify\"\t\"1\"\n", "certs/ca.pem", "x"),
                        RuleCheck.certificateOptions())));
        assertEquals(
                List.of("msg.TLS-014.fileEmpty"),
                RuleCheck.keys(RuleCheck.findings(
                        new VerificationWithoutCaStore(),
                        rootWith("\"SSLWantVerify\"\t\"1\"\n\"SSLUseCertsFile\"\t\"1\"\n", "certs.pem", "no certs"),
                        RuleCheck.certificateOptions())));
        assertEquals(
                List.of("msg.TLS-014.dirNoHashes"),
                RuleCheck.keys(RuleCheck.findings(
                        new VerificationWithoutCaStore(),
                        rootWith("\"SSLWantCert\"\t\"1\"\n\"SSLUseCertsDir\"\t\"1\"\n", "certs/ca.pem", "x"),
                        RuleCheck.certificateOptions())));
    }

    @Test
    void verificationWithACaStoreOrNoVerificationIsNotReported() {
        assertTrue(RuleCheck.findings(
                        new VerificationWithoutCaStore(),
                        rootWith("\"SSLWantVerify\"\t\"1\"\n\"SSLUseCertsDir\"\t\"1\"\n", "certs/1a2b3c4d.0", "x"),
                        RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(
                        new VerificationWithoutCaStore(),
                        rootWith("\"SSLUseCertsFile\"\t\"1\"\n", "certs.pem", "x"),
                        RuleCheck.certificateOptions())
                .isEmpty());
        String ca = TestPki.pem(TestPki.cert("Test CA").ca(true).dns().issue().cert());
        assertTrue(RuleCheck.findings(
                        new VerificationWithoutCaStore(),
                        rootWith("\"SSLWantVerify\"\t\"1\"\n\"SSLUseCertsFile\"\t\"1\"\n", "certs.pem", ca),
                        RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void selfSignedPeersMatterOnlyWithVerification() {
        assertEquals(
                List.of("msg.TLS-015.on"),
                RuleCheck.keys(RuleCheck.findings(
                        new SelfSignedPeersAllowed(),
                        root("\"SSLAllowSelfSigned\"\t\"1\"\n\"SSLWantVerify\"\t\"1\"\n"),
                        RuleCheck.certificateOptions())));
        assertTrue(RuleCheck.findings(
                        new SelfSignedPeersAllowed(),
                        root("\"SSLAllowSelfSigned\"\t\"1\"\n"),
                        RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(
                        new SelfSignedPeersAllowed(),
                        root("\"SSLAllowSelfSigned\"\t\"0\"\n\"SSLWantVerify\"\t\"1\"\n"),
                        RuleCheck.certificateOptions())
                .isEmpty());
    }
}
