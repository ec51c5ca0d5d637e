package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.Waivers;
import org.xmailkit.audit.rules.TlsRules;
import org.xmailkit.audit.testing.TestPki;
import org.xmailkit.audit.testing.TestPki.Chain;
import org.xmailkit.audit.testing.TestPki.Issued;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.testing.MailRootFixture;

/** TLS-016..027: server.cert and server.key. */
class CertificateRulesTest {

    private static final Instant NOW = TestPki.NOW;

    @TempDir
    Path tmp;

    private MailRoot root(String serverTab, String cert, String key) {
        return root(serverTab, cert, key, null);
    }

    private MailRoot root(String serverTab, String cert, String key, String certsPem) {
        MailRootFixture f = MailRootFixture.in(tmp.resolve("r" + System.nanoTime())).serverTab(serverTab);
        if (cert != null) {
            f.file("server.cert", cert);
        }
        if (key != null) {
            f.file("server.key", key);
        }
        if (certsPem != null) {
            f.file("certs.pem", certsPem);
        }
        return f.open();
    }

    /**
     * A well-formed MailRoot: leaf + intermediate in server.cert, the root in certs.pem, names matching, the key
     * readable by its owner only (where the file system has POSIX permissions).
     */
    private MailRoot good(Chain ch) {
        MailRoot r = root("\"SmtpServerDomain\"\t\"" + ch.leaf().cert().getSubjectX500Principal().getName().substring(3)
                        + "\"\n",
                TestPki.pem(ch.leaf().cert(), ch.intermediate().cert()), TestPki.pkcs8(ch.leaf().key().getPrivate()),
                TestPki.pem(ch.root().cert()));
        Path key = r.directory().resolve("server.key");
        try {
            if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return r;
    }

    private MailRoot single(Issued leaf) {
        return root("\"RootDomain\"\t\"example.com\"\n", TestPki.pem(leaf.cert()),
                TestPki.pkcs8(leaf.key().getPrivate()));
    }

    private static AuditOptions days(int warn, int critical) {
        return new AuditOptions(Profile.STRICT, XMailVersion.V1_27, Optional.of(XMailVersion.V1_27), Optional.empty(),
                warn, critical, Waivers.NONE, TestPki.clock());
    }

    @Test
    void aWellFormedChainPassesEveryCertificateRule() {
        MailRoot r = good(TestPki.chain("mail.example.com"));
        List<Finding> all = new Auditor(TlsRules.ALL.subList(15, 27)).audit(r, Run.options()).findings();
        assertTrue(all.isEmpty(), all.toString());
    }

    // ------------------------------------------------------------------ TLS-016..018

    @Test
    void expiredAndNotYetValidCertificatesAreReported() {
        Issued old = TestPki.cert("old.example.com").valid(NOW.minus(Duration.ofDays(300)), NOW.minus(Duration.ofDays(5)))
                .issue();
        List<Finding> f = Run.findings(new CertificateExpired(), single(old));
        assertEquals(List.of("TLS-016.expired"), Run.keys(f));
        assertEquals("5", f.get(0).message().args().get(2));
        assertTrue(f.get(0).message(Locale.ENGLISH).contains("CN=old.example.com"));
        Issued future = TestPki.cert("future.example.com").valid(NOW.plus(Duration.ofDays(2)),
                NOW.plus(Duration.ofDays(90))).issue();
        assertEquals(List.of("TLS-016.notYetValid"), Run.keys(Run.findings(new CertificateExpired(), single(future))));
    }

    @Test
    void validCertificateIsNotExpired() {
        assertTrue(Run.findings(new CertificateExpired(), single(TestPki.cert("ok.example.com").issue())).isEmpty());
    }

    @Test
    void expiryThresholdsSplitUrgentFromWarning() {
        MailRoot in10 = single(TestPki.cert("ten.example.com").valid(NOW.minus(Duration.ofDays(80)),
                NOW.plus(Duration.ofDays(10))).issue());
        MailRoot in45 = single(TestPki.cert("fortyfive.example.com").valid(NOW.minus(Duration.ofDays(80)),
                NOW.plus(Duration.ofDays(45))).issue());
        MailRoot in100 = single(TestPki.cert("hundred.example.com").valid(NOW.minus(Duration.ofDays(80)),
                NOW.plus(Duration.ofDays(100))).issue());
        List<Finding> urgent = Run.findings(new CertificateExpiresSoon(), in10);
        assertEquals(List.of("TLS-017.soon"), Run.keys(urgent));
        assertEquals(List.of("10", "30"), urgent.get(0).message().args().subList(2, 4));
        assertTrue(Run.findings(new CertificateExpiresSoon(), in45).isEmpty());
        assertTrue(Run.findings(new CertificateExpiresWithinWarning(), in10).isEmpty());
        assertEquals(List.of("TLS-018.warn"), Run.keys(Run.findings(new CertificateExpiresWithinWarning(), in45)));
        assertTrue(Run.findings(new CertificateExpiresWithinWarning(), in100).isEmpty());
        assertTrue(Run.findings(new CertificateExpiresSoon(), in100).isEmpty());
        // Thresholds come from the options.
        assertTrue(Run.findings(new CertificateExpiresSoon(), in10, days(60, 5)).isEmpty());
        assertEquals(List.of("TLS-018.warn"),
                Run.keys(Run.findings(new CertificateExpiresWithinWarning(), in10, days(60, 5))));
        assertEquals(List.of("TLS-018.warn"),
                Run.keys(Run.findings(new CertificateExpiresWithinWarning(), in100, days(120, 30))));
    }

    @Test
    void expiredCertificateIsNotAlsoExpiringSoon() {
        MailRoot r = single(TestPki.cert("gone.example.com").valid(NOW.minus(Duration.ofDays(90)),
                NOW.minus(Duration.ofDays(1))).issue());
        assertTrue(Run.findings(new CertificateExpiresSoon(), r).isEmpty());
        assertTrue(Run.findings(new CertificateExpiresWithinWarning(), r).isEmpty());
    }

    // ------------------------------------------------------------------ TLS-019 / 020

    @Test
    void weakLeafKeysAreReportedWithTheUpgradeOutage() {
        Issued rsa1024 = TestPki.cert("weak.example.com").key(TestPki.rsa("weak", 1024)).issue();
        List<Finding> f = Run.findings(new WeakKey(), single(rsa1024));
        assertEquals(List.of("TLS-019.leaf"), Run.keys(f));
        assertEquals(List.of("#1 CN=weak.example.com", "RSA 1024 bits", "2048"), f.get(0).message().args());
        assertTrue(f.get(0).message(Locale.ENGLISH).contains("security level 2"));
        KeyPair p192 = TestPki.ec("p192", "secp192r1");
        Issued ec = TestPki.cert("ec.example.com").key(p192).issue();
        List<Finding> e = Run.findings(new WeakKey(), root("\"RootDomain\"\t\"x\"\n", TestPki.pem(ec.cert()), null));
        assertEquals("224", e.get(0).message().args().get(2));
    }

    @Test
    void weakChainKeyIsReportedButStrongKeysAreNot() {
        Chain ch = TestPki.chain("mail.example.com");
        Issued weakCa = TestPki.cert("Weak CA").key(TestPki.rsa("weak", 1024)).ca(true).dns().issuer(ch.root())
                .issue();
        Issued leaf = TestPki.cert("w.example.com").issuer(weakCa).issue();
        List<Finding> f = Run.findings(new WeakKey(),
                root("\"RootDomain\"\t\"x\"\n", TestPki.pem(leaf.cert(), weakCa.cert()), null));
        assertEquals(List.of("TLS-019.chain"), Run.keys(f));
        assertTrue(Run.findings(new WeakKey(), good(ch)).isEmpty());
    }

    @Test
    void sha1SignedCertificateIsReportedUnlessSelfSigned() {
        Chain ch = TestPki.chain("sha1.example.com");
        Issued leaf = TestPki.cert("sha1.example.com").issuer(ch.intermediate()).signature("SHA1withRSA").issue();
        List<Finding> f = Run.findings(new WeakSignature(),
                root("\"RootDomain\"\t\"x\"\n", TestPki.pem(leaf.cert(), ch.intermediate().cert()), null));
        assertEquals(List.of("TLS-020.weak"), Run.keys(f));
        assertEquals("SHA1withRSA", f.get(0).message().args().get(1));
        Issued selfSha1 = TestPki.cert("self.example.com").signature("SHA1withRSA").issue();
        assertTrue(Run.findings(new WeakSignature(), single(selfSha1)).isEmpty());
        assertTrue(Run.findings(new WeakSignature(), good(ch)).isEmpty());
    }

    // ------------------------------------------------------------------ TLS-021 / 022 / 023

    @Test
    void keyThatDoesNotMatchIsReported() {
        Chain ch = TestPki.chain("mismatch.example.com");
        List<Finding> none = Run.findings(new KeyCertificateMismatch(), root("\"RootDomain\"\t\"x\"\n",
                TestPki.pem(ch.leaf().cert()), TestPki.pkcs8(ch.root().key().getPrivate())));
        assertEquals(List.of("TLS-021.none"), Run.keys(none));
        assertTrue(none.get(0).location().file().endsWith("server.key"));
        List<Finding> other = Run.findings(new KeyCertificateMismatch(), root("\"RootDomain\"\t\"x\"\n",
                TestPki.pem(ch.intermediate().cert(), ch.leaf().cert()), TestPki.pkcs8(ch.leaf().key().getPrivate())));
        assertEquals(List.of("TLS-021.other"), Run.keys(other));
        assertEquals("#2 CN=mismatch.example.com", other.get(0).message().args().get(2));
        assertTrue(Run.findings(new KeyCertificateMismatch(), good(ch)).isEmpty());
    }

    @Test
    void incompleteOrMisorderedChainIsReported() {
        Chain ch = TestPki.chain("chain.example.com");
        List<Finding> f = Run.findings(new ChainOrder(), root("\"RootDomain\"\t\"x\"\n",
                TestPki.pem(ch.leaf().cert()), TestPki.pkcs8(ch.leaf().key().getPrivate())));
        assertEquals(List.of("TLS-022.incomplete"), Run.keys(f));
        assertEquals("CN=Test Intermediate chain.example.com", f.get(0).message().args().get(1));
        List<Finding> order = Run.findings(new ChainOrder(), root("\"RootDomain\"\t\"x\"\n",
                TestPki.pem(ch.intermediate().cert(), ch.leaf().cert()), TestPki.pkcs8(ch.leaf().key().getPrivate()),
                TestPki.pem(ch.root().cert())));
        assertTrue(Run.keys(order).contains("TLS-022.leafNotFirst"), Run.keys(order).toString());
        assertTrue(Run.findings(new ChainOrder(), good(ch)).isEmpty());
    }

    @Test
    void certificateEvidenceKeepsItsPublicKeyThroughTheSecretsMask() {
        List<Finding> f = Run.findings(new SelfSignedCertificate(), single(TestPki.cert("self.example.com").issue()));
        String evidence = String.join("\n", f.get(0).evidence());
        assertTrue(evidence.contains("public key RSA"), evidence);
        assertEquals(evidence, Secrets.forms(evidence));
    }

    @Test
    void selfSignedServerCertificateIsReported() {
        List<Finding> f = Run.findings(new SelfSignedCertificate(), single(TestPki.cert("self.example.com").issue()));
        assertEquals(List.of("TLS-023.leaf"), Run.keys(f));
        assertTrue(Run.findings(new SelfSignedCertificate(), good(TestPki.chain("ca.example.com"))).isEmpty());
    }

    // ------------------------------------------------------------------ TLS-024

    @Test
    void namesNotCoveredAreReportedPerVariable() {
        Issued wildcard = TestPki.cert("mail.example.com").dns("*.example.com").issue();
        MailRoot r = root("""
                "SmtpServerDomain"\t"mail.example.com"
                "POP3Domain"\t"example.com"
                "HeloDomain"\t"smtp.other.example"
                """, TestPki.pem(wildcard.cert()), TestPki.pkcs8(wildcard.key().getPrivate()));
        List<Finding> f = Run.findings(new CertificateNames(), r);
        assertEquals(List.of("TLS-024.uncovered", "TLS-024.uncovered"), Run.keys(f));
        assertEquals(List.of("POP3Domain", "HeloDomain"),
                f.stream().map(x -> x.location().variable()).toList());
        assertEquals("*.example.com", f.get(0).message().args().get(2));
        assertEquals(2, f.get(0).location().line());
    }

    @Test
    void certificateWithoutAnyNameIsSaidSo() {
        Issued nameless = TestPki.cert("ignored").subject("O=Example").dns().issue();
        List<Finding> f = Run.findings(new CertificateNames(), root("\"SmtpServerDomain\"\t\"mail.example.com\"\n",
                TestPki.pem(nameless.cert()), null));
        assertEquals(List.of("TLS-024.noNames"), Run.keys(f));
    }

    @Test
    void coveredOrUnsetNamesAreNotReported() {
        Issued cert = TestPki.cert("mail.example.com").dns("mail.example.com", "example.com").issue();
        MailRoot r = root("""
                "SmtpServerDomain"\t"MAIL.example.com"
                "POP3Domain"\t"example.com"
                "HeloDomain"\t""
                """, TestPki.pem(cert.cert()), null);
        assertTrue(Run.findings(new CertificateNames(), r).isEmpty());
    }

    // ------------------------------------------------------------------ TLS-025 / 026 / 027

    @Test
    void longLifetimeIsReported() {
        Issued ten = TestPki.cert("ten.example.com").validFor(NOW.minus(Duration.ofDays(10)), Duration.ofDays(3650))
                .issue();
        List<Finding> f = Run.findings(new CertificateLifetime(), single(ten));
        assertEquals(List.of("TLS-025.long"), Run.keys(f));
        assertEquals("3650", f.get(0).message().args().get(1));
        Issued ok = TestPki.cert("ok.example.com").validFor(NOW.minus(Duration.ofDays(10)), Duration.ofDays(398))
                .issue();
        assertTrue(Run.findings(new CertificateLifetime(), single(ok)).isEmpty());
    }

    @Test
    void keyReadableByOthersIsReportedOnPosixAndNotJudgedElsewhere() throws Exception {
        Issued leaf = TestPki.cert("perm.example.com").issue();
        MailRoot open = single(leaf);
        Path key = open.directory().resolve("server.key");
        if (!key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertTrue(Run.findings(new KeyFileReadable(), open).isEmpty(), "Windows ACLs are not judged");
            return;
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        List<Finding> f = Run.findings(new KeyFileReadable(), MailRoot.open(open.directory()));
        assertEquals(List.of("TLS-026.others"), Run.keys(f));
        assertEquals("rw-r--r--", f.get(0).message().args().get(0));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertTrue(Run.findings(new KeyFileReadable(), MailRoot.open(open.directory())).isEmpty());
    }

    @Test
    void unloadableMaterialIsReported() throws Exception {
        KeyPair k = TestPki.rsa("leaf");
        Issued leaf = TestPki.cert("load.example.com").key(k).issue();
        List<Finding> enc = Run.findings(new TlsMaterialUnusable(), root("\"RootDomain\"\t\"x\"\n",
                TestPki.pem(leaf.cert()), TestPki.encryptedPkcs8(k.getPrivate(), "pw".toCharArray())));
        assertEquals(List.of("TLS-027.key.encrypted"), Run.keys(enc));
        MailRootFixture der = MailRootFixture.in(tmp.resolve("der")).serverTab("\"RootDomain\"\t\"x\"\n")
                .bytes("server.cert", leaf.cert().getEncoded()).file("server.key", "nothing here\n");
        assertEquals(List.of("TLS-027.cert.der", "TLS-027.key.empty"),
                Run.keys(Run.findings(new TlsMaterialUnusable(), der.open())));
        assertTrue(Run.findings(new TlsMaterialUnusable(), single(leaf)).isEmpty());
        assertTrue(Run.findings(new TlsMaterialUnusable(), root("\"RootDomain\"\t\"x\"\n", null, null)).isEmpty());
    }

    @Test
    void textDumpBeforeThePemBlockIsRead() {
        Issued leaf = TestPki.cert("dump.example.com").valid(NOW.minus(Duration.ofDays(300)),
                NOW.minus(Duration.ofDays(1))).issue();
        String dump = "Certificate:\n    Data:\n        Version: 3 (0x2)\n";
        MailRoot r = root("\"RootDomain\"\t\"x\"\n", dump + TestPki.pem(leaf.cert()),
                TestPki.pkcs8(leaf.key().getPrivate()));
        assertTrue(Run.findings(new TlsMaterialUnusable(), r).isEmpty());
        assertEquals(List.of("TLS-016.expired"), Run.keys(Run.findings(new CertificateExpired(), r)));
    }

    // ------------------------------------------------------------------ secrets

    @Test
    void noFindingEverShowsPrivateKeyMaterial() {
        KeyPair weak = TestPki.rsa("weak", 1024);
        Chain ch = TestPki.chain("secret.example.com");
        String keyPem = TestPki.traditional(weak);
        // A weak, mismatching, world-readable key next to a short chain with wrong names: many rules fire.
        MailRoot r = root("""
                "SmtpServerDomain"\t"other.example.org"
                "SSLWantVerify"\t"1"
                """, TestPki.pem(ch.leaf().cert()), keyPem);
        List<String> texts = new ArrayList<>();
        List<Finding> findings = new Auditor(TlsRules.ALL).audit(r, Run.options()).findings();
        assertTrue(findings.size() >= 4, findings.toString());
        for (Finding f : findings) {
            for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                texts.add(f.message(l));
            }
            texts.addAll(f.evidence());
            texts.add(f.toString());
        }
        String all = String.join("\n", texts);
        String body = keyPem.replaceAll("-----[^-]+-----", "").replaceAll("\\s", "");
        for (int i = 0; i + 16 <= body.length(); i += 8) {
            assertFalse(all.contains(body.substring(i, i + 16)), "key text leaked");
        }
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) weak.getPrivate();
        for (java.math.BigInteger secret : List.of(priv.getPrivateExponent(), priv.getPrimeP(), priv.getPrimeQ())) {
            assertFalse(all.contains(secret.toString()));
            assertFalse(all.toLowerCase(Locale.ROOT).contains(secret.toString(16)));
        }
        assertFalse(all.contains("PRIVATE KEY-----"));
    }
}
