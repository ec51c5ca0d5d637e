package org.xmailkit.audit.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditRun;
import org.xmailkit.audit.testing.TestPki;
import org.xmailkit.audit.testing.TestPki.Chain;
import org.xmailkit.audit.testing.TestPki.Issued;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.testing.MailRootFixture;

class TlsMaterialTest {

    @TempDir
    Path tmp;

    private TlsMaterial load(String cert, String key, X509Certificate... anchors) throws IOException {
        Path c = tmp.resolve("server.cert");
        Path k = tmp.resolve("server.key");
        if (cert != null) {
            Files.writeString(c, cert, StandardCharsets.ISO_8859_1);
        }
        if (key != null) {
            Files.writeString(k, key, StandardCharsets.ISO_8859_1);
        }
        return TlsMaterial.load(c, k, List.of(anchors));
    }

    @Test
    void readsLeafFirstChainWithMatchingPkcs8Key() throws IOException {
        Chain ch = TestPki.chain("mail.example.com");
        TlsMaterial m = load(
                TestPki.pem(ch.leaf().cert(), ch.intermediate().cert()),
                TestPki.pkcs8(ch.leaf().key().getPrivate()),
                ch.root().cert());
        assertEquals(FileStatus.OK, m.certificate().status());
        assertEquals(2, m.certificate().certificates().size());
        assertEquals(FileStatus.OK, m.key().status());
        assertEquals("PRIVATE KEY", m.key().pemType());
        assertEquals("RSA", m.key().algorithm());
        assertEquals(2048, m.key().bits());
        assertEquals(KeyMatch.Kind.LEAF, m.keyMatch().kind());
        assertTrue(m.chainIssues().isEmpty(), m.chainIssues().toString());
    }

    @Test
    void skipsOpenSslTextDumpBeforeThePemBlock() throws IOException {
        Issued leaf = TestPki.cert("dump.example.com").issue();
        String dump = """
                Certificate:
                    Data:
                        Version: 3 (0x2)
                        Serial Number: 4096 (0x1000)
                    Signature Algorithm: sha256WithRSAEncryption
                        Issuer: CN=dump.example.com
                """;
        TlsMaterial m = load(dump + TestPki.pem(leaf.cert()), TestPki.traditional(leaf.key()));
        assertEquals(FileStatus.OK, m.certificate().status());
        assertTrue(m.certificate().textBeforePem());
        assertEquals(KeyMatch.Kind.LEAF, m.keyMatch().kind());
        assertEquals("RSA PRIVATE KEY", m.key().pemType());
    }

    @Test
    void windowsLineEndingsAreRead() throws IOException {
        Issued leaf = TestPki.cert("crlf.example.com").issue();
        TlsMaterial m = load(
                TestPki.pem(leaf.cert()).replace("\n", "\r\n"),
                TestPki.pkcs8(leaf.key().getPrivate()).replace("\n", "\r\n"));
        assertEquals(FileStatus.OK, m.certificate().status());
        assertEquals(KeyMatch.Kind.LEAF, m.keyMatch().kind());
    }

    @Test
    void ecKeyInTraditionalFormMatches() throws IOException {
        KeyPair k = TestPki.ec("ec-leaf", "secp256r1");
        Issued leaf = TestPki.cert("ec.example.com").key(k).issue();
        TlsMaterial m = load(TestPki.pem(leaf.cert()), TestPki.traditional(k));
        assertEquals("EC PRIVATE KEY", m.key().pemType());
        assertEquals("EC", m.key().algorithm());
        assertEquals(256, m.key().bits());
        assertEquals(KeyMatch.Kind.LEAF, m.keyMatch().kind());
        CertificateFacts c = m.certificate().leaf().orElseThrow();
        assertEquals("EC P-256 (256 bits)", c.keyDescription());
        assertFalse(c.weakKey());
    }

    @Test
    void keyOfAnotherCertificateOrNoneIsReported() throws IOException {
        Chain ch = TestPki.chain("order.example.com");
        TlsMaterial other = load(
                TestPki.pem(ch.intermediate().cert(), ch.leaf().cert()),
                TestPki.pkcs8(ch.leaf().key().getPrivate()),
                ch.root().cert());
        assertEquals(KeyMatch.Kind.OTHER, other.keyMatch().kind());
        assertEquals(1, other.keyMatch().certificateIndex());
        assertTrue(other.chainIssues().stream().anyMatch(i -> i.kind() == ChainIssue.Kind.LEAF_NOT_FIRST));

        TlsMaterial none = load(
                TestPki.pem(ch.leaf().cert()), TestPki.pkcs8(TestPki.rsa("root").getPrivate())); // not the leaf's key
        assertEquals(KeyMatch.Kind.NONE, none.keyMatch().kind());
        assertTrue(none.keyMatch().mismatch());

        TlsMaterial wrongType =
                load(TestPki.pem(ch.leaf().cert()), TestPki.traditional(TestPki.ec("stranger-ec", "secp256r1")));
        assertEquals(KeyMatch.Kind.NONE, wrongType.keyMatch().kind());
    }

