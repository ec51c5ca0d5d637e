package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.testing.TestPki;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** TLS-001..006 and TLS-012..015: server.tab switches. */
class TlsSettingRulesTest {

    @TempDir
    Path tmp;

    private MailRoot root(String serverTab) {
        return MailRootFixture.in(tmp.resolve("r" + System.nanoTime())).serverTab(serverTab).open();
    }

    private MailRoot rootWith(String serverTab, String file, String content) {
        return MailRootFixture.in(tmp.resolve("r" + System.nanoTime())).serverTab(serverTab).file(file, content)
                .open();
    }

    // ------------------------------------------------------------------ TLS-001..003

    @Test
    void smtpStartTlsOffIsReportedWithItsLine() {
        List<Finding> f = Run.findings(new SmtpStartTlsDisabled(), root("""
                "RootDomain"\t"example.com"
                "EnableSMTP-TLS"\t"0"
                """));
        assertEquals(List.of("TLS-001.off"), Run.keys(f));
        assertEquals(2, f.get(0).location().line());
        assertEquals("EnableSMTP-TLS", f.get(0).location().variable());
        assertTrue(f.get(0).evidence().get(0).contains("EnableSMTP-TLS"));
    }

    @Test
    void emptyFlagIsReadAsZeroAndTheMessageSaysSo() {
        List<Finding> f = Run.findings(new SmtpStartTlsDisabled(), root("\"EnableSMTP-TLS\"\t\"\"\n"));
        assertEquals(List.of("TLS-001.empty"), Run.keys(f));
        assertTrue(f.get(0).message(Locale.ENGLISH).contains("reads as 0"));
        assertTrue(f.get(0).message(Locale.JAPANESE).contains("0 と読み"));
        assertEquals(List.of("TLS-001.readAsZero"),
                Run.keys(Run.findings(new SmtpStartTlsDisabled(), root("\"EnableSMTP-TLS\"\t\"yes\"\n"))));
    }

    @Test
    void smtpStartTlsOnOrAbsentIsNotReported() {
        assertTrue(Run.findings(new SmtpStartTlsDisabled(), root("\"RootDomain\"\t\"example.com\"\n")).isEmpty());
        assertTrue(Run.findings(new SmtpStartTlsDisabled(), root("\"EnableSMTP-TLS\"\t\"1\"\n")).isEmpty());
    }

    @Test
    void pop3AndCtrlSwitchesAreReportedSeparately() {
        MailRoot r = root("""
                "EnablePOP3-TLS"\t""
                "EnableCTRL-TLS"\t"0"
                "EnableSMTP-TLS"\t"1"
                """);
        assertEquals(List.of("TLS-002.empty"), Run.keys(Run.findings(new Pop3StlsDisabled(), r)));
        assertEquals(List.of("TLS-003.off"), Run.keys(Run.findings(new CtrlTlsDisabled(), r)));
        assertTrue(Run.findings(new SmtpStartTlsDisabled(), r).isEmpty());
        MailRoot on = root("\"EnablePOP3-TLS\"\t\"1\"\n");
        assertTrue(Run.findings(new Pop3StlsDisabled(), on).isEmpty());
        assertTrue(Run.findings(new CtrlTlsDisabled(), on).isEmpty());
    }

    // ------------------------------------------------------------------ TLS-004

    @Test
    void tlsOnByDefaultWithoutCertificateIsReported() {
        List<Finding> f = Run.findings(new TlsWithoutCertificate(), root("\"RootDomain\"\t\"example.com\"\n"));
        assertEquals(List.of("TLS-004.inbound"), Run.keys(f));
        assertEquals(List.of("server.cert, server.key", "EnableSMTP-TLS, EnablePOP3-TLS, EnableCTRL-TLS"),
                f.get(0).message().args());
    }

    @Test
    void missingKeyAloneIsNamed() {
        List<Finding> f = Run.findings(new TlsWithoutCertificate(),
                rootWith("\"EnablePOP3-TLS\"\t\"0\"\n\"EnableCTRL-TLS\"\t\"0\"\n", "server.cert", "x"));
        assertEquals(List.of("server.key", "EnableSMTP-TLS"), f.get(0).message().args());
    }

    @Test
    void outboundTlsWithoutCertificateIsReportedEvenWhenInboundIsOff() {
        MailRoot r = MailRootFixture.in(tmp.resolve("out")).serverTab("""
                "EnableSMTP-TLS"\t"0"
                "EnablePOP3-TLS"\t"0"
                "EnableCTRL-TLS"\t"0"
                "SmtpGwConfig"\t"NeedTLS=1"
                """)
                .file("smtpfwd.tab", "\"*.example.org\"\t\"relay.example.org:25\"\t\"NeedTLS=2\"\n")
                .file("pop3links.tab", "\"example.com\"\t\"u\"\t\"pop.example.net:995\"\t\"r\"\t\"0a0b\"\t\"POP3S\"\n")
                .open();
        List<Finding> f = Run.findings(new TlsWithoutCertificate(), r);
        assertEquals(List.of("TLS-004.outbound"), Run.keys(f));
        String where = f.get(0).message().args().get(1);
        assertTrue(where.contains("SmtpGwConfig") && where.contains("smtpfwd.tab:1")
                && where.contains("pop3links.tab:1"), where);
        // The pop3links line carries a password: never quoted.
        assertTrue(f.get(0).evidence().stream().noneMatch(e -> e.contains("0a0b")));
    }

