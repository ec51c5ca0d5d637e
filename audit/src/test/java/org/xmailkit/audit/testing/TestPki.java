package org.xmailkit.audit.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keys and certificates made at test time (nothing is committed): named key pairs (cached per name, so a test can
 * ask twice for the same key), certificates with chosen subject, issuer, validity, names, CA flag and signature
 * algorithm, and their PEM forms.
 */
public final class TestPki {

    /** The fixed "now" of the certificate tests. */
    public static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private static final Provider BC = new BouncyCastleProvider();
    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();
    private static final AtomicLong SERIAL = new AtomicLong(1000);
    // One JDK generator for salts and IVs: BouncyCastle's own default random seeds itself slowly on busy machines.
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPki() {}

    /** @return a clock fixed at {@link #NOW} */
    public static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /**
     * @param name a name for the key (same name, same key)
     * @param bits RSA modulus size
     * @return an RSA key pair
     */
    public static KeyPair rsa(String name, int bits) {
        return KEYS.computeIfAbsent("rsa/" + bits + "/" + name, k -> generate("RSA", bits, null));
    }

    /**
     * @param name a name for the key
     * @return a 2048-bit RSA key pair
     */
    public static KeyPair rsa(String name) {
        return rsa(name, 2048);
    }

    /**
     * @param name  a name for the key
     * @param curve a named curve, e.g. {@code secp256r1}
     * @return an EC key pair
     */
    public static KeyPair ec(String name, String curve) {
        return KEYS.computeIfAbsent("ec/" + curve + "/" + name, k -> generate("EC", 0, curve));
    }

