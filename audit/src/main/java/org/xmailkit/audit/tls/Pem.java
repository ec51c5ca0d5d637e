package org.xmailkit.audit.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.fs.ReadPolicy;
import org.xmailkit.model.fs.SafeReader;

/**
 * PEM reading the way OpenSSL's PEM routines see a file: any text before, between or after the
 * {@code -----BEGIN ...-----} blocks is skipped (OpenSSL's {@code openssl ca} writes a human-readable dump before the
 * block), and blocks of other types are passed over.
 */
final class Pem {

    private static final String BEGIN = "-----BEGIN ";

    private static final Set<String> PRIVATE_KEY_TYPES = Set.of(
            "PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY",
            "ANY PRIVATE KEY",
            "RSA PRIVATE KEY",
            "DSA PRIVATE KEY",
            "EC PRIVATE KEY");

    private Pem() {}

    private static volatile Provider provider;

    /** The BouncyCastle provider, used as an instance only (never registered globally). */
    static Provider bc() {
        // Not a class initializer, for the same reason as TrustAnchors.runtime(): a failed load is tried again.
        Provider p = provider;
        if (p == null) {
            synchronized (Pem.class) {
                p = provider;
                if (p == null) {
                    p = new BouncyCastleProvider();
                    provider = p;
                }
            }
        }
        return p;
    }

    /** Where TLS files are read from: a MailRoot's safe reader, or one bounded by a named file's directory. */
    @FunctionalInterface
    interface Source {
        /**
         * @param path a file
         * @return its bytes, within {@link ReadPolicy#PEM}
         * @throws InputException when it is missing, refused or cannot be read
         */
        byte[] read(Path path) throws InputException;

        /** @return a source reading each file as if it were named on the command line */
        static Source named() {
            return p -> SafeReader.forFile(p).read(p, ReadPolicy.PEM);
        }

        /**
         * @param root a MailRoot
         * @return a source reading inside it (refusals are remembered as its read errors)
         */
        static Source of(MailRoot root) {
            return p -> root.read(p, ReadPolicy.PEM);
        }
    }

    /**
     * @param bytes file content
     * @return whether it holds a PEM begin line at all
     */
    static boolean hasPem(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(BEGIN);
    }

    /**
     * @param bytes file content
     * @return whether it looks like binary DER (an ASN.1 SEQUENCE), which OpenSSL's PEM readers do not accept
     */
    static boolean looksDer(byte[] bytes) {
        return bytes.length > 1 && (bytes[0] & 0xFF) == 0x30 && !hasPem(bytes);
    }

    /**
     * @param bytes file content
     * @return whether non-blank text comes before the first PEM block
     */
    static boolean textBeforeFirstBlock(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(BEGIN);
        return at > 0 && !s.substring(0, at).isBlank();
    }

    /**
     * @param bytes file content
     * @return the PEM blocks, in order
     * @throws IOException when a block is malformed (bad base64, no end line)
     */
    static List<PemObject> blocks(byte[] bytes) throws IOException {
        List<PemObject> out = new ArrayList<>();
        try (PemReader r =
                new PemReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.ISO_8859_1))) {
            PemObject o;
            while ((o = r.readPemObject()) != null) {
                out.add(o);
            }
        } catch (RuntimeException e) {
            // BouncyCastle reports bad base64 with an unchecked exception.
            throw new IOException("malformed PEM block: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * @param o a block
     * @return it written back as PEM text (for BouncyCastle's typed parser)
     * @throws IOException never in practice
     */
    static String text(PemObject o) throws IOException {
        StringWriter w = new StringWriter();
        try (PemWriter pw = new PemWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }

    /**
     * @param type a block type
     * @return whether OpenSSL's certificate readers take it
     */
    static boolean isCertificate(String type) {
        return type.equals("CERTIFICATE") || type.equals("X509 CERTIFICATE") || type.equals("TRUSTED CERTIFICATE");
    }

    /**
     * @param type a block type
     * @return whether OpenSSL's private-key reader takes it
     */
    static boolean isPrivateKey(String type) {
        return PRIVATE_KEY_TYPES.contains(type);
    }

    /**
     * @param o a certificate block
     * @return the certificate
     * @throws CertificateException when it does not parse
     * @throws IOException          when a trusted-certificate block does not parse
     */
    static X509Certificate certificate(PemObject o) throws CertificateException, IOException {
        byte[] der = o.getContent();
        if (o.getType().equals("TRUSTED CERTIFICATE")) {
            der = new X509TrustedCertificateBlock(der).getCertificateHolder().getEncoded();
        }
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
    }

    /**
     * Reads every certificate of a PEM file, skipping blocks that do not parse (for CA bundles, where one bad entry
     * does not make the others useless).
     *
     * @param source where the file is read from
     * @param path   a file
     * @return its certificates (none when it cannot be read)
     */
    static List<X509Certificate> certificatesLenient(Source source, Path path) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            for (PemObject o : blocks(source.read(path))) {
                if (isCertificate(o.getType().toUpperCase(Locale.ROOT))) {
                    try {
                        out.add(certificate(o));
                    } catch (CertificateException | IOException | RuntimeException e) {
                        // A broken entry in a CA bundle is skipped, as OpenSSL's bundle loader does.
                    }
                }
            }
        } catch (IOException | InputException e) {
            return out;
        }
        return out;
    }
}
