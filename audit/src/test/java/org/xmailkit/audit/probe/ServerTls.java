package org.xmailkit.audit.probe;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.xmailkit.audit.testing.TestPki;

/**
 * The server side of TLS in the probe tests: the JDK's own TLS server with a certificate made at test time and the
 * protocol versions and cipher suites a test asks for (after {@link TlsPolicy#allowLegacy()}, so that TLS 1.0 and
 * weak suites can be offered, as XMail with an old OpenSSL does).
 *
 * @param chain     the certificates to send, leaf first
 * @param key       the leaf's key pair
 * @param protocols the versions to accept, or empty for the JDK's defaults
 * @param suites    the suites to accept, or empty for the JDK's defaults
 */
public record ServerTls(List<X509Certificate> chain, KeyPair key, List<String> protocols, List<String> suites) {

    static {
        TlsPolicy.allowLegacy();
    }

    /**
     * @return a valid, self-signed RSA 2048 certificate for mail.example.test, TLS 1.2 and 1.3, two suites each
     *         (few suites keep the scan, one handshake per suite, short)
     */
    public static ServerTls standard() {
        return of(TestPki.cert("mail.example.test")
                        .valid(
                                Instant.now().minus(Duration.ofDays(10)),
                                Instant.now().plus(Duration.ofDays(300)))
                        .issue())
                .suites(
                        "TLS_AES_128_GCM_SHA256",
                        "TLS_AES_256_GCM_SHA384",
                        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
    }

    /**
     * @param leaf a certificate and its key
     * @return TLS with it, TLS 1.2 and 1.3, the JDK's default suites
     */
    public static ServerTls of(TestPki.Issued leaf) {
        return new ServerTls(List.of(leaf.cert()), leaf.key(), List.of("TLSv1.3", "TLSv1.2"), List.of());
    }

    /**
     * @param p versions
     * @return this with only those versions
     */
    public ServerTls protocols(String... p) {
        return new ServerTls(chain, key, List.of(p), suites);
    }

    /**
     * @param s suites
     * @return this with only those suites
     */
    public ServerTls suites(String... s) {
        return new ServerTls(chain, key, protocols, List.of(s));
    }

    /**
     * @param c the chain to send
     * @return this sending that chain
     */
    public ServerTls sending(X509Certificate... c) {
        return new ServerTls(List.of(c), key, protocols, suites);
    }

    /**
     * Runs the server side of a handshake over an accepted connection.
     *
     * @param plain the connection
     * @return the TLS socket, handshake done
     * @throws IOException when the handshake fails
     */
    public SSLSocket accept(Socket plain) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key.getPrivate(), new char[0], chain.toArray(Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, new char[0]);
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf.getKeyManagers(), null, null);
            SSLSocket s = (SSLSocket) c.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
            s.setUseClientMode(false);
            if (!protocols.isEmpty()) {
                s.setEnabledProtocols(protocols.toArray(String[]::new));
            }
            if (!suites.isEmpty()) {
                s.setEnabledCipherSuites(suites.toArray(String[]::new));
            }
            s.startHandshake();
            return s;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