    @Test
    void encryptedKeysAreRecognisedInBothForms() throws IOException {
        KeyPair k = TestPki.rsa("leaf");
        char[] pw = "secret".toCharArray();
        Issued leaf = TestPki.cert("enc.example.com").key(k).issue();
        TlsMaterial pkcs8 = load(TestPki.pem(leaf.cert()), TestPki.encryptedPkcs8(k.getPrivate(), pw));
        assertEquals(FileStatus.ENCRYPTED, pkcs8.key().status());
        assertEquals("ENCRYPTED PRIVATE KEY", pkcs8.key().pemType());
        assertEquals(KeyMatch.Kind.NOT_CHECKED, pkcs8.keyMatch().kind());
        TlsMaterial legacy = load(TestPki.pem(leaf.cert()), TestPki.encryptedTraditional(k, pw));
        assertEquals(FileStatus.ENCRYPTED, legacy.key().status());
        assertEquals("RSA PRIVATE KEY", legacy.key().pemType());
    }

    @Test
    void unusableFilesGetTheirStatus() throws Exception {
        Issued leaf = TestPki.cert("bad.example.com").issue();
        Path c = tmp.resolve("der.cert");
        Files.write(c, leaf.cert().getEncoded().clone());
        assertEquals(FileStatus.NOT_PEM, TlsMaterial.readCertificate(c).status());
        assertEquals(
                FileStatus.EMPTY,
                load("just some text\n", "no key here\n").certificate().status());
        assertEquals(
                FileStatus.EMPTY,
                load("just some text\n", "no key here\n").key().status());
        String broken = "-----BEGIN CERTIFICATE-----\nMIIB!!!notbase64\n-----END CERTIFICATE-----\n";
        assertEquals(FileStatus.INVALID, load(broken, null).certificate().status());
        String garbage = "-----BEGIN CERTIFICATE-----\nAAAAAAAA\n-----END CERTIFICATE-----\n";
        assertEquals(FileStatus.INVALID, load(garbage, null).certificate().status());
        TlsMaterial missing = TlsMaterial.load(tmp.resolve("nope.cert"), tmp.resolve("nope.key"), List.of());
        assertEquals(FileStatus.MISSING, missing.certificate().status());
        assertEquals(FileStatus.MISSING, missing.key().status());
        assertFalse(missing.bothPresent());
    }

    @Test
    void keyBlockAfterOtherBlocksIsFound() throws IOException {
        KeyPair k = TestPki.ec("params-first", "secp384r1");
        Issued leaf = TestPki.cert("p.example.com").key(k).issue();
        String params = "-----BEGIN EC PARAMETERS-----\nBgUrgQQAIg==\n-----END EC PARAMETERS-----\n";
        TlsMaterial m = load(TestPki.pem(leaf.cert()), params + TestPki.traditional(k));
        assertEquals(FileStatus.OK, m.key().status());
        assertEquals(384, m.key().bits());
        assertEquals(KeyMatch.Kind.LEAF, m.keyMatch().kind());
    }

