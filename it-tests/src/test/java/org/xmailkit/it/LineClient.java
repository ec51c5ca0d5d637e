package org.xmailkit.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A client for XMail's line protocols (SMTP, POP3, CTRL) on 127.0.0.1 only, every wait bounded (by default 5 s
 * to connect and per read; lines at most 64 KiB). Lines are sent with CRLF and read as ISO-8859-1 (byte for byte),
 * CRLF or LF removed. {@link #startTls} turns the connection into TLS, trusting any certificate: the tests look at
 * whether XMail completes a handshake, not at who it is.
 */
final class LineClient implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int MAX_LINE = 64 * 1024;

    private final int timeout;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private LineClient(Socket socket, int timeout) throws IOException {
        this.timeout = timeout;
        use(socket);
    }

    /**
     * @param port a port on 127.0.0.1
     * @return a connected client
     */
    static LineClient connect(int port) {
        return connect(port, TIMEOUT_MILLIS);
    }

    /**
     * @param port          a port on 127.0.0.1
     * @param timeoutMillis how long to wait to connect and for each read
     * @return a connected client
     */
    static LineClient connect(int port, int timeoutMillis) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
            return new LineClient(s, timeoutMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to 127.0.0.1:" + port, e);
        }
    }

    /**
     * @param port a port on 127.0.0.1 that speaks TLS from the first byte (SMTPS, POP3S, CTRLS)
     * @return a connected client after the handshake
     * @throws SSLException when the handshake fails
     */
    static LineClient connectTls(int port) throws SSLException {
        LineClient c = connect(port);
        c.startTls();
        return c;
    }

    /**
     * Runs a TLS handshake on the connection (after STARTTLS, STLS or the like was answered).
     *
     * @throws SSLException when the handshake fails, including when XMail drops the connection
     */
    void startTls() throws SSLException {
        try {
            SSLSocket tls =
                    (SSLSocket) trustAll().getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
            tls.setUseClientMode(true);
            tls.setSoTimeout(timeout);
            tls.startHandshake();
            use(tls);
        } catch (SSLException e) {
            throw e;
        } catch (IOException e) {
            throw new SSLException("TLS handshake failed: " + e, e);
        }
    }

    /** @return the certificate the server presented in the TLS handshake */
    X509Certificate peerCertificate() {
        try {
            return (X509Certificate) ((SSLSocket) socket).getSession().getPeerCertificates()[0];
        } catch (SSLPeerUnverifiedException | ClassCastException e) {
            throw new IllegalStateException("no TLS session with a server certificate", e);
        }
    }

    /** @return whether the connection is TLS now */
    boolean tls() {
        return socket instanceof SSLSocket;
    }

    /** @param line a command, sent with CRLF */
    void write(String line) {
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send to 127.0.0.1:" + socket.getPort(), e);
        }
    }

    /** @return the next line, without its end; null when the server closed the connection */
    String line() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); ; b = in.read()) {
                if (b < 0) {
                    return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
                }
                if (b == '\n') {
                    String s = buf.toString(StandardCharsets.ISO_8859_1);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                if (buf.size() >= MAX_LINE) {
                    throw new IllegalStateException("a line longer than " + MAX_LINE + " bytes");
                }
                buf.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw new UncheckedIOException(
                    "no answer from 127.0.0.1:" + socket.getPort() + " within " + timeout + " ms", e);
        } catch (IOException e) {
            // A reset is the server dropping the connection.
            return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** @return an SMTP reply: its lines up to the one with a space after the code; empty when the server closed */
    List<String> reply() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String l = line();
            if (l == null) {
                return lines;
            }
            lines.add(l);
            if (l.length() < 4 || l.charAt(3) != '-') {
                return lines;
            }
        }
        throw new IllegalStateException("a reply of more than 1000 lines");
    }

    /**
     * @param command an SMTP command
     * @return its reply
     */
    List<String> smtp(String command) {
        write(command);
        return reply();
    }

    /**
     * @param command a POP3 or CTRL command
     * @return the one line that answers it (null when the server closed the connection)
     */
    String ask(String command) {
        write(command);
        return line();
    }

    /** @return whether the server closes the connection (rather than sending a line) within the read timeout */
    boolean closedByServer() {
        try {
            return line() == null;
        } catch (UncheckedIOException timeout) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to do about it.
        }
    }

    private void use(Socket s) throws IOException {
        s.setSoTimeout(timeout);
        socket = s;
        in = new BufferedInputStream(s.getInputStream());
        out = s.getOutputStream();
    }

    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(
                    null,
                    new TrustManager[] {
                        new X509TrustManager() {
                            @Override
                            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                                // The client's side is not used.
                            }

                            @Override
                            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                                // Any certificate: the tests look at whether a handshake completes.
                            }

                            @Override
                            public X509Certificate[] getAcceptedIssuers() {
                                return new X509Certificate[0];
                            }
                        }
                    },
                    new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
