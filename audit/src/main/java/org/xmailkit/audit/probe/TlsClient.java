package org.xmailkit.audit.probe;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.xmailkit.audit.tls.HostNames;

/**
 * The probe's TLS client: the JDK's own stack (JSSE), one fresh context per handshake so that nothing is resumed, a
 * trust manager that accepts and records whatever chain the server sends (the probe reports on certificates; it
 * does not trust them for anything), and no host name check (the probe compares names itself).
 */
final class TlsClient {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The signalling value of RFC 5746: offered by the JDK on its own, never a suite to test. */
    private static final String SCSV = "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";

    private TlsClient() {}

    /** Accepts any server chain and keeps it. */
    static final class Recorder extends X509ExtendedTrustManager {
        private volatile List<X509Certificate> chain = List.of();

        /** @return the chain the server sent, leaf first (empty when the handshake did not get that far) */
        List<X509Certificate> chain() {
            return chain;
        }

        private void keep(X509Certificate[] c) {
            chain = c == null ? List.of() : List.copyOf(Arrays.asList(c));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket) {
            keep(c);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine engine) {
            keep(c);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType) {
            keep(c);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, Socket socket) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /**
     * The outcome of one handshake attempt.
     *
     * @param handshake what happened
     * @param chain     the chain the server sent, if it got that far
     * @param socket    the TLS socket when the handshake completed, else null
     */
    record Attempt(Handshake handshake, List<X509Certificate> chain, SSLSocket socket) {
        Attempt {
            chain = List.copyOf(chain);
        }
    }

    /**
     * @param recorder the trust manager
     * @return a fresh client context
     * @throws GeneralSecurityException when the JDK has no TLS
     */
    static SSLContext context(Recorder recorder) throws GeneralSecurityException {
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, new TrustManager[] {recorder}, RANDOM);
        return c;
    }

    /** @return every cipher suite this runtime can offer, without the RFC 5746 signal */
    static List<String> allSuites() {
        try {
            List<String> out = new ArrayList<>();
            for (String s : context(new Recorder()).getSupportedSSLParameters().getCipherSuites()) {
                if (!s.equals(SCSV)) {
                    out.add(s);
                }
            }
            return out;
        } catch (GeneralSecurityException e) {
            return List.of();
        }
    }

    /**
     * @return the suites an ordinary client offers: the JDK's defaults, without the 3DES ones the probe's own
     *         set-up lets in ({@link TlsPolicy#allowLegacy()})
     */
    static List<String> defaultSuites() {
        try {
            return Arrays.stream(
                            context(new Recorder()).getDefaultSSLParameters().getCipherSuites())
                    .filter(s -> !s.equals(SCSV) && !s.contains("3DES") && Strength.of(s) != Strength.INSECURE)
                    .toList();
        } catch (GeneralSecurityException e) {
            return List.of();
        }
    }

    /**
     * @param protocol a protocol version
     * @param suites   suites
     * @return those that can be negotiated with it (TLS 1.3 has its own suites; GCM, ChaCha20 and SHA-2 MACs need
     *         TLS 1.2)
     */
    static List<String> applicable(String protocol, List<String> suites) {
        boolean tls13 = protocol.equals("TLSv1.3");
        List<String> out = new ArrayList<>();
        for (String s : suites) {
            boolean own13 = s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_");
            if (tls13 != own13) {
                continue;
            }
            boolean needs12 = s.contains("_GCM_")
                    || s.contains("CHACHA20")
                    || s.endsWith("_SHA256")
                    || s.endsWith("_SHA384")
                    || s.contains("_CCM");
            if (!tls13 && needs12 && !protocol.equals("TLSv1.2")) {
                continue;
            }
            out.add(s);
        }
        return out;
    }

    /**
     * Runs a client handshake over an open connection.
     *
     * @param plain     the connection, at the point where TLS starts
     * @param host      the host as given (sent as SNI when it is a name)
     * @param port      the port
     * @param protocols the versions to offer
     * @param suites    the suites to offer
     * @return the attempt; on success the TLS socket owns the connection
     */
    static Attempt handshake(Socket plain, String host, int port, List<String> protocols, List<String> suites) {
        Recorder recorder = new Recorder();
        SSLSocket tls = null;
        try {
            SSLContext c = context(recorder);
            tls = (SSLSocket) c.getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters p = tls.getSSLParameters();
            p.setProtocols(protocols.toArray(String[]::new));
            p.setCipherSuites(suites.toArray(String[]::new));
            p.setEndpointIdentificationAlgorithm(null);
            if (!HostNames.isIpLiteral(host) && host.indexOf('.') > 0) {
                p.setServerNames(List.of(new SNIHostName(host.toLowerCase(Locale.ROOT))));
            }
            tls.setSSLParameters(p);
            tls.startHandshake();
            return new Attempt(
                    Handshake.completed(
                            tls.getSession().getProtocol(), tls.getSession().getCipherSuite()),
                    recorder.chain(),
                    tls);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (tls != null) {
                try {
                    tls.close();
                } catch (IOException closing) {
                    // the handshake failed; the connection is dropped either way
                }
            }
            return new Attempt(Handshake.failed(Wire.describe(e)), recorder.chain(), null);
        }
    }
}
