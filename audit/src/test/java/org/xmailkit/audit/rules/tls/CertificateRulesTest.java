package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
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
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.Waivers;
import org.xmailkit.audit.rules.TlsRules;
import org.xmailkit.audit.testing.RuleCheck;
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
        MailRootFixture f =
                MailRootFixture.in(tmp.resolve("r" + System.nanoTime())).serverTab(serverTab);
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
        MailRoot r = root(
                "\"SmtpServerDomain\"\t\""
                        + ch.leaf().cert().getSubjectX500Principal().getName().substring(3) + "\"\n",
                TestPki.pem(ch.leaf().cert(), ch.intermediate().cert()),
                TestPki.pkcs8(ch.leaf().key().getPrivate()),
                TestPki.pem(ch.root().cert()));
        Path key = r.directory().resolve("server.key");
        try {
            if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    private MailRoot single(Issued leaf) {
        return root(
                "\"RootDomain\"\t\"example.com\"\n",
                TestPki.pem(leaf.cert()),
                TestPki.pkcs8(leaf.key().getPrivate()));
    }

    private static AuditOptions days(int warn, int critical) {
        return new AuditOptions(
                Profile.STRICT,
                XMailVersion.V1_27,
                Optional.of(XMailVersion.V1_27),
                Optional.empty(),
                warn,
                critical,
                Waivers.NONE,
                TestPki.clock());
    }

    @Test
    void aWellFormedChainPassesEveryCertificateRule() {
        MailRoot r = good(TestPki.chain("mail.example.com"));
        // Every certificate rule, chosen by what it is about, not by where the list happens to put it.
        List<Rule> certificateRules = TlsRules.ALL.stream()
                .filter(x -> x.info().category() == Category.CERTIFICATE)
                .toList();
        assertTrue(certificateRules.size() > 1);
        List<Finding> all = new Auditor(certificateRules)
                .audit(r, RuleCheck.certificateOptions())
                .findings();
        assertTrue(all.isEmpty(), all.toString());
    }

    // ------------------------------------------------------------------ TLS-016..018

    @Test
    void expiredAndNotYetValidCertificatesAreReported() {
        Issued old = TestPki.cert("old.example.com")
                .valid(NOW.minus(Duration.ofDays(300)), NOW.minus(Duration.ofDays(5)))
                .issue();
        List<Finding> f = RuleCheck.findings(new CertificateExpired(), single(old), RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-016.expired"), RuleCheck.keys(f));
        assertEquals("5", f.get(0).message().args().get(2));
        assertTrue(f.get(0).message(Locale.ENGLISH).contains("CN=old.example.com"));
        Issued future = TestPki.cert("future.example.com")
                .valid(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(90)))
                .issue();
        assertEquals(
                List.of("msg.TLS-016.notYetValid"),
                RuleCheck.keys(
                        RuleCheck.findings(new CertificateExpired(), single(future), RuleCheck.certificateOptions())));
    }

    @Test
    void validCertificateIsNotExpired() {
        assertTrue(RuleCheck.findings(
                        new CertificateExpired(),
                        single(TestPki.cert("ok.example.com").issue()),
                        RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void expiryThresholdsSplitUrgentFromWarning() {
        MailRoot in10 = single(TestPki.cert("ten.example.com")
                .valid(NOW.minus(Duration.ofDays(80)), NOW.plus(Duration.ofDays(10)))
                .issue());
        MailRoot in45 = single(TestPki.cert("fortyfive.example.com")
                .valid(NOW.minus(Duration.ofDays(80)), NOW.plus(Duration.ofDays(45)))
                .issue());
        MailRoot in100 = single(TestPki.cert("hundred.example.com")
                .valid(NOW.minus(Duration.ofDays(80)), NOW.plus(Duration.ofDays(100)))
                .issue());
        List<Finding> urgent = RuleCheck.findings(new CertificateExpiresSoon(), in10, RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-017.soon"), RuleCheck.keys(urgent));
        assertEquals(List.of("10", "30"), urgent.get(0).message().args().subList(2, 4));
        assertTrue(RuleCheck.findings(new CertificateExpiresSoon(), in45, RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(new CertificateExpiresWithinWarning(), in10, RuleCheck.certificateOptions())
                .isEmpty());
        assertEquals(
                List.of("msg.TLS-018.warn"),
                RuleCheck.keys(RuleCheck.findings(
                        new CertificateExpiresWithinWarning(), in45, RuleCheck.certificateOptions())));
        assertTrue(RuleCheck.findings(new CertificateExpiresWithinWarning(), in100, RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(new CertificateExpiresSoon(), in100, RuleCheck.certificateOptions())
                .isEmpty());
        // Thresholds come from the options.
        assertTrue(RuleCheck.findings(new CertificateExpiresSoon(), in10, days(60, 5))
                .isEmpty());
        assertEquals(
                List.of("msg.TLS-018.warn"),
                RuleCheck.keys(RuleCheck.findings(new CertificateExpiresWithinWarning(), in10, days(60, 5))));
        assertEquals(
                List.of("msg.TLS-018.warn"),
                RuleCheck.keys(RuleCheck.findings(new CertificateExpiresWithinWarning(), in100, days(120, 30))));
    }

    @Test
    void expiredCertificateIsNotAlsoExpiringSoon() {
        MailRoot r = single(TestPki.cert("gone.example.com")
                .valid(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(1)))
                .issue());
        assertTrue(RuleCheck.findings(new CertificateExpiresSoon(), r, RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(new CertificateExpiresWithinWarning(), r, RuleCheck.certificateOptions())
                .isEmpty());
    }

    // ------------------------------------------------------------------ TLS-019 / 020

    @Test
    void weakLeafKeysAreReportedWithTheUpgradeOutage() {
        Issued rsa1024 =
                TestPki.cert("weak.example.com").key(TestPki.rsa("weak", 1024)).issue();
        List<Finding> f = RuleCheck.findings(new WeakKey(), single(rsa1024), RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-019.leaf"), RuleCheck.keys(f));
        assertEquals(
                List.of("#1 CN=weak.example.com", "RSA 1024 bits", "2048"),
                f.get(0).message().args());
        assertTrue(f.get(0).message(Locale.ENGLISH).contains("security level 2"));
        KeyPair p192 = TestPki.ec("p192", "secp192r1");
        Issued ec = TestPki.cert("ec.example.com").key(p192).issue();
        List<Finding> e = RuleCheck.findings(
                new WeakKey(),
                root("\"RootDomain\"\t\"x\"\n", TestPki.pem(ec.cert()), null),
                RuleCheck.certificateOptions());
        assertEquals("224", e.get(0).message().args().get(2));
    }

    @Test
    void weakChainKeyIsReportedButStrongKeysAreNot() {
        Chain ch = TestPki.chain("mail.example.com");
        Issued weakCa = TestPki.cert("Weak CA")
                .key(TestPki.rsa("weak", 1024))
                .ca(true)
                .dns()
                .issuer(ch.root())
                .issue();
        Issued leaf = TestPki.cert("w.example.com").issuer(weakCa).issue();
        List<Finding> f = RuleCheck.findings(
                new WeakKey(),
                root("\"RootDomain\"\t\"x\"\n", TestPki.pem(leaf.cert(), weakCa.cert()), null),
                RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-019.chain"), RuleCheck.keys(f));
        assertTrue(RuleCheck.findings(new WeakKey(), good(ch), RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void sha1SignedCertificateIsReportedUnlessSelfSigned() {
        Chain ch = TestPki.chain("sha1.example.com");
        Issued leaf = TestPki.cert("sha1.example.com")
                .issuer(ch.intermediate())
                .signature("SHA1withRSA")
                .issue();
        List<Finding> f = RuleCheck.findings(
                new WeakSignature(),
                root(
                        "\"RootDomain\"\t\"x\"\n",
                        TestPki.pem(leaf.cert(), ch.intermediate().cert()),
                        null),
                RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-020.weak"), RuleCheck.keys(f));
        assertEquals("SHA1withRSA", f.get(0).message().args().get(1));
        Issued selfSha1 =
                TestPki.cert("self.example.com").signature("SHA1withRSA").issue();
        assertTrue(RuleCheck.findings(new WeakSignature(), single(selfSha1), RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(new WeakSignature(), good(ch), RuleCheck.certificateOptions())
                .isEmpty());
    }

    // ------------------------------------------------------------------ TLS-021 / 022 / 023

    @Test
    void keyThatDoesNotMatchIsReported() {
        Chain ch = TestPki.chain("mismatch.example.com");
        List<Finding> none = RuleCheck.findings(
                new KeyCertificateMismatch(),
                root(
                        "\"RootDomain\"\t\"x\"\n",
                        TestPki.pem(ch.leaf().cert()),
                        TestPki.pkcs8(ch.root().key().getPrivate())),
                RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-021.none"), RuleCheck.keys(none));
        assertTrue(none.get(0).location().file().endsWith("server.key"));
        List<Finding> other = RuleCheck.findings(
                new KeyCertificateMismatch(),
                root(
                        "\"RootDomain\"\t\"x\"\n",
                        TestPki.pem(ch.intermediate().cert(), ch.leaf().cert()),
                        TestPki.pkcs8(ch.leaf().key().getPrivate())),
                RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-021.other"), RuleCheck.keys(other));
        assertEquals("#2 CN=mismatch.example.com", other.get(0).message().args().get(2));
        assertTrue(RuleCheck.findings(new KeyCertificateMismatch(), good(ch), RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void incompleteOrMisorderedChainIsReported() {
        Chain ch = TestPki.chain("chain.example.com");
        List<Finding> f = RuleCheck.findings(
                new ChainOrder(),
                root(
                        "\"RootDomain\"\t\"x\"\n",
                        TestPki.pem(ch.leaf().cert()),
                        TestPki.pkcs8(ch.leaf().key().getPrivate())),
                RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-022.incomplete"), RuleCheck.keys(f));
        assertEquals(
                "CN=Test Intermediate chain.example.com",
                f.get(0).message().args().get(1));
        List<Finding> order = RuleCheck.findings(
                new ChainOrder(),
                root(
                        "\"RootDomain\"\t\"x\"\n",
                        TestPki.pem(ch.intermediate().cert(), ch.leaf().cert()),
                        TestPki.pkcs8(ch.leaf().key().getPrivate()),
                        TestPki.pem(ch.root().cert())),
                RuleCheck.certificateOptions());
        assertTrue(
                RuleCheck.keys(order).contains("msg.TLS-022.leafNotFirst"),
                RuleCheck.keys(order).toString());
        assertTrue(RuleCheck.findings(new ChainOrder(), good(ch), RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void certificateEvidenceKeepsItsPublicKeyThroughTheSecretsMask() {
        List<Finding> f = RuleCheck.findings(
                new SelfSignedCertificate(),
                single(TestPki.cert("self.example.com").issue()),
                RuleCheck.certificateOptions());
        String evidence = String.join("\n", f.get(0).evidence());
        assertTrue(evidence.contains("public key RSA"), evidence);
        assertEquals(evidence, Secrets.forms(evidence));
    }

    @Test
    void selfSignedServerCertificateIsReported() {
        List<Finding> f = RuleCheck.findings(
                new SelfSignedCertificate(),
                single(TestPki.cert("self.example.com").issue()),
                RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-023.leaf"), RuleCheck.keys(f));
        assertTrue(RuleCheck.findings(
                        new SelfSignedCertificate(),
                        good(TestPki.chain("ca.example.com")),
                        RuleCheck.certificateOptions())
                .isEmpty());
    }

    // ------------------------------------------------------------------ TLS-024

    @Test
    void namesNotCoveredAreReportedPerVariable() {
        Issued wildcard = TestPki.cert("mail.example.com").dns("*.example.com").issue();
        MailRoot r = root(
                """
                "SmtpServerDomain"\t"mail.example.com"
                "POP3Domain"\t"example.com"
                "HeloDomain"\t"smtp.other.example"
                """, TestPki.pem(wildcard.cert()), TestPki.pkcs8(wildcard.key().getPrivate()));
        List<Finding> f = RuleCheck.findings(new CertificateNames(), r, RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-024.uncovered", "msg.TLS-024.uncovered"), RuleCheck.keys(f));
        assertEquals(
                List.of("POP3Domain", "HeloDomain"),
                f.stream().map(x -> x.location().variable()).toList());
        assertEquals("*.example.com", f.get(0).message().args().get(2));
        assertEquals(2, f.get(0).location().line());
    }

    @Test
    void certificateWithoutAnyNameIsSaidSo() {
        Issued nameless = TestPki.cert("ignored").subject("O=Example").dns().issue();
        List<Finding> f = RuleCheck.findings(
                new CertificateNames(),
                root("\"SmtpServerDomain\"\t\"mail.example.com\"\n", TestPki.pem(nameless.cert()), null),
                RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-024.noNames"), RuleCheck.keys(f));
    }

    @Test
    void coveredOrUnsetNamesAreNotReported() {
        Issued cert = TestPki.cert("mail.example.com")
                .dns("mail.example.com", "example.com")
                .issue();
        MailRoot r = root("""
                "SmtpServerDomain"\t"MAIL.example.com"
                "POP3Domain"\t"example.com"
                "HeloDomain"\t""
                """, TestPki.pem(cert.cert()), null);
        assertTrue(RuleCheck.findings(new CertificateNames(), r, RuleCheck.certificateOptions())
                .isEmpty());
    }

    // ------------------------------------------------------------------ TLS-025 / 026 / 027

    @Test
    void longLifetimeIsReported() {
        Issued ten = TestPki.cert("ten.example.com")
                .validFor(NOW.minus(Duration.ofDays(10)), Duration.ofDays(3650))
                .issue();
        List<Finding> f = RuleCheck.findings(new CertificateLifetime(), single(ten), RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-025.long"), RuleCheck.keys(f));
        assertEquals("3650", f.get(0).message().args().get(1));
        Issued ok = TestPki.cert("ok.example.com")
                .validFor(NOW.minus(Duration.ofDays(10)), Duration.ofDays(398))
                .issue();
        assertTrue(RuleCheck.findings(new CertificateLifetime(), single(ok), RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void keyReadableByOthersIsReportedOnPosixAndNotJudgedElsewhere() throws Exception {
        Issued leaf = TestPki.cert("perm.example.com").issue();
        MailRoot open = single(leaf);
        Path key = open.directory().resolve("server.key");
        if (!key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertTrue(
                    RuleCheck.findings(new KeyFileReadable(), open, RuleCheck.certificateOptions())
                            .isEmpty(),
                    "Windows ACLs are not judged");
            return;
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        List<Finding> f = RuleCheck.findings(
                new KeyFileReadable(), MailRoot.open(open.directory()), RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-026.others"), RuleCheck.keys(f));
        assertEquals("rw-r--r--", f.get(0).message().args().get(0));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertTrue(RuleCheck.findings(
                        new KeyFileReadable(), MailRoot.open(open.directory()), RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void unloadableMaterialIsReported() throws Exception {
        KeyPair k = TestPki.rsa("leaf");
        Issued leaf = TestPki.cert("load.example.com").key(k).issue();
        List<Finding> enc = RuleCheck.findings(
                new TlsMaterialUnusable(),
                root(
                        "\"RootDomain\"\t\"x\"\n",
                        TestPki.pem(leaf.cert()),
                        TestPki.encryptedPkcs8(k.getPrivate(), "pw".toCharArray())),
                RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-027.key.encrypted"), RuleCheck.keys(enc));
        MailRootFixture der = MailRootFixture.in(tmp.resolve("der"))
                .serverTab("\"RootDomain\"\t\"x\"\n")
                .bytes("server.cert", leaf.cert().getEncoded())
                .file("server.key", "nothing here\n");
        assertEquals(
                List.of("msg.TLS-027.cert.der", "msg.TLS-027.key.empty"),
                RuleCheck.keys(
                        RuleCheck.findings(new TlsMaterialUnusable(), der.open(), RuleCheck.certificateOptions())));
        assertTrue(RuleCheck.findings(new TlsMaterialUnusable(), single(leaf), RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(
                        new TlsMaterialUnusable(),
                        root("\"RootDomain\"\t\"x\"\n", null, null),
                        RuleCheck.certificateOptions())
                .isEmpty());
    }

    @Test
    void textDumpBeforeThePemBlockIsRead() {
        Issued leaf = TestPki.cert("dump.example.com")
                .valid(NOW.minus(Duration.ofDays(300)), NOW.minus(Duration.ofDays(1)))
                .issue();
        String dump = "Certificate:\n    Data:\n        Version: 3 (0x2)\n";
        MailRoot r = root(
                "\"RootDomain\"\t\"x\"\n",
                dump + TestPki.pem(leaf.cert()),
                TestPki.pkcs8(leaf.key().getPrivate()));
        assertTrue(RuleCheck.findings(new TlsMaterialUnusable(), r, RuleCheck.certificateOptions())
                .isEmpty());
        assertEquals(
                List.of("msg.TLS-016.expired"),
                RuleCheck.keys(RuleCheck.findings(new CertificateExpired(), r, RuleCheck.certificateOptions())));
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
        List<Finding> findings = new Auditor(TlsRules.ALL)
                .audit(r, RuleCheck.certificateOptions())
                .findings();
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
        for (BigInteger secret : List.of(priv.getPrivateExponent(), priv.getPrimeP(), priv.getPrimeQ())) {
            assertFalse(all.contains(secret.toString()));
            assertFalse(all.toLowerCase(Locale.ROOT).contains(secret.toString(16)));
        }
        assertFalse(all.contains("PRIVATE KEY-----"));
    }
}
