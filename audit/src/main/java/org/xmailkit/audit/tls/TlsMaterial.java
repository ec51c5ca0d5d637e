package org.xmailkit.audit.tls;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;

/**
 * A MailRoot's TLS material as XMail 1.27 would load it, analysed offline: {@code server.cert} (leaf first, then
 * its chain), {@code server.key}, whether they belong together, and the chain's order and completeness against the
 * roots in view ({@code certs.pem}, {@code certs/} and the Java runtime's trust store).
 *
 * <p>The private key is read only to prove that it fits a certificate; it is never kept, returned or rendered.
 * Only its type, size, PEM block type and file permissions are.
 */
public final class TlsMaterial {

    private static final byte[] CHALLENGE =
            "xmailkit: does this key belong to the certificate?".getBytes(StandardCharsets.US_ASCII);

    private final CertificateFile certificate;
    private final KeyFile key;
    private final KeyMatch keyMatch;
    private final List<ChainIssue> chainIssues;

    private TlsMaterial(CertificateFile certificate, KeyFile key, KeyMatch keyMatch, List<ChainIssue> chainIssues) {
        this.certificate = certificate;
        this.key = key;
        this.keyMatch = keyMatch;
        this.chainIssues = List.copyOf(chainIssues);
    }

    /**
     * Reads a MailRoot's material afresh; an audit reads it once, through its {@link org.xmailkit.audit.AuditRun}.
     *
     * @param root a MailRoot
     * @return its TLS material
     */
    public static TlsMaterial load(MailRoot root) {
        Path dir = root.directory();
        List<X509Certificate> anchors = new ArrayList<>();
        root.certsPem().ifPresent(p -> anchors.addAll(TrustAnchors.bundle(root, p)));
        root.certsDir().ifPresent(p -> anchors.addAll(TrustAnchors.directory(root, p)));
        Optional<Path> certFound = root.serverCert();
        Optional<Path> keyFound = root.serverKey();
        Path cert = certFound.orElse(dir.resolve(MailRoot.SERVER_CERT));
        Path keyPath = keyFound.orElse(dir.resolve(MailRoot.SERVER_KEY));
        // Neither file there (or a bare server.tab): nothing to read, nor to look up again.
        if (root.bare() || (certFound.isEmpty() && keyFound.isEmpty())) {
            return new TlsMaterial(
                    missingCertificate(cert),
                    missingKey(keyPath),
                    new KeyMatch(KeyMatch.Kind.NOT_CHECKED, -1),
                    List.of());
        }
        // The runtime's roots last, and only when there is a chain to check: they are read once per run.
        anchors.addAll(TrustAnchors.runtime());
        return load(Pem.Source.of(root), cert, keyPath, anchors);
    }

    /**
     * Reads and analyses a certificate file and a key file.
     *
     * @param certPath the certificate (chain) file
     * @param keyPath  the private key file
     * @param anchors  the root certificates in view, for the completeness check
     * @return the analysed material
     */
    public static TlsMaterial load(Path certPath, Path keyPath, List<X509Certificate> anchors) {
        return load(Pem.Source.named(), certPath, keyPath, anchors);
    }

    private static TlsMaterial load(Pem.Source source, Path certPath, Path keyPath, List<X509Certificate> anchors) {
        CertificateFile cert = readCertificate(source, certPath);
        LoadedKey loaded = readKey(source, keyPath);
        KeyMatch match = new KeyMatch(KeyMatch.Kind.NOT_CHECKED, -1);
        if (cert.status() == FileStatus.OK && loaded.privateKey != null) {
            match = match(loaded.privateKey, cert.certificates());
        }
        List<ChainIssue> issues =
                cert.status() == FileStatus.OK ? chain(cert.certificates(), match, anchors) : List.of();
        return new TlsMaterial(cert, loaded.file, match, issues);
    }

    /** @return server.cert */
    public CertificateFile certificate() {
        return certificate;
    }

    /** @return server.key (facts only, never the key) */
    public KeyFile key() {
        return key;
    }