    @Test
    void chainProblemsAreNamed() throws IOException {
        Chain ch = TestPki.chain("chain.example.com");
        TlsMaterial incomplete = load(
                TestPki.pem(ch.leaf().cert()), TestPki.pkcs8(ch.leaf().key().getPrivate()));
        assertEquals(List.of(ChainIssue.Kind.INCOMPLETE), kinds(incomplete));
        assertEquals(0, incomplete.chainIssues().get(0).index());
        assertTrue(incomplete.chainIssues().get(0).name().contains("Test Intermediate"));

        TlsMaterial anchored = load(
                TestPki.pem(ch.leaf().cert(), ch.intermediate().cert()),
                null,
                ch.root().cert());
        assertTrue(anchored.chainIssues().isEmpty());

        TlsMaterial withRoot = load(
                TestPki.pem(
                        ch.leaf().cert(), ch.intermediate().cert(), ch.root().cert()),
                null);
        assertTrue(withRoot.chainIssues().isEmpty(), withRoot.chainIssues().toString());

        TlsMaterial outOfOrder = load(
                TestPki.pem(
                        ch.leaf().cert(), ch.root().cert(), ch.intermediate().cert()),
                TestPki.pkcs8(ch.leaf().key().getPrivate()));
        assertEquals(List.of(ChainIssue.Kind.OUT_OF_ORDER), kinds(outOfOrder));
        assertEquals(2, outOfOrder.chainIssues().get(0).related());

        Chain other = TestPki.chain("other.example.com");
        TlsMaterial unrelated = load(
                TestPki.pem(ch.leaf().cert(), other.intermediate().cert()),
                TestPki.pkcs8(ch.leaf().key().getPrivate()),
                other.root().cert());
        assertTrue(kinds(unrelated).contains(ChainIssue.Kind.NOT_ISSUED_BY_NEXT));
        assertTrue(kinds(unrelated).contains(ChainIssue.Kind.INCOMPLETE));

        TlsMaterial duplicate = load(
                TestPki.pem(
                        ch.leaf().cert(),
                        ch.intermediate().cert(),
                        ch.intermediate().cert()),
                null,
                ch.root().cert());
        assertEquals(List.of(ChainIssue.Kind.DUPLICATE), kinds(duplicate));
    }

    @Test
    void caFirstWithoutKeyIsLeafNotFirst() throws IOException {
        Chain ch = TestPki.chain("cafirst.example.com");
        TlsMaterial m = load(
                TestPki.pem(ch.intermediate().cert(), ch.leaf().cert()),
                null,
                ch.root().cert());
        assertTrue(kinds(m).contains(ChainIssue.Kind.LEAF_NOT_FIRST));
    }

    @Test
    void selfSignedLeafIsACompleteChain() throws IOException {
        Issued self = TestPki.cert("self.example.com").issue();
        TlsMaterial m = load(TestPki.pem(self.cert()), TestPki.pkcs8(self.key().getPrivate()));
        assertTrue(m.chainIssues().isEmpty());
        assertTrue(m.certificate().leaf().orElseThrow().selfSigned());
    }

    @Test
    void certificateFactsCoverNamesKeysAndSignatures() {
        Issued sha1 = TestPki.cert("weak.example.com")
                .key(TestPki.rsa("weak", 1024))
                .signature("SHA1withRSA")
                .dns("weak.example.com", "*.weak.example.com")
                .issue();
        CertificateFacts f = new CertificateFacts(0, sha1.cert());
        assertTrue(f.weakSignature());
        assertTrue(f.weakKey());
        assertEquals(1024, f.keyBits());
        assertEquals("RSA 1024 bits", f.keyDescription());
        assertTrue(f.covers("weak.example.com"));
        assertTrue(f.covers("MAIL.weak.example.com."));
        assertFalse(f.covers("a.b.weak.example.com"));
        assertFalse(f.covers("example.com"));
        assertTrue(f.lifetime().compareTo(Duration.ofDays(364)) > 0);
        assertEquals(TestPki.NOW.minus(Duration.ofDays(30)), f.notBefore());

        Issued cnOnly = TestPki.cert("cn.example.com").dns().issue();
        CertificateFacts c = new CertificateFacts(0, cnOnly.cert());
        assertTrue(c.dnsNames().isEmpty());
        assertTrue(c.covers("cn.example.com"));

        Issued sanWins =
                TestPki.cert("cn-only.example.com").dns("san.example.com").issue();
        assertFalse(new CertificateFacts(0, sanWins.cert()).covers("cn-only.example.com"));

        Issued ip = TestPki.cert("ip").dns("192.0.2.10").issue();
        assertTrue(new CertificateFacts(0, ip.cert()).covers("192.0.2.10"));

        Issued md5 = TestPki.cert("md5.example.com").signature("MD5withRSA").issue();
        assertTrue(new CertificateFacts(0, md5.cert()).weakSignature());
        assertFalse(
                new CertificateFacts(0, TestPki.cert("ok.example.com").issue().cert()).weakSignature());
    }

