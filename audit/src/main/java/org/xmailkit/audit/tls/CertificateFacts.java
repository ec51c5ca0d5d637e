package org.xmailkit.audit.tls;

import java.io.IOException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The facts an audit and a report need about one certificate of {@code server.cert} (or of a CA bundle). Only public
 * material: a certificate never holds a secret.
 */
public final class CertificateFacts {

    /** RSA (and DSA) moduli below this many bits are weak (RFC 9325 §4.5, NIST SP 800-52r2 §3.2.1). */
    public static final int MIN_RSA_BITS = 2048;
    /** Elliptic curves below this many bits are weak (RFC 9325 §4.5). */
    public static final int MIN_EC_BITS = 224;

    // Signature algorithms built on MD2, MD5 or SHA-1 (RSA, DSA and ECDSA variants).
    private static final Set<String> WEAK_SIGNATURE_OIDS = Set.of(
            "1.2.840.113549.1.1.2", // md2WithRSAEncryption
            "1.2.840.113549.1.1.4", // md5WithRSAEncryption
            "1.2.840.113549.1.1.5", // sha1WithRSAEncryption
            "1.3.14.3.2.29", // sha1WithRSA (OIW)
            "1.3.14.3.2.27", // dsaWithSHA1 (OIW)
            "1.2.840.10040.4.3", // id-dsa-with-sha1
            "1.2.840.10045.4.1"); // ecdsa-with-SHA1

    private final int index;
    private final X509Certificate certificate;