    /** @return whether the key belongs to the first certificate */
    public KeyMatch keyMatch() {
        return keyMatch;
    }

    /** @return the chain's order and completeness problems, in file order */
    public List<ChainIssue> chainIssues() {
        return chainIssues;
    }

    /** @return whether both files exist */
    public boolean bothPresent() {
        return certificate.present() && key.present();
    }

    // ------------------------------------------------------------------ certificate

    private static CertificateFile missingCertificate(Path p) {
        return new CertificateFile(p, FileStatus.MISSING, List.of(), false, "");
    }

    static CertificateFile readCertificate(Path p) {
        return readCertificate(Pem.Source.named(), p);
    }

    private static CertificateFile readCertificate(Pem.Source source, Path p) {
        byte[] bytes;
        try {
            bytes = source.read(p);
        } catch (InputException e) {
            if (e.reason() == InputException.Reason.MISSING) {
                return missingCertificate(p);
            }
            return new CertificateFile(p, FileStatus.UNREADABLE, List.of(), false, problem(e));
        }
        if (Pem.looksDer(bytes)) {
            return new CertificateFile(p, FileStatus.NOT_PEM, List.of(), false, "");
        }
        boolean textBefore = Pem.textBeforeFirstBlock(bytes);
        List<PemObject> blocks;
        try {
            blocks = Pem.blocks(bytes);
        } catch (IOException e) {
            return new CertificateFile(p, FileStatus.INVALID, List.of(), textBefore, describe(e));
        }
        List<CertificateFacts> certs = new ArrayList<>();
        for (PemObject o : blocks) {
            if (!Pem.isCertificate(o.getType().toUpperCase(Locale.ROOT))) {
                continue;
            }
            try {
                certs.add(new CertificateFacts(certs.size(), Pem.certificate(o)));
            } catch (CertificateException | IOException | RuntimeException e) {
                // OpenSSL stops with an error at a certificate block it cannot parse, so the whole file fails.
                return new CertificateFile(
                        p,
                        FileStatus.INVALID,
                        List.of(),
                        textBefore,
                        "certificate #" + (certs.size() + 1) + ": " + describe(e));
            }
        }
        if (certs.isEmpty()) {
            return new CertificateFile(p, FileStatus.EMPTY, List.of(), textBefore, "");
        }
        return new CertificateFile(p, FileStatus.OK, certs, textBefore, "");
    }

    // ------------------------------------------------------------------ key

    /** A key as read: its public facts, and the private key for the match check only. No toString. */
    private static final class LoadedKey {
        final KeyFile file;
        final PrivateKey privateKey;

        LoadedKey(KeyFile file, PrivateKey privateKey) {
            this.file = file;
            this.privateKey = privateKey;
        }
    }

    private static KeyFile missingKey(Path p) {
        return new KeyFile(p, FileStatus.MISSING, "", "", 0, Optional.empty(), "");
    }

