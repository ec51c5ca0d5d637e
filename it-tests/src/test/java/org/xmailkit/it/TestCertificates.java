package org.xmailkit.it;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys and certificates made at test time for server.cert and server.key (PEM, as XMail reads them). */
final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private TestCertificates() {}

    /**
     * @param algorithm "RSA" or "EC"
     * @param bits      the RSA size (ignored for EC: P-256)
     * @return a new key pair
     */
    static KeyPair keys(String algorithm, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(bits);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param subject   the subject's name, such as "CN=mail.example.jp"
     * @param keys      the subject's keys
     * @param issuer    the issuer's name (the subject's for a self-signed one)
     * @param issuerKey the key that signs
     * @param signature the signature algorithm, such as "SHA256withRSA"
     * @param from      the start of validity
     * @param days      how long it is valid
     * @param ca        whether it is a CA certificate
     * @return the certificate
     */
    static X509Certificate certificate(
            String subject,
            KeyPair keys,
            String issuer,
            PrivateKey issuerKey,
            String signature,
            Instant from,
            int days,
            boolean ca) {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    new X500Name(issuer),
                    BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(from),
                    Date.from(from.plus(Duration.ofDays(days))),
                    new X500Name(subject),
                    keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            return new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder(signature).build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes server.cert (the chain, leaf first) and server.key (PKCS#8) into a MailRoot.
     *
     * @param mailRoot the MailRoot
     * @param chain    the certificates
     * @param key      the private key
     */
    static void install(Path mailRoot, List<X509Certificate> chain, PrivateKey key) {
        try {
            StringWriter certs = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(certs)) {
                for (X509Certificate c : chain) {
                    w.writeObject(c);
                }
            }
            StringWriter k = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(k)) {
                w.writeObject(new JcaPKCS8Generator(key, null));
            }
            Files.writeString(mailRoot.resolve("server.cert"), certs.toString(), StandardCharsets.US_ASCII);
            Files.writeString(mailRoot.resolve("server.key"), k.toString(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