    @Test
    void tlsWithCertificateAndKeyOrAllOffIsNotReported() {
        MailRoot both = MailRootFixture.in(tmp.resolve("both")).serverTab("\"RootDomain\"\t\"x\"\n")
                .file("server.cert", "c").file("server.key", "k").open();
        assertTrue(Run.findings(new TlsWithoutCertificate(), both).isEmpty());
        MailRoot off = root("""
                "EnableSMTP-TLS"\t"0"
                "EnablePOP3-TLS"\t"0"
                "EnableCTRL-TLS"\t"0"
                """);
        assertTrue(Run.findings(new TlsWithoutCertificate(), off).isEmpty());
    }

    @Test
    void bareServerTabMakesCertificateRulesNotApplicable() throws Exception {
        Path tab = tmp.resolve("server.tab");
        java.nio.file.Files.writeString(tab, "\"RootDomain\"\t\"example.com\"\n");
        MailRoot bare = MailRoot.open(tab);
        assertEquals(RuleOutcome.Status.NOT_APPLICABLE, Run.status(new TlsWithoutCertificate(), bare, Run.options()));
        assertEquals(RuleOutcome.Status.NOT_APPLICABLE, Run.status(new CertificateExpired(), bare, Run.options()));
        assertEquals(RuleOutcome.Status.FAILED, Run.status(new CleartextAuthAllowed(), bare, Run.options()));
    }

    // ------------------------------------------------------------------ TLS-005 / 006

    @Test
    void absentSmtpNoTlsAuthsAllowsEverythingInClear() {
        List<Finding> f = Run.findings(new CleartextAuthAllowed(), root("\"RootDomain\"\t\"example.com\"\n"));
        assertEquals(List.of("TLS-005.absent"), Run.keys(f));
        assertEquals("SmtpNoTLSAuths", f.get(0).location().variable());
        assertEquals(0, f.get(0).location().line());
    }

    @Test
    void firstListedCleartextMechanismIsReported() {
        List<Finding> f = Run.findings(new CleartextAuthAllowed(), root("\"SmtpNoTLSAuths\"\t\"plain,CRAM-MD5\"\n"));
        assertEquals(List.of("TLS-005.cleartextMechanism"), Run.keys(f));
        assertEquals("PLAIN", f.get(0).message().args().get(0));
        // StrLimIStr finds PLAIN where a search starts again after a failed match (seen on the real 1.27).
        assertEquals(List.of("TLS-005.cleartextMechanism"),
                Run.keys(Run.findings(new CleartextAuthAllowed(), root("\"SmtpNoTLSAuths\"\t\"PLAINPLAIN\"\n"))));
    }

    @Test
    void emptyOrSafeFirstMechanismIsNotReported() {
        assertTrue(Run.findings(new CleartextAuthAllowed(), root("\"SmtpNoTLSAuths\"\t\"\"\n")).isEmpty());
        assertTrue(Run.findings(new CleartextAuthAllowed(), root("\"SmtpNoTLSAuths\"\t\"CRAM-MD5\"\n")).isEmpty());
        // LOGIN second in the list is not honoured by 1.27, so it is not a clear-text hole.
        assertTrue(Run.findings(new CleartextAuthAllowed(),
                root("\"SmtpNoTLSAuths\"\t\"CRAM-MD5,LOGIN\"\n")).isEmpty());
    }

    @Test
    void onlyTheFirstListedMechanismIsHonoured() {
        List<Finding> f = Run.findings(new NoTlsAuthsFirstOnly(), root("\"SmtpNoTLSAuths\"\t\"LOGIN,PLAIN\"\n"));
        assertEquals(List.of("TLS-006.firstOnly"), Run.keys(f));
        assertEquals(List.of("LOGIN,PLAIN", "LOGIN", "PLAIN"), f.get(0).message().args());
        assertEquals(List.of("TLS-006.none"),
                Run.keys(Run.findings(new NoTlsAuthsFirstOnly(), root("\"SmtpNoTLSAuths\"\t\",LOGIN\"\n"))));
    }

    @Test
    void singleMechanismOrAbsentIsNotReportedAsList() {
        assertTrue(Run.findings(new NoTlsAuthsFirstOnly(), root("\"SmtpNoTLSAuths\"\t\"LOGIN\"\n")).isEmpty());
        assertTrue(Run.findings(new NoTlsAuthsFirstOnly(), root("\"RootDomain\"\t\"x\"\n")).isEmpty());
    }