    private static KeyPair generate(String alg, int bits, String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(alg, BC);
            if (curve != null) {
                g.initialize(new ECGenParameterSpec(curve));
            } else {
                g.initialize(bits);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param cn the subject's common name
     * @return a certificate builder (self-signed, the shared 2048-bit RSA key "leaf", valid from 30 days before
     *         {@link #NOW} for 365 days, the CN as its only DNS name, not a CA)
     */
    public static Builder cert(String cn) {
        return new Builder(cn);
    }

    /** A certificate and its key pair. */
    public record Issued(X509Certificate cert, KeyPair key) {}

    /**
     * A public-CA-like chain: root (self-signed CA), intermediate (CA) and server certificate.
     *
     * @param root         the root
     * @param intermediate the intermediate
     * @param leaf         the server certificate
     */
    public record Chain(Issued root, Issued intermediate, Issued leaf) {}

    /**
     * @param host the server certificate's name
     * @return a fresh three-level chain for it (the keys "root", "intermediate" and "leaf" are shared by all chains)
     */
    public static Chain chain(String host) {
        return chain(host, NOW.minus(Duration.ofDays(30)));
    }

    /**
     * @param host      the server certificate's name
     * @param leafStart when the server certificate becomes valid (for 365 days; the CAs around it much longer)
     * @return the chain
     */
    public static Chain chain(String host, Instant leafStart) {
        Issued root = cert("Test Root " + host)
                .key(rsa("root"))
                .ca(true)
                .dns()
                .validFor(NOW.minus(Duration.ofDays(1000)), Duration.ofDays(5000))
                .issue();
        Issued intermediate = cert("Test Intermediate " + host)
                .key(rsa("intermediate"))
                .ca(true)
                .dns()
                .issuer(root)
                .validFor(NOW.minus(Duration.ofDays(500)), Duration.ofDays(2000))
                .issue();
        Issued leaf = cert(host)
                .issuer(intermediate)
                .validFor(leafStart, Duration.ofDays(365))
                .issue();
        return new Chain(root, intermediate, leaf);
    }

    /** Builds one certificate. */
    public static final class Builder {
        private final String cn;
        private KeyPair key;
        private Issued issuer;
        private Instant from = NOW.minus(Duration.ofDays(30));
        private Instant to = NOW.plus(Duration.ofDays(335));
        private List<String> dns;
        private boolean ca;
        private String signature;
        private X500Name subject;

        private Builder(String cn) {
            this.cn = cn;
            this.dns = List.of(cn);
        }

        /** @return this builder with the given key pair */
        public Builder key(KeyPair k) {
            this.key = k;
            return this;
        }

        /** @return this builder, signed by the given issuer */
        public Builder issuer(Issued i) {
            this.issuer = i;
            return this;
        }

        /** @return this builder with validity from..to */
        public Builder valid(Instant notBefore, Instant notAfter) {
            this.from = notBefore;
            this.to = notAfter;
            return this;
        }

        /** @return this builder valid from notBefore for the given time */
        public Builder validFor(Instant notBefore, Duration life) {
            return valid(notBefore, notBefore.plus(life));
        }

        /** @return this builder with these subjectAltName DNS names (none: no SAN extension) */
        public Builder dns(String... names) {
            this.dns = List.of(names);
            return this;
        }

        /** @return this builder as a CA certificate or not */
        public Builder ca(boolean isCa) {
            this.ca = isCa;
            return this;
        }

        /** @return this builder signing with the given JCA algorithm, e.g. {@code SHA1withRSA} */
        public Builder signature(String alg) {
            this.signature = alg;
            return this;
        }

        /** @return this builder with a full subject name instead of {@code CN=<cn>} */
        public Builder subject(String x500) {
            this.subject = new X500Name(x500);
            return this;
        }

        /** @return the certificate and its key */
        public Issued issue() {
            // Keys are slow to make: certificates share one default key unless a test gives its own.
            KeyPair k = key != null ? key : rsa("leaf");
            X500Name name = subject != null ? subject : new X500Name("CN=" + cn);
            X500Name issuerName = issuer == null
                    ? name
                    : X500Name.getInstance(
                            issuer.cert().getSubjectX500Principal().getEncoded());
            PrivateKey signer = issuer == null ? k.getPrivate() : issuer.key().getPrivate();
            String alg = signature != null
                    ? signature
                    : signer.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            try {
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                        issuerName,
                        BigInteger.valueOf(SERIAL.incrementAndGet()),
                        Date.from(from),
                        Date.from(to),
                        name,
                        k.getPublic());
                if (ca) {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                }
                if (!dns.isEmpty()) {
                    List<GeneralName> names = new ArrayList<>();
                    for (String d : dns) {
                        names.add(
                                d.matches("[0-9.]+")
                                        ? new GeneralName(GeneralName.iPAddress, d)
                                        : new GeneralName(GeneralName.dNSName, d));
                    }
                    b.addExtension(
                            Extension.subjectAlternativeName,
                            false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
                }
                ContentSigner s =
                        new JcaContentSignerBuilder(alg).setProvider(BC).build(signer);
                X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(s));
                return new Issued(cert, k);
            } catch (IOException | OperatorCreationException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ------------------------------------------------------------------ PEM

    /** @return the certificates as PEM blocks, in order */
    public static String pem(X509Certificate... certs) {
        return write(w -> {
            for (X509Certificate c : certs) {
                w.writeObject(c);
            }
        });
    }

    /** @return the key as a PKCS#8 {@code PRIVATE KEY} block */
    public static String pkcs8(PrivateKey key) {
        return write(w -> w.writeObject(new JcaPKCS8Generator(key, null)));
    }

    /** @return the key in OpenSSL's traditional form ({@code RSA PRIVATE KEY} / {@code EC PRIVATE KEY}) */
    public static String traditional(KeyPair key) {
        return write(w -> w.writeObject(key));
    }

    /** @return the key as an {@code ENCRYPTED PRIVATE KEY} block */
    public static String encryptedPkcs8(PrivateKey key, char[] password) {
        return write(w -> {
            try {
                w.writeObject(new JcaPKCS8Generator(
                        key,
                        new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                                .setProvider(BC)
                                .setRandom(RANDOM)
                                .setPassword(password)
                                .build()));
            } catch (OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** @return the key in traditional form with a {@code Proc-Type: 4,ENCRYPTED} header */
    public static String encryptedTraditional(KeyPair key, char[] password) {
        return write(w -> w.writeObject(
                key,
                new JcePEMEncryptorBuilder("AES-128-CBC")
                        .setProvider(BC)
                        .setSecureRandom(RANDOM)
                        .build(password)));
    }

    private interface PemWork {
        void run(JcaPEMWriter w) throws IOException;
    }

    private static String write(PemWork work) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            work.run(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
