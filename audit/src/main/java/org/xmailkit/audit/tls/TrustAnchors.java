package org.xmailkit.audit.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.fs.SafeReader;

/**
 * The root certificates an offline audit can see: the Java runtime's trust store (standing in for the public roots
 * every client has), plus a MailRoot's {@code certs.pem} and {@code certs/}.
 */
public final class TrustAnchors {

    /** At most this many files of a CA directory are read. */
    static final int MAX_DIRECTORY_FILES = 2000;

    private TrustAnchors() {}

    private static volatile List<X509Certificate> runtimeRoots;

    /** @return the Java runtime's default trusted roots (read once), or none when they cannot be read */
    public static List<X509Certificate> runtime() {
        // Not a class initializer: one that runs out of memory (a huge server beside it) would leave the class
        // unusable for the rest of the run; this is simply loaded again by the next caller.
        List<X509Certificate> r = runtimeRoots;
        if (r == null) {
            synchronized (TrustAnchors.class) {
                r = runtimeRoots;
                if (r == null) {
                    r = loadRuntime();
                    runtimeRoots = r;
                }
            }
        }
        return r;
    }

    private static List<X509Certificate> loadRuntime() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            List<X509Certificate> out = new ArrayList<>();
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    out.addAll(List.of(x.getAcceptedIssuers()));
                }
            }
            return List.copyOf(out);
        } catch (GeneralSecurityException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * @param root    the MailRoot the bundle belongs to (it is read inside it only)
     * @param pemFile a CA bundle such as {@code certs.pem}
     * @return its certificates (broken entries skipped; none when it cannot be read)
     */
    public static List<X509Certificate> bundle(MailRoot root, Path pemFile) {
        return Pem.certificatesLenient(Pem.Source.of(root), pemFile);
    }

    /**
     * @param root the MailRoot the directory belongs to (it is listed and read inside it only)
     * @param dir  a CA directory such as {@code certs/}
     * @return the certificates of its regular files (not recursive; broken files skipped)
     */
    public static List<X509Certificate> directory(MailRoot root, Path dir) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            for (Path f : root.list(dir, "*", MAX_DIRECTORY_FILES)) {
                if (root.kind(f) == SafeReader.Kind.FILE) {
                    out.addAll(Pem.certificatesLenient(Pem.Source.of(root), f));
                }
            }
        } catch (InputException e) {
            return out; // remembered as a read error of the MailRoot
        }
        return out;
    }
}
