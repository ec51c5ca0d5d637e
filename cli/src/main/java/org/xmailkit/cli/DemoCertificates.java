package org.xmailkit.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.xmailkit.model.fs.SafeWriter;
import org.xmailkit.model.fs.WritePolicy;

/**
 * Creates the demo fleet's TLS material when the demo runs, so that no key is ever shipped: an expired self-signed
 * 1024-bit SHA-1 certificate (sapporo), a CA-signed one about to expire whose names miss the HELO name (kyoto), a
 * healthy ECDSA chain (kobe), and a certificate with somebody else's key (naha). Dates follow the clock, so the sample
 * reads the same whenever it runs.
 */
final class DemoCertificates {

    private static final Duration DAY = Duration.ofDays(1);

    private DemoCertificates() {}

    /**
     * @param fleet the extracted demo fleet
     * @param clock the clock
     * @throws IOException when a file cannot be written
     */
    static void generate(Path fleet, Clock clock) throws IOException {
        SafeWriter w = WritePolicy.STANDARD.writerFor(fleet);
        try {
            Instant now = clock.instant();
            // sapporo: self-signed, expired for more than a year, RSA 1024 with SHA-1, key readable by everyone.
            KeyPair sapporo = rsa(1024);
            X509Certificate s = sign(
                    "CN=mail.sapporo.example.jp,O=Sapporo Example,C=JP",
                    sapporo,
                    "CN=mail.sapporo.example.jp,O=Sapporo Example,C=JP",
                    sapporo.getPrivate(),
                    "SHA1withRSA",
                    now.minus(DAY.multipliedBy(1500)),
                    now.minus(DAY.multipliedBy(400)),
                    List.of(),
                    false);
            write(w, fleet.resolve("sapporo-124"), List.of(s), sapporo.getPrivate(), "rw-r--r--");

            // kyoto: signed by a private CA, expires in 20 days, names cover mail. but not the smtp. HELO name.
            // CA keys are EC: quick to make, and how a private CA is set up today.
            KeyPair kyotoCa = ec();
            String kyotoCaName = "CN=Kyoto Example Private CA,O=Kyoto Example,C=JP";
            X509Certificate kca = sign(
                    kyotoCaName,
                    kyotoCa,
                    kyotoCaName,
                    kyotoCa.getPrivate(),
                    "SHA256withECDSA",
                    now.minus(DAY.multipliedBy(2000)),
                    now.plus(DAY.multipliedBy(1600)),
                    List.of(),
                    true);
            KeyPair kyoto = rsa(2048);
            X509Certificate k = sign(
                    "CN=mail.kyoto.example.jp,O=Kyoto Example,C=JP",
                    kyoto,
                    kyotoCaName,
                    kyotoCa.getPrivate(),
                    "SHA256withECDSA",
                    now.minus(DAY.multipliedBy(345)),
                    now.plus(DAY.multipliedBy(20)),
                    List.of("mail.kyoto.example.jp", "kyoto.example.jp"),
                    false);
            write(w, fleet.resolve("kyoto-xmailcfg"), List.of(k, kca), kyoto.getPrivate(), "rw-------");

            // kobe: leaf, intermediate and private root in order, ECDSA P-256, 90 days, names match.
            KeyPair root = ec();
            String rootName = "CN=Kobe Example Root CA,O=Kobe Example,C=JP";
            X509Certificate rc = sign(
                    rootName,
                    root,
                    rootName,
                    root.getPrivate(),
                    "SHA256withECDSA",
                    now.minus(DAY.multipliedBy(900)),
                    now.plus(DAY.multipliedBy(2700)),
                    List.of(),
                    true);
            KeyPair inter = ec();
            String interName = "CN=Kobe Example Issuing CA,O=Kobe Example,C=JP";
            X509Certificate ic = sign(
                    interName,
                    inter,
                    rootName,
                    root.getPrivate(),
                    "SHA256withECDSA",
                    now.minus(DAY.multipliedBy(700)),
                    now.plus(DAY.multipliedBy(1500)),
                    List.of(),
                    true);
            KeyPair kobe = ec();
            X509Certificate kb = sign(
                    "CN=mail.kobe.example.jp,O=Kobe Example,C=JP",
                    kobe,
                    interName,
                    inter.getPrivate(),
                    "SHA256withECDSA",
                    now.minus(DAY.multipliedBy(10)),
                    now.plus(DAY.multipliedBy(80)),
                    List.of("mail.kobe.example.jp", "kobe.example.jp"),
                    false);
            write(w, fleet.resolve("kobe-127"), List.of(kb, ic, rc), kobe.getPrivate(), "rw-------");

            // naha: an EC certificate installed with the key of another one.
            KeyPair naha = ec();
            KeyPair other = ec();
            X509Certificate n = sign(
                    "CN=mail.naha.example.jp,O=Naha Example,C=JP",
                    naha,
                    "CN=mail.naha.example.jp,O=Naha Example,C=JP",
                    naha.getPrivate(),
                    "SHA256withECDSA",
                    now.minus(DAY.multipliedBy(30)),
                    now.plus(DAY.multipliedBy(335)),
                    List.of("mail.naha.example.jp"),
                    false);
            write(w, fleet.resolve("naha-126"), List.of(n), other.getPrivate(), "rw-------");
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the demo certificates: " + e.getMessage(), e);
        }
    }

    private static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    private static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(
            String subject,
            KeyPair subjectKeys,
            String issuer,
            PrivateKey issuerKey,
            String algorithm,
            Instant from,
            Instant to,
            List<String> dnsNames,
            boolean ca)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(from.toEpochMilli())
                        .shiftLeft(16)
                        .add(BigInteger.valueOf(subject.hashCode() & 0xFFFF)),
                Date.from(from),
                Date.from(to),
                new X500Name(subject),
                subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(
                Extension.keyUsage,
                true,
                new KeyUsage(
                        ca
                                ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                                : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        if (!dnsNames.isEmpty()) {
            List<GeneralName> names = new ArrayList<>();
            for (String n : dnsNames) {
                names.add(new GeneralName(GeneralName.dNSName, n));
            }
            b.addExtension(
                    Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        }
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    }

    private static void write(
            SafeWriter out, Path mailRoot, List<X509Certificate> chain, PrivateKey key, String permissions)
            throws IOException {
        StringWriter certs = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(certs)) {
            for (X509Certificate c : chain) {
                w.writeObject(c);
            }
        }
        StringWriter k = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(k)) {
            // RSA keys in the traditional PKCS#1 form of the OpenSSL of the time, others as PKCS#8 like
            // "openssl genpkey" writes them.
            if (key.getAlgorithm().equals("RSA") && chain.get(0).getSigAlgName().startsWith("SHA1")) {
                w.writeObject(key);
            } else {
                w.writeObject(new JcaPKCS8Generator(key, null));
            }
        }
        out.write(mailRoot.resolve("server.cert"), certs.toString().getBytes(StandardCharsets.US_ASCII));
        Path keyFile = mailRoot.resolve("server.key");
        out.write(keyFile, k.toString().getBytes(StandardCharsets.US_ASCII));
        PosixFileAttributeView view =
                Files.getFileAttributeView(keyFile, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        // Windows has no POSIX permissions; the key-permission check has nothing to report there either.
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString(permissions));
        }
    }
}