    /**
     * @param index       0-based position in its file
     * @param certificate the certificate
     */
    public CertificateFacts(int index, X509Certificate certificate) {
        this.index = index;
        this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    /** @return the 0-based position in its file (0 is the certificate XMail presents) */
    public int index() {
        return index;
    }

    /** @return the 1-based position, as messages show it */
    public int position() {
        return index + 1;
    }

    /** @return the certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the subject, RFC 2253 form */
    public String subject() {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    /** @return the issuer, RFC 2253 form */
    public String issuer() {
        return certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
    }

    /** @return the serial number in hex */
    public String serial() {
        return certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    /** @return the start of validity */
    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    /** @return the end of validity */
    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** @return the validity period */
    public Duration lifetime() {
        return Duration.between(notBefore(), notAfter());
    }

    /**
     * @param now the time to judge by
     * @return the time left until notAfter (negative when expired)
     */
    public Duration remaining(Instant now) {
        return Duration.between(now, notAfter());
    }

    /**
     * @param now the time to judge by
     * @return whole days left until notAfter (0 on the last day; negative when expired)
     */
    public long daysLeft(Instant now) {
        return Math.floorDiv(remaining(now).toSeconds(), 86_400L);
    }

    /**
     * @param now the time to judge by
     * @return whether now is after notAfter
     */
    public boolean expired(Instant now) {
        return now.isAfter(notAfter());
    }

    /**
     * @param now the time to judge by
     * @return whether now is before notBefore
     */
    public boolean notYetValid(Instant now) {
        return now.isBefore(notBefore());
    }

    /** @return the signature algorithm name, e.g. {@code SHA256withRSA} */
    public String signatureAlgorithm() {
        return certificate.getSigAlgName();
    }

    /** @return whether the signature uses MD2, MD5 or SHA-1 */
    public boolean weakSignature() {
        if (WEAK_SIGNATURE_OIDS.contains(certificate.getSigAlgOID())) {
            return true;
        }
        String n = signatureAlgorithm().toUpperCase(Locale.ROOT);
        return n.startsWith("MD2WITH") || n.startsWith("MD5WITH") || n.startsWith("SHA1WITH");
    }

    /** @return the public key */
    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    /** @return the key family: {@code RSA}, {@code EC}, {@code DSA}, {@code Ed25519}, {@code Ed448} or the JCA name */
    public String keyAlgorithm() {
        return keyFamily(factsKey());
    }

    /** @return the key size in bits (RSA/DSA modulus, EC field size), or 0 when unknown */
    public int keyBits() {
        return keyBits(factsKey());
    }

    /**
     * The public key in a form whose size can be read. The JDK decodes keys on curves it no longer supports (such
     * as secp192r1) only as opaque keys; BouncyCastle decodes them fully.
     */
    private PublicKey factsKey() {
        PublicKey k = publicKey();
        if (k instanceof RSAKey || k instanceof ECKey || k instanceof DSAKey || k instanceof EdECKey) {
            return k;
        }
        try {
            return new JcaPEMKeyConverter()
                    .setProvider(Pem.bc())
                    .getPublicKey(SubjectPublicKeyInfo.getInstance(k.getEncoded()));
        } catch (IOException | RuntimeException e) {
            return k;
        }
    }

    /** @return the named curve of an EC key, e.g. {@code P-256} or {@code secp256k1} */
    public Optional<String> curve() {
        if (!keyAlgorithm().equals("EC")) {
            return Optional.empty();
        }
        try {
            ASN1Encodable params = SubjectPublicKeyInfo.getInstance(publicKey().getEncoded())
                    .getAlgorithm()
                    .getParameters();
            if (params instanceof ASN1ObjectIdentifier oid) {
                // NIST names (P-256) where there is one, as TLS guidance uses them; else the SEC or X9 name.
                String name = NISTNamedCurves.getName(oid);
                if (name == null) {
                    name = SECNamedCurves.getName(oid);
                }
                return Optional.ofNullable(name != null ? name : ECNamedCurveTable.getName(oid));
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** @return e.g. {@code RSA 2048 bits} or {@code EC secp256r1 (256 bits)} */
    public String keyDescription() {
        return describeKey(keyAlgorithm(), keyBits(), curve());
    }

    /** @return whether the key is below {@link #MIN_RSA_BITS} (RSA, DSA) or {@link #MIN_EC_BITS} (EC) */
    public boolean weakKey() {
        return weakKey(keyAlgorithm(), keyBits());
    }

    /** @return the subjectAltName dNSName entries, in order */
    public List<String> dnsNames() {
        return altNames(2);
    }

    /** @return the subjectAltName iPAddress entries, in order */
    public List<String> ipAddresses() {
        return altNames(7);
    }

    /** @return the subject's common names, in order */
    public List<String> commonNames() {
        List<String> out = new ArrayList<>();
        X500Name name =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : name.getRDNs(BCStyle.CN)) {
            out.add(IETFUtils.valueToString(rdn.getFirst().getValue()));
        }
        return out;
    }

    /**
     * The names a client checks (RFC 6125 §6.4.4): the dNSName entries, or the common names when there is no
     * dNSName at all.
     *
     * @return the reference names
     */
    public List<String> serverNames() {
        List<String> dns = dnsNames();
        return dns.isEmpty() ? commonNames() : dns;
    }

    /**
     * @param host a host name or IPv4/IPv6 literal
     * @return whether the certificate covers it
     */
    public boolean covers(String host) {
        if (HostNames.isIpLiteral(host)) {
            return ipAddresses().stream().anyMatch(ip -> HostNames.sameIp(ip, host));
        }
        return serverNames().stream().anyMatch(n -> HostNames.matches(n, host));
    }

    /** @return whether subject and issuer are the same name */
    public boolean selfIssued() {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    /** @return whether the certificate is signed by its own key */
    public boolean selfSigned() {
        return selfIssued() && Issuance.signedBy(certificate, publicKey());
    }

    /** @return whether basicConstraints marks it a CA */
    public boolean ca() {
        return certificate.getBasicConstraints() >= 0;
    }

    /** @return the SHA-256 fingerprint, colon-separated hex */
    public String sha256() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "";
        }
    }

    /** @return a one-line description for messages: position, subject, notAfter */
    public String describe() {
        return "#" + position() + " " + subject();
    }

    private List<String> altNames(int type) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> all = certificate.getSubjectAlternativeNames();
            if (all == null) {
                return out;
            }
            for (List<?> entry : all) {
                if (entry.size() >= 2
                        && entry.get(0) instanceof Integer t
                        && t == type
                        && entry.get(1) instanceof String s) {
                    out.add(s);
                }
            }
        } catch (CertificateParsingException e) {
            return out;
        }
        return out;
    }

    /**
     * @param key a key
     * @return its family name
     */
    static String keyFamily(Key key) {
        if (key instanceof RSAKey) {
            return "RSA";
        }
        if (key instanceof ECKey) {
            return "EC";
        }
        if (key instanceof DSAKey) {
            return "DSA";
        }
        if (key instanceof EdECKey ed) {
            return ed.getParams().getName();
        }
        String a = key.getAlgorithm();
        return switch (a.toUpperCase(Locale.ROOT)) {
            case "RSA", "RSASSA-PSS" -> "RSA";
            case "EC", "ECDSA" -> "EC";
            case "ED25519" -> "Ed25519";
            case "ED448" -> "Ed448";
            default -> a;
        };
    }

    /**
     * @param key a key
     * @return its size in bits, 0 when unknown
     */
    static int keyBits(Key key) {
        if (key instanceof RSAKey r) {
            return r.getModulus().bitLength();
        }
        if (key instanceof ECKey e) {
            return e.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAKey d && d.getParams() != null) {
            return d.getParams().getP().bitLength();
        }
        if (key instanceof EdECKey ed) {
            return ed.getParams().getName().equalsIgnoreCase("Ed448") ? 448 : 255;
        }
        return 0;
    }

    static boolean weakKey(String family, int bits) {
        if (bits <= 0) {
            return false;
        }
        return switch (family) {
            // No fact gives a DSA floor; conservatively DSA is held to the RSA one (same finite-field strength).
            case "RSA", "DSA" -> bits < MIN_RSA_BITS;
            case "EC" -> bits < MIN_EC_BITS;
            default -> false;
        };
    }

    static String describeKey(String family, int bits, Optional<String> curve) {
        if (bits <= 0) {
            return family;
        }
        if (family.equals("EC")) {
            return curve.map(c -> "EC " + c + " (" + bits + " bits)").orElse("EC " + bits + " bits");
        }
        return family + " " + bits + " bits";
    }
}
