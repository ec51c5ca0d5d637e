package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.behaviour.SmtpBehaviour;
import org.xmailkit.audit.behaviour.SmtpConditions;
import org.xmailkit.audit.behaviour.TlsLibrary;
import org.xmailkit.it.RealXMail.Service;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;

/**
 * server.cert and server.key made at test time, against the real XMail 1.27 (which loads them afresh for every TLS
 * session, so one server serves every case): STARTTLS on the SMTP port and the handshake on the SMTPS port succeed
 * or fail as {@link SmtpBehaviour} says, and the TLS findings name the case.
 *
 * <p>This XMail is linked with Debian's OpenSSL 3, whose default security level 2 refuses RSA keys under 2048 bits and
 * SHA-1 signatures on certificates it did not sign itself, so a 1024-bit key fails every handshake here. The Windows
 * releases differ: the original 1.27 shipped OpenSSL 0.9.8 and the localized build 1.1.1 (level 1), which both load
 * a 1024-bit key; {@link TlsLibrary} holds the three.
 */
class TlsMaterialIT {

    @RegisterExtension
    static final RealXMail XMAIL = RealXMail.of("1.27");

    /** One pair of files: what it is, whether the handshake completes here, and the finding that must name it. */
    private record Case(String name, boolean handshake, Optional<String> finding, Material material) {}

    @FunctionalInterface
    private interface Material {
        void install(Path mailRoot);
    }

    @Test
    void handshakesFollowTheViewAndTheFindingsNameEachCase() throws InputException {
        Instant now = Instant.now();
        List<Case> cases = List.of(
                new Case(
                        "RSA 2048, self-signed, SHA-256",
                        true,
                        Optional.empty(),
                        root -> selfSigned(root, TestCertificates.keys("RSA", 2048), "SHA256withRSA", now, 300)),
                new Case(
                        "EC P-256, self-signed",
                        true,
                        Optional.empty(),
                        root -> selfSigned(root, TestCertificates.keys("EC", 256), "SHA256withECDSA", now, 300)),
                new Case(
                        "RSA 1024",
                        false,
                        Optional.of("TLS-019"),
                        root -> selfSigned(root, TestCertificates.keys("RSA", 1024), "SHA256withRSA", now, 300)),
                new Case("key of another certificate", false, Optional.of("TLS-021"), root -> {
                    KeyPair cert = TestCertificates.keys("RSA", 2048);
                    X509Certificate c = TestCertificates.certificate(
                            "CN=mail.example.jp",
                            cert,
                            "CN=mail.example.jp",
                            cert.getPrivate(),
                            "SHA256withRSA",
                            now.minusSeconds(3600),
                            300,
                            false);
                    TestCertificates.install(
                            root, List.of(c), TestCertificates.keys("RSA", 2048).getPrivate());
                }),
                // XMail presents an expired certificate all the same: only the clients refuse it.
                new Case(
                        "expired",
                        true,
                        Optional.of("TLS-016"),
                        root -> selfSigned(
                                root,
                                TestCertificates.keys("RSA", 2048),
                                "SHA256withRSA",
                                now.minusSeconds(400L * 86400),
                                30)),
                new Case("SHA-1 signature by a CA", false, Optional.of("TLS-020"), root -> {
                    KeyPair ca = TestCertificates.keys("RSA", 2048);
                    KeyPair leaf = TestCertificates.keys("RSA", 2048);
                    X509Certificate caCert = TestCertificates.certificate(
                            "CN=Example CA",
                            ca,
                            "CN=Example CA",
                            ca.getPrivate(),
                            "SHA256withRSA",
                            now.minusSeconds(3600),
                            3000,
                            true);
                    X509Certificate leafCert = TestCertificates.certificate(
                            "CN=mail.example.jp",
                            leaf,
                            "CN=Example CA",
                            ca.getPrivate(),
                            "SHA1withRSA",
                            now.minusSeconds(3600),
                            300,
                            false);
                    TestCertificates.install(root, List.of(leafCert, caCert), leaf.getPrivate());
                }));
        List<String> wrong = new ArrayList<>();
        try (RealXMail.Server xmail = XMAIL.start(XMAIL.shippedMailRoot("tls"))) {
            int smtp = xmail.port(Service.SMTP);
            int smtps = xmail.port(Service.SMTPS);
            for (Case c : cases) {
                c.material().install(xmail.mailRoot());
                MailRoot root = MailRoot.open(xmail.mailRoot());
                SmtpBehaviour view = SmtpBehaviour.of(
                        root,
                        SmtpConditions.loopback(XMailVersion.parse("1.27"), true, TlsLibrary.OPENSSL_3_LEVEL_2, smtp));
                boolean startTls = startTls(smtp);
                Optional<X509Certificate> presented = smtps(smtps);
                if (view.handshakeWorks() != c.handshake()
                        || startTls != c.handshake()
                        || presented.isPresent() != c.handshake()) {
                    wrong.add(c.name() + ": expected handshake " + c.handshake() + ", view " + view.handshakeWorks()
                            + ", STARTTLS " + startTls + ", SMTPS " + presented.isPresent());
                }
                Set<String> rules = Auditor.standard().audit(root, AuditOptions.defaults()).findings().stream()
                        .map(f -> f.rule().id())
                        .filter(id -> id.startsWith("TLS-0"))
                        .collect(Collectors.toSet());
                c.finding()
                        .filter(id -> !rules.contains(id))
                        .ifPresent(id -> wrong.add(c.name() + ": no " + id + " among " + rules));
                if (c.finding().isEmpty()
                        && rules.stream()
                                .anyMatch(Set.of("TLS-016", "TLS-019", "TLS-020", "TLS-021", "TLS-027")::contains)) {
                    wrong.add(c.name() + ": unexpected findings " + rules);
                }
                presented
                        .filter(p -> c.name().equals("expired"))
                        .ifPresent(p -> assertTrue(p.getNotAfter().toInstant().isBefore(now), "the expired one"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void selfSigned(Path root, KeyPair keys, String signature, Instant from, int days) {
        X509Certificate c = TestCertificates.certificate(
                "CN=mail.example.jp",
                keys,
                "CN=mail.example.jp",
                keys.getPrivate(),
                signature,
                from.minusSeconds(3600),
                days,
                false);
        TestCertificates.install(root, List.of(c), keys.getPrivate());
    }

    /** EHLO, STARTTLS, then the handshake; true when it completes. */
    private static boolean startTls(int port) {
        try (LineClient c = LineClient.connect(port)) {
            c.line();
            c.smtp("EHLO " + SmtpBehaviour.PROBE_HELO);
            List<String> ready = c.smtp("STARTTLS");
            assertEquals(List.of("220 Ready to start TLS"), ready);
            try {
                c.startTls();
            } catch (SSLException e) {
                return false;
            }
            return c.smtp("EHLO " + SmtpBehaviour.PROBE_HELO).get(0).startsWith("250");
        }
    }

    /** TLS from the first byte on the SMTPS port: the certificate XMail presented, when the handshake completes. */
    private static Optional<X509Certificate> smtps(int port) {
        try (LineClient c = LineClient.connectTls(port)) {
            String greeting = c.line();
            assertTrue(greeting != null && greeting.startsWith("220 "), () -> "SMTPS greeting " + greeting);
            return Optional.of(c.peerCertificate());
        } catch (SSLException e) {
            return Optional.empty();
        }
    }
}