    private static LoadedKey readKey(Pem.Source source, Path p) {
        byte[] bytes;
        try {
            bytes = source.read(p);
        } catch (InputException e) {
            if (e.reason() == InputException.Reason.MISSING) {
                return new LoadedKey(missingKey(p), null);
            }
            // A refused key (a link leaving the MailRoot, a special file) is not looked at any further.
            Optional<Set<PosixFilePermission>> perms =
                    e.reason() == InputException.Reason.UNREADABLE ? permissions(p) : Optional.empty();
            return new LoadedKey(new KeyFile(p, FileStatus.UNREADABLE, "", "", 0, perms, problem(e)), null);
        }
        Optional<Set<PosixFilePermission>> perms = permissions(p);
        try {
            if (Pem.looksDer(bytes)) {
                return new LoadedKey(new KeyFile(p, FileStatus.NOT_PEM, "", "", 0, perms, ""), null);
            }
            List<PemObject> blocks;
            try {
                blocks = Pem.blocks(bytes);
            } catch (IOException e) {
                return new LoadedKey(new KeyFile(p, FileStatus.INVALID, "", "", 0, perms, ""), null);
            }
            PemObject block = blocks.stream()
                    .filter(o -> Pem.isPrivateKey(o.getType().toUpperCase(Locale.ROOT)))
                    .findFirst()
                    .orElse(null);
            if (block == null) {
                return new LoadedKey(new KeyFile(p, FileStatus.EMPTY, "", "", 0, perms, ""), null);
            }
            String type = block.getType().toUpperCase(Locale.ROOT);
            if (type.equals("ENCRYPTED PRIVATE KEY") || procTypeEncrypted(block)) {
                return new LoadedKey(new KeyFile(p, FileStatus.ENCRYPTED, type, "", 0, perms, ""), null);
            }
            PrivateKey pk = privateKey(block);
            if (pk == null) {
                return new LoadedKey(new KeyFile(p, FileStatus.INVALID, type, "", 0, perms, ""), null);
            }
            return new LoadedKey(
                    new KeyFile(
                            p,
                            FileStatus.OK,
                            type,
                            CertificateFacts.keyFamily(pk),
                            CertificateFacts.keyBits(pk),
                            perms,
                            ""),
                    pk);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static boolean procTypeEncrypted(PemObject block) {
        for (Object h : block.getHeaders()) {
            if (h instanceof PemHeader ph
                    && ph.getName().equalsIgnoreCase("Proc-Type")
                    && ph.getValue().toUpperCase(Locale.ROOT).contains("ENCRYPTED")) {
                return true;
            }
        }
        return false;
    }

    private static PrivateKey privateKey(PemObject block) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(Pem.bc());
        try (PEMParser parser = new PEMParser(new StringReader(Pem.text(block)))) {
            Object o = parser.readObject();
            if (o instanceof PEMKeyPair kp) {
                return converter.getKeyPair(kp).getPrivate();
            }
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                return null;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            // Parser messages are not passed on: they could quote the file's content.
            return null;
        }
    }

    private static Optional<Set<PosixFilePermission>> permissions(Path p) {
        try {
            return Optional.of(Files.getPosixFilePermissions(p));
        } catch (UnsupportedOperationException | IOException | SecurityException e) {
            // Not a POSIX file system (Windows ACLs are not judged): the permission check is skipped.
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ key match

    private static KeyMatch match(PrivateKey key, List<CertificateFacts> certs) {
        for (CertificateFacts c : certs) {
            if (proves(key, c.publicKey())) {
                return new KeyMatch(c.index() == 0 ? KeyMatch.Kind.LEAF : KeyMatch.Kind.OTHER, c.index());
            }
        }
        return new KeyMatch(KeyMatch.Kind.NONE, -1);
    }

    private static boolean proves(PrivateKey key, PublicKey certKey) {
        String family = CertificateFacts.keyFamily(key);
        if (!family.equals(CertificateFacts.keyFamily(certKey))) {
            return false;
        }
        boolean pss = key.getAlgorithm().equalsIgnoreCase("RSASSA-PSS");
        String alg =
                switch (family) {
                    case "RSA" -> pss ? "SHA256withRSAandMGF1" : "SHA256withRSA";
                    case "EC" -> "SHA256withECDSA";
                    case "DSA" -> "SHA256withDSA";
                    case "Ed25519" -> "Ed25519";
                    case "Ed448" -> "Ed448";
                    default -> null;
                };
        if (alg == null) {
            return false;
        }
        try {
            PublicKey pub = new JcaPEMKeyConverter()
                    .setProvider(Pem.bc())
                    .getPublicKey(SubjectPublicKeyInfo.getInstance(certKey.getEncoded()));
            Signature s = Signature.getInstance(alg, Pem.bc());
            s.initSign(key);
            s.update(CHALLENGE);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg, Pem.bc());
            v.initVerify(pub);
            v.update(CHALLENGE);
            return v.verify(sig);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ chain

    /**
     * The order and completeness of a chain a server sent (leaf first), against the Java runtime's roots.
     *
     * @param served the certificates as sent
     * @return the problems, as for server.cert
     */
    public static List<ChainIssue> servedChain(List<X509Certificate> served) {
        List<CertificateFacts> certs = new ArrayList<>();
        for (int i = 0; i < served.size(); i++) {
            certs.add(new CertificateFacts(i, served.get(i)));
        }
        return certs.isEmpty() ? List.of() : chain(certs, new KeyMatch(KeyMatch.Kind.LEAF, 0), TrustAnchors.runtime());
    }

    static List<ChainIssue> chain(List<CertificateFacts> certs, KeyMatch match, List<X509Certificate> anchors) {
        List<ChainIssue> out = new ArrayList<>();
        int n = certs.size();
        if (match.kind() == KeyMatch.Kind.OTHER) {
            out.add(new ChainIssue(ChainIssue.Kind.LEAF_NOT_FIRST, 0, match.certificateIndex(), ""));
        } else if (match.kind() != KeyMatch.Kind.LEAF && certs.get(0).ca()) {
            for (CertificateFacts c : certs) {
                if (!c.ca()) {
                    out.add(new ChainIssue(ChainIssue.Kind.LEAF_NOT_FIRST, 0, c.index(), ""));
                    break;
                }
            }
        }
        Set<Integer> duplicates = new HashSet<>();
        for (int j = 1; j < n; j++) {
            for (int i = 0; i < j; i++) {
                if (certs.get(i).certificate().equals(certs.get(j).certificate())) {
                    out.add(new ChainIssue(ChainIssue.Kind.DUPLICATE, j, i, ""));
                    duplicates.add(j);
                    break;
                }
            }
        }
        for (int i = 0; i + 1 < n; i++) {
            X509Certificate c = certs.get(i).certificate();
            if (duplicates.contains(i + 1)
                    || Issuance.issuedBy(c, certs.get(i + 1).certificate())
                    || certs.get(i).selfSigned()) {
                continue;
            }
            int at = -1;
            for (int j = 0; j < n; j++) {
                if (j != i
                        && j != i + 1
                        && !duplicates.contains(j)
                        && Issuance.issuedBy(c, certs.get(j).certificate())) {
                    at = j;
                    break;
                }
            }
            out.add(
                    at >= 0
                            ? new ChainIssue(ChainIssue.Kind.OUT_OF_ORDER, i, at, "")
                            : new ChainIssue(ChainIssue.Kind.NOT_ISSUED_BY_NEXT, i, i + 1, ""));
        }
        // Follow issuers from the first certificate (the one XMail presents) through the file, then the roots.
        Set<Integer> visited = new HashSet<>();
        int cur = 0;
        visited.add(0);
        while (true) {
            CertificateFacts c = certs.get(cur);
            if (c.selfSigned()) {
                break;
            }
            int next = -1;
            for (int j = 0; j < n; j++) {
                if (!visited.contains(j)
                        && Issuance.issuedBy(c.certificate(), certs.get(j).certificate())) {
                    next = j;
                    break;
                }
            }
            if (next >= 0) {
                visited.add(next);
                cur = next;
                continue;
            }
            boolean anchored = anchors.stream().anyMatch(a -> Issuance.issuedBy(c.certificate(), a));
            if (!anchored) {
                out.add(new ChainIssue(ChainIssue.Kind.INCOMPLETE, cur, -1, c.issuer()));
            }
            break;
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * What went wrong reading a file, for {@link FileStatus#UNREADABLE}: the system's reason (in English, as the
     * system gives it), or empty when xmailkit refused the file (a link leaving the MailRoot, a special file, over
     * the bound), which the MailRoot's read errors name in the reader's language.
     */
    private static String problem(InputException e) {
        if (e.reason() != InputException.Reason.UNREADABLE) {
            return "";
        }
        String full = e.oneLine(Locale.ENGLISH);
        String prefix = e.path() + ": ";
        return full.startsWith(prefix) ? full.substring(prefix.length()) : full;
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