    // ------------------------------------------------------------------ TLS-012..015

    @Test
    void clientCertificateRequirementIsReported() {
        assertEquals(List.of("TLS-012.on"),
                Run.keys(Run.findings(new ClientCertificateRequired(), root("\"SSLWantCert\"\t\"1\"\n"))));
        assertTrue(Run.findings(new ClientCertificateRequired(), root("\"SSLWantCert\"\t\"0\"\n")).isEmpty());
        assertTrue(Run.findings(new ClientCertificateRequired(), root("\"RootDomain\"\t\"x\"\n")).isEmpty());
    }

    @Test
    void verificationIsReportedWhetherSetDirectlyOrImplied() {
        assertEquals(List.of("TLS-013.verify"),
                Run.keys(Run.findings(new CertificateVerificationOn(), root("\"SSLWantVerify\"\t\"1\"\n"))));
        assertEquals(List.of("TLS-013.implied"),
                Run.keys(Run.findings(new CertificateVerificationOn(), root("\"SSLWantCert\"\t\"1\"\n"))));
        assertTrue(Run.findings(new CertificateVerificationOn(), root("\"SSLWantVerify\"\t\"0\"\n")).isEmpty());
    }

    @Test
    void verificationWithoutCaStoreNamesTheCause() {
        assertEquals(List.of("TLS-014.none"),
                Run.keys(Run.findings(new VerificationWithoutCaStore(), root("\"SSLWantVerify\"\t\"1\"\n"))));
        assertEquals(List.of("TLS-014.fileMissing"), Run.keys(Run.findings(new VerificationWithoutCaStore(),
                root("\"SSLWantVerify\"\t\"1\"\n\"SSLUseCertsFile\"\t\"1\"\n"))));
        assertEquals(List.of("TLS-014.dirMissing"), Run.keys(Run.findings(new VerificationWithoutCaStore(),
                root("\"SSLWantVerify\"\t\"1\"\n\"SSLUseCertsDir\"\t\"1\"\n"))));
        assertEquals(List.of("TLS-014.fileUnused"), Run.keys(Run.findings(new VerificationWithoutCaStore(),
                rootWith("\"SSLWantVerify\"\t\"1\"\n", "certs.pem", "x"))));
        assertEquals(List.of("TLS-014.dirUnused"), Run.keys(Run.findings(new VerificationWithoutCaStore(),
                rootWith("\"SSLWantVerify\"\t\"1\"\n", "certs/ca.pem", "x"))));
        assertEquals(List.of("TLS-014.fileEmpty"), Run.keys(Run.findings(new VerificationWithoutCaStore(),
                rootWith("\"SSLWantVerify\"\t\"1\"\n\"SSLUseCertsFile\"\t\"1\"\n", "certs.pem", "no certs"))));
        assertEquals(List.of("TLS-014.dirNoHashes"), Run.keys(Run.findings(new VerificationWithoutCaStore(),
                rootWith("\"SSLWantCert\"\t\"1\"\n\"SSLUseCertsDir\"\t\"1\"\n", "certs/ca.pem", "x"))));
    }

    @Test
    void verificationWithACaStoreOrNoVerificationIsNotReported() {
        assertTrue(Run.findings(new VerificationWithoutCaStore(),
                rootWith("\"SSLWantVerify\"\t\"1\"\n\"SSLUseCertsDir\"\t\"1\"\n", "certs/1a2b3c4d.0", "x")).isEmpty());
        assertTrue(Run.findings(new VerificationWithoutCaStore(),
                rootWith("\"SSLUseCertsFile\"\t\"1\"\n", "certs.pem", "x")).isEmpty());
        String ca = TestPki.pem(TestPki.cert("Test CA").ca(true).dns().issue().cert());
        assertTrue(Run.findings(new VerificationWithoutCaStore(),
                rootWith("\"SSLWantVerify\"\t\"1\"\n\"SSLUseCertsFile\"\t\"1\"\n", "certs.pem", ca)).isEmpty());
    }

    @Test
    void selfSignedPeersMatterOnlyWithVerification() {
        assertEquals(List.of("TLS-015.on"), Run.keys(Run.findings(new SelfSignedPeersAllowed(),
                root("\"SSLAllowSelfSigned\"\t\"1\"\n\"SSLWantVerify\"\t\"1\"\n"))));
        assertTrue(Run.findings(new SelfSignedPeersAllowed(), root("\"SSLAllowSelfSigned\"\t\"1\"\n")).isEmpty());
        assertTrue(Run.findings(new SelfSignedPeersAllowed(),
                root("\"SSLAllowSelfSigned\"\t\"0\"\n\"SSLWantVerify\"\t\"1\"\n")).isEmpty());
    }
}
