package org.xmailkit.audit.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The root certificates an offline audit can see: the Java runtime's trust store (standing in for the public roots
 * every client has), plus a MailRoot's {@code certs.pem} and {@code certs/}.
 */
public final class TrustAnchors {

    /** At most this many files of a CA directory are read. */
    static final int MAX_DIRECTORY_FILES = 2000;

    private TrustAnchors() {
    }

    /** @return the Java runtime's default trusted roots (read once), or none when they cannot be read */
    public static List<X509Certificate> runtime() {
        return RuntimeHolder.ROOTS;
    }

    private static final class RuntimeHolder {
        static final List<X509Certificate> ROOTS = loadRuntime();
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
     * @param pemFile a CA bundle such as {@code certs.pem}
     * @return its certificates (broken entries skipped)
     */
    public static List<X509Certificate> bundle(Path pemFile) {
        return Pem.certificatesLenient(pemFile);
    }

    /**
     * @param dir a CA directory such as {@code certs/}
     * @return the certificates of its regular files (not recursive; broken files skipped)
     */
    public static List<X509Certificate> directory(Path dir) {
        List<X509Certificate> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).sorted().limit(MAX_DIRECTORY_FILES)
                    .forEach(f -> out.addAll(Pem.certificatesLenient(f)));
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }
}