    @Test
    void smallCurvesAreWeakEvenWhenTheJdkCannotUseThem() {
        Issued small = TestPki.cert("p192.example.com")
                .key(TestPki.ec("p192", "secp192r1"))
                .signature("SHA256withECDSA")
                .issue();
        CertificateFacts f = new CertificateFacts(0, small.cert());
        assertEquals("EC", f.keyAlgorithm());
        assertEquals(192, f.keyBits());
        assertTrue(f.weakKey());
        Issued p224 = TestPki.cert("p224.example.com")
                .key(TestPki.ec("p224", "secp224r1"))
                .issue();
        assertFalse(new CertificateFacts(0, p224.cert()).weakKey());
    }

    @Test
    void expiryArithmeticUsesTheGivenInstant() {
        Issued c = TestPki.cert("exp.example.com")
                .valid(
                        TestPki.NOW.minus(Duration.ofDays(100)),
                        TestPki.NOW.plus(Duration.ofDays(10)).plus(Duration.ofHours(5)))
                .issue();
        CertificateFacts f = new CertificateFacts(0, c.cert());
        assertEquals(10, f.daysLeft(TestPki.NOW));
        assertFalse(f.expired(TestPki.NOW));
        assertTrue(f.expired(TestPki.NOW.plus(Duration.ofDays(11))));
        assertEquals(-1, f.daysLeft(TestPki.NOW.plus(Duration.ofDays(11))));
        assertTrue(f.notYetValid(TestPki.NOW.minus(Duration.ofDays(101))));
    }

    @Test
    void posixPermissionsAreReadWhenAvailable() throws IOException {
        Issued leaf = TestPki.cert("perm.example.com").issue();
        TlsMaterial m = load(TestPki.pem(leaf.cert()), TestPki.pkcs8(leaf.key().getPrivate()));
        boolean posix = tmp.getFileSystem().supportedFileAttributeViews().contains("posix");
        assertEquals(posix, m.key().permissions().isPresent(), "permissions are read exactly where they exist");
        if (!posix) {
            assertFalse(m.key().openToOthers(), "without POSIX permissions nothing is claimed");
            return;
        }
        Path key = tmp.resolve("server.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(TlsMaterial.load(tmp.resolve("server.cert"), key, List.of())
                .key()
                .openToOthers());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
        assertFalse(TlsMaterial.load(tmp.resolve("server.cert"), key, List.of())
                .key()
                .openToOthers());
    }

    @Test
    void mailRootMaterialIsReadOnceAndUsesCertsPemAsRoots() {
        Chain ch = TestPki.chain("root.example.com");
        MailRoot root = MailRootFixture.in(tmp.resolve("mr"))
                .serverTab("\"RootDomain\"\t\"example.com\"\n")
                .file(
                        "server.cert",
                        TestPki.pem(ch.leaf().cert(), ch.intermediate().cert()))
                .file("server.key", TestPki.pkcs8(ch.leaf().key().getPrivate()))
                .file("certs.pem", TestPki.pem(ch.root().cert()))
                .open();
        AuditRun run = new AuditRun();
        TlsMaterial m = run.tls(root);
        assertSame(m, run.tls(root));
        // A copy with edited .tab files (a migration's after-state) has the same certificate and key files.
        assertSame(
                m,
                run.tls(root.withContent(Map.of(
                        MailRootFile.SERVER_TAB,
                        "\"RootDomain\"\t\"example.org\"\n".getBytes(StandardCharsets.US_ASCII)))));
        // Another run reads them again: nothing is kept between runs.
        assertNotSame(m, new AuditRun().tls(root));
        assertTrue(m.chainIssues().isEmpty(), m.chainIssues().toString());
        assertEquals(KeyMatch.Kind.LEAF, m.keyMatch().kind());
    }

    @Test
    void keyFileFactsNeverHoldTheKey() throws IOException {
        KeyPair k = TestPki.rsa("leaf");
        Issued leaf = TestPki.cert("ts.example.com").key(k).issue();
        String pem = TestPki.pkcs8(k.getPrivate());
        TlsMaterial m = load(TestPki.pem(leaf.cert()), pem);
        String text = m.key().toString() + m.keyMatch() + m.certificate();
        String body = pem.replaceAll("-----[^-]+-----", "").replaceAll("\\s", "");
        for (int i = 0; i + 24 <= body.length(); i += 24) {
            assertFalse(text.contains(body.substring(i, i + 24)));
        }
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) k.getPrivate();
        assertFalse(text.contains(priv.getPrivateExponent().toString()));
        assertFalse(text.contains(priv.getPrivateExponent().toString(16)));
    }

    private static List<ChainIssue.Kind> kinds(TlsMaterial m) {
        return m.chainIssues().stream().map(ChainIssue::kind).toList();
    }
}
