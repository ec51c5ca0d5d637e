package org.xmailkit.model.ctrl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import jdk.net.ExtendedSocketOptions;
import org.xmailkit.model.fs.ReadPolicy;

/**
 * One session with an XMail CTRL server (Readme.txt "XMAIL ADMIN PROTOCOL", CTRLSvr.cpp): TLS first (CTRLS, or
 * {@code #!TLS} before the login), then the MD5 login, then commands. The password never crosses the wire: the login
 * line carries {@code #} and the MD5 of the greeting's {@code <timestamp>} followed by the password
 * (MiscUtils.cpp MscMD5Authenticate), whatever the transport. Every answer is bounded (line length, lines, bytes) and
 * every wait has a timeout; nothing is retried, and a session that broke is not used again.
 */
public final class CtrlSession implements AutoCloseable {

    /** The longest line read from a server (XMail's own lines are at most 2048 bytes plus a dot). */
    public static final int MAX_LINE = 4096;
    /** The most entries a listing may hold. */
    public static final int MAX_ENTRIES = 10_000;
    /** The most bytes one file may hold, as for text files on disk ({@link ReadPolicy#TEXT}). */
    public static final long MAX_FILE_BYTES = ReadPolicy.TEXT.maxBytes();
    /** The longest command line XMail reads (CTRLSvr.cpp CTRL_MAX_LINE_SIZE 4096, less CRLF and the end byte). */
    private static final int MAX_COMMAND = 4000;

    /**
     * A CTRL reply line: {@code +NNNNN text} or {@code -NNNNN text} (CTRLSvr.cpp CTRLSendCmdResult); group 1 is the
     * sign, group 2 the code, group 3 the text.
     */
    public static final Pattern REPLY = Pattern.compile("([+-])(\\d{5})(?: (.*))?");
    /** The first line that asks CTRL on its plain port to switch to TLS (CTRLSvr.cpp CTRLLogin). */
    public static final String START_TLS = "#!TLS";

    private static final Pattern ENTRY = Pattern.compile("\"(.*)\"\t\"(\\d{1,18})\"", Pattern.DOTALL);

    /**
     * A file in a listing.
     *
     * @param name its name as the server sent it (ISO-8859-1, so every byte is kept)
     * @param size its size in bytes
     */
    public record Entry(String name, long size) {}

    private final String server;
    private final Socket raw;
    private final boolean quickAck;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Optional<String> fingerprint;
    private final boolean firstUse;
    private final CtrlTransport transport;
    private boolean broken;
    private boolean closed;

    private CtrlSession(
            String server,
            Socket raw,
            Socket socket,
            Optional<String> fingerprint,
            boolean firstUse,
            CtrlTransport transport)
            throws IOException {
        this.server = server;
        this.raw = raw;
        this.quickAck = raw.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        this.fingerprint = fingerprint;
        this.firstUse = firstUse;
        this.transport = transport;
    }

    /**
     * Connects, protects the session as the settings say, and logs in with MD5.
     *
     * @param url      the server and CTRL account
     * @param settings transport, trust and timeouts
     * @param password the account's password (not kept; the caller clears it)
     * @return the logged-in session
     * @throws CtrlException when the server cannot be reached, trusted or logged in to
     */
    public static CtrlSession open(CtrlUrl url, CtrlSettings settings, byte[] password) throws CtrlException {
        String server = url.toString();
        Socket raw = new Socket();
        Socket socket = raw;
        try {
            try {
                raw.connect(new InetSocketAddress(url.host(), url.port()), (int)
                        settings.connectTimeout().toMillis());
                raw.setSoTimeout((int) settings.readTimeout().toMillis());
            } catch (UnknownHostException e) {
                throw new CtrlException(server, CtrlException.Kind.CONNECT, e, "unknown host");
            } catch (SocketTimeoutException e) {
                throw new CtrlException(server, CtrlException.Kind.TIMEOUT, e);
            } catch (IOException e) {
                throw new CtrlException(
                        server, CtrlException.Kind.CONNECT, e, CtrlException.printable(String.valueOf(e.getMessage())));
            }
            Trust trust = null;
            if (settings.transport() == CtrlTransport.TLS) {
                trust = Trust.of(server, url, settings.trust());
                socket = handshake(server, raw, url, trust);
            }
            Lines lines = new Lines(server, socket);
            String greeting = lines.reply(null);
            if (settings.transport() == CtrlTransport.STARTTLS) {
                lines.send(START_TLS);
                lines.reply(START_TLS);
                trust = Trust.of(server, url, settings.trust());
                socket = handshake(server, socket, url, trust);
                lines = new Lines(server, socket);
            }
            String stamp = timestamp(server, greeting);
            lines.send("\"" + url.user() + "\"\t\"#" + md5(stamp, password) + "\"");
            lines.reply("login");
            boolean first = false;
            Optional<String> fp = Optional.empty();
            if (trust != null) {
                fp = Optional.of(trust.seen);
                first = trust.recordIfNew();
            }
            return new CtrlSession(server, raw, socket, fp, first, settings.transport());
        } catch (CtrlException e) {
            closeQuietly(socket);
            closeQuietly(raw);
            throw e;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new CtrlException(server, CtrlException.Kind.TIMEOUT, e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new CtrlException(server, CtrlException.Kind.CLOSED, e);
        }
    }

    /** @return the server, as {@code ctrl://user@host:port} */
    public String server() {
        return server;
    }

    /** @return the SHA-256 fingerprint of the server's certificate (64 hex digits), unless in clear text */
    public Optional<String> fingerprint() {
        return fingerprint;
    }

    /** @return whether the certificate was trusted on first use and recorded in the known-hosts file just now */
    public boolean firstUse() {
        return firstUse;
    }

    /** @return how the session is protected */
    public CtrlTransport transport() {
        return transport;
    }

    /**
     * {@code filelist}: the files (not folders) of a folder matching a pattern (CTRLSvr.cpp CTRLDo_filelist).
     *
     * @param directory a folder relative to MailRoot ({@code .} for MailRoot itself)
     * @param pattern   a wildcard pattern such as {@code *}
     * @return the files
     * @throws CtrlException with {@link CtrlException#code()} 211 when the folder does not exist; on other errors
     */
    public List<Entry> list(String directory, String pattern) throws CtrlException {
        command("filelist", directory, pattern);
        expect("filelist", 100);
        List<Entry> entries = new ArrayList<>();
        long bytes = 0;
        for (byte[] line = listLine(); line != null; line = listLine()) {
            bytes += line.length;
            if (entries.size() >= MAX_ENTRIES || bytes > MAX_FILE_BYTES) {
                broken = true;
                throw new CtrlException(
                        server, CtrlException.Kind.LIMIT, "filelist " + directory, Integer.toString(MAX_ENTRIES));
            }
            Matcher m = ENTRY.matcher(new String(line, StandardCharsets.ISO_8859_1));
            if (!m.matches()) {
                broken = true;
                throw new CtrlException(server, CtrlException.Kind.PROTOCOL, "filelist " + directory);
            }
            entries.add(new Entry(m.group(1), Long.parseLong(m.group(2))));
        }
        return entries;
    }

    /**
     * {@code cfgfileget}: a file's lines as XMail sends them (see {@link CtrlText#served}), dot-stuffing removed.
     *
     * @param path a file relative to MailRoot
     * @return its lines
     * @throws CtrlException with {@link CtrlException#code()} 19 when it cannot be opened (missing); on other errors
     */
    public List<byte[]> get(String path) throws CtrlException {
        command("cfgfileget", path);
        expect("cfgfileget " + path, 100);
        List<byte[]> lines = new ArrayList<>();
        long bytes = 0;
        for (byte[] line = listLine(); line != null; line = listLine()) {
            bytes += line.length + 2L;
            if (bytes > MAX_FILE_BYTES + 2L * CtrlText.READ_PIECE) {
                broken = true;
                throw new CtrlException(
                        server, CtrlException.Kind.LIMIT, "cfgfileget " + path, Long.toString(MAX_FILE_BYTES));
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * {@code cfgfileset}: replaces a file with these lines. XMail writes no temporary copy it renames: if the session
     * ends during the upload, it installs the lines received so far (CTRLSvr.cpp CTRLDo_cfgfileset,
     * MiscUtils.cpp MscRecvTextFile); no lines at all delete the file. Nothing here is retried.
     *
     * @param path  a file relative to MailRoot
     * @param lines the lines (see {@link CtrlText#upload}); each at most {@link CtrlText#MAX_UPLOAD_LINE} bytes
     * @throws CtrlException when the server refuses before any line is sent ({@link CtrlException.Kind#COMMAND},
     *                       nothing changed); {@link CtrlException.Kind#UNCONFIRMED} when anything fails once lines
     *                       were sent, so that the file on the server may hold part of them
     */
    public void put(String path, List<byte[]> lines) throws CtrlException {
        for (byte[] l : lines) {
            int sent = l.length + (l.length > 0 && l[0] == '.' ? 1 : 0);
            if (sent > CtrlText.MAX_UPLOAD_LINE || indexOf(l, (byte) '\n') >= 0 || indexOf(l, (byte) 0) >= 0) {
                throw new IllegalArgumentException("line cannot be uploaded whole");
            }
        }
        command("cfgfileset", path);
        expect("cfgfileset " + path, 101);
        try {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (byte[] l : lines) {
                if (l.length > 0 && l[0] == '.') {
                    data.write('.');
                }
                data.writeBytes(l);
                data.write('\r');
                data.write('\n');
            }
            data.writeBytes(new byte[] {'.', '\r', '\n'});
            out.write(data.toByteArray());
            out.flush();
            expect("cfgfileset " + path, 0);
        } catch (IOException e) {
            broken = true;
            throw new CtrlException(
                    server,
                    CtrlException.Kind.UNCONFIRMED,
                    e,
                    path,
                    e instanceof CtrlException c
                            ? c.message(Locale.ENGLISH)
                            : CtrlException.printable(String.valueOf(e.getMessage())));
        }
    }

    /**
     * {@code noop}.
     *
     * @throws CtrlException when the server does not answer OK
     */
    public void noop() throws CtrlException {
        command("noop");
        expect("noop", 0);
    }

    /** Sends {@code quit} (when the session is still sound) and closes the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!broken) {
            try {
                socket.setSoTimeout(2000);
                send("\"quit\"");
                readLine();
            } catch (IOException e) {
                // Leaving anyway.
            }
        }
        closeQuietly(socket);
    }

    /** Ends the connection at once, without quit (what a dropped link does). */
    public void abort() {
        broken = true;
        closed = true;
        closeQuietly(socket);
    }

    // ------------------------------------------------------------------ lines

    private void command(String... tokens) throws CtrlException {
        if (broken || closed) {
            throw new CtrlException(server, CtrlException.Kind.CLOSED);
        }
        StringBuilder b = new StringBuilder();
        for (String t : tokens) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c < 0x20 || c > 0x7E || c == '"') {
                    // XMail ends the session on a byte above 127 (MscCmdStringCheck); quotes and controls cannot be
                    // sent inside a token. Callers only pass checked names.
                    throw new IllegalArgumentException("token cannot be sent on a CTRL line");
                }
            }
            if (b.length() > 0) {
                b.append('\t');
            }
            b.append('"').append(t).append('"');
        }
        if (b.length() > MAX_COMMAND) {
            throw new IllegalArgumentException("command too long");
        }
        try {
            send(b.toString());
        } catch (IOException e) {
            broken = true;
            throw failure(e);
        }
    }

    private void send(String line) throws IOException {
        quickAck();
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * XMail sends a list one line per write, so with Nagle's algorithm on its side each line after the first waits
     * for this side's acknowledgement, which Linux delays by up to 40 ms: a listing took 40 ms however short. Asking
     * for immediate acknowledgements (the kernel turns them off again after a while, so before each command and
     * each list line) makes a session of a hundred commands take milliseconds instead of seconds.
     */
    private void quickAck() {
        if (quickAck) {
            try {
                raw.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException | UnsupportedOperationException e) {
                // Only slower.
            }
        }
    }

    private void expect(String what, int code) throws CtrlException {
        byte[] line;
        try {
            line = readLine();
        } catch (IOException e) {
            broken = true;
            throw failure(e);
        }
        Matcher m = REPLY.matcher(new String(line, StandardCharsets.ISO_8859_1));
        if (!m.matches()) {
            broken = true;
            throw new CtrlException(server, CtrlException.Kind.PROTOCOL, what);
        }
        int got = Integer.parseInt(m.group(2));
        if (m.group(1).equals("-")) {
            throw CtrlException.reply(
                    server, CtrlException.Kind.COMMAND, got, what, m.group(3) == null ? "" : m.group(3));
        }
        if (got != code) {
            broken = true;
            throw new CtrlException(server, CtrlException.Kind.PROTOCOL, what);
        }
    }

    /** @return the next line of a list (dot-stuffing removed), or null at its end */
    private byte[] listLine() throws CtrlException {
        byte[] line;
        try {
            quickAck();
            line = readLine();
        } catch (IOException e) {
            broken = true;
            throw failure(e);
        }
        if (line.length == 1 && line[0] == '.') {
            return null;
        }
        return line.length > 0 && line[0] == '.' ? Arrays.copyOfRange(line, 1, line.length) : line;
    }

    private byte[] readLine() throws IOException {
        return Lines.readLine(server, in);
    }

    private CtrlException failure(IOException e) {
        if (e instanceof CtrlException c) {
            return c;
        }
        if (e instanceof SocketTimeoutException) {
            return new CtrlException(server, CtrlException.Kind.TIMEOUT, e);
        }
        return new CtrlException(server, CtrlException.Kind.CLOSED, e);
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Closing only.
        }
    }

    /** Reads replies during the opening of a session, before it exists. */
    private static final class Lines {
        private final String server;
        private final InputStream in;
        private final OutputStream out;

        Lines(String server, Socket socket) throws IOException {
            this.server = server;
            // Unbuffered: no byte of the server's TLS handshake may end up in a buffer the TLS socket cannot see.
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /**
         * @param what the step answered ({@code null} for the greeting)
         * @return the OK reply's text
         */
        String reply(String what) throws IOException {
            String line = new String(readLine(server, in), StandardCharsets.ISO_8859_1);
            Matcher m = REPLY.matcher(line);
            if (!m.matches()) {
                throw new CtrlException(server, CtrlException.Kind.PROTOCOL, what == null ? "greeting" : what);
            }
            int code = Integer.parseInt(m.group(2));
            String text = m.group(3) == null ? "" : m.group(3);
            if (m.group(1).equals("-")) {
                CtrlException.Kind kind = what == null
                        ? CtrlException.Kind.REFUSED
                        : START_TLS.equals(what) && code == 249
                                ? CtrlException.Kind.TLS_DISABLED
                                : "login".equals(what) && code == 105
                                        ? CtrlException.Kind.LOGIN
                                        : CtrlException.Kind.COMMAND;
                throw CtrlException.reply(server, kind, code, what == null ? "greeting" : what, text);
            }
            return text;
        }

        static byte[] readLine(String server, InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(128);
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw new CtrlException(server, CtrlException.Kind.CLOSED);
                }
                if (c == '\n') {
                    byte[] line = b.toByteArray();
                    return line.length > 0 && line[line.length - 1] == '\r'
                            ? Arrays.copyOf(line, line.length - 1)
                            : line;
                }
                if (b.size() >= MAX_LINE) {
                    throw new CtrlException(server, CtrlException.Kind.LIMIT, "line", Integer.toString(MAX_LINE));
                }
                b.write(c);
            }
        }
    }

    // ------------------------------------------------------------------ login

    /**
     * The {@code <...>} of the greeting (MiscUtils.cpp MscExtractServerTimeStamp: from the first '<' to the next
     * '>').
     */
    private static String timestamp(String server, String greeting) throws CtrlException {
        int start = greeting.indexOf('<');
        int end = start < 0 ? -1 : greeting.indexOf('>', start + 1);
        if (end < 0) {
            // Without a timestamp no MD5 login is possible, and a clear-text login is never sent.
            throw new CtrlException(server, CtrlException.Kind.PROTOCOL, "greeting without <timestamp>");
        }
        return greeting.substring(start, end + 1);
    }

    static String md5(String stamp, byte[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(stamp.getBytes(StandardCharsets.ISO_8859_1));
            md.update(password);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    // ------------------------------------------------------------------ TLS

    private static Socket handshake(String server, Socket under, CtrlUrl url, Trust trust) throws CtrlException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust.manager}, null);
            SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(under, url.host(), url.port(), true);
            SSLParameters p = s.getSSLParameters();
            if (trust.checkHostName) {
                p.setEndpointIdentificationAlgorithm("HTTPS");
            }
            s.setSSLParameters(p);
            s.startHandshake();
            return s;
        } catch (GeneralSecurityException e) {
            throw new CtrlException(server, CtrlException.Kind.TLS, e, CtrlException.printable(String.valueOf(e)));
        } catch (SSLException e) {
            if (trust.mismatch != null) {
                throw trust.mismatch;
            }
            throw new CtrlException(
                    server, CtrlException.Kind.TLS, e, CtrlException.printable(String.valueOf(e.getMessage())));
        } catch (SocketTimeoutException e) {
            throw new CtrlException(server, CtrlException.Kind.TIMEOUT, e);
        } catch (IOException e) {
            throw new CtrlException(
                    server, CtrlException.Kind.TLS, e, CtrlException.printable(String.valueOf(e.getMessage())));
        }
    }

    /** Decides whether a certificate is trusted, and remembers the one seen. */
    private static final class Trust {
        final X509TrustManager manager;
        final boolean checkHostName;
        final String server;
        final Optional<Path> knownHosts;
        final String authority;
        String seen = "";
        CtrlException mismatch;

        private Trust(
                String server,
                X509TrustManager pkix,
                boolean checkHostName,
                Optional<String> expected,
                Optional<Path> knownHosts,
                String authority) {
            this.server = server;
            this.checkHostName = checkHostName;
            this.knownHosts = knownHosts;
            this.authority = authority;
            this.manager = new X509ExtendedTrustManager() {
                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                        throws CertificateException {
                    check(chain, authType, () -> {
                        if (pkix instanceof X509ExtendedTrustManager x) {
                            x.checkServerTrusted(chain, authType, socket);
                        }
                    });
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                        throws CertificateException {
                    check(chain, authType, () -> {
                        if (pkix instanceof X509ExtendedTrustManager x) {
                            x.checkServerTrusted(chain, authType, engine);
                        }
                    });
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    check(chain, authType, () -> {
                        if (pkix != null) {
                            pkix.checkServerTrusted(chain, authType);
                        }
                    });
                }

                private void check(X509Certificate[] chain, String unusedAuthType, CertCheck pkixCheck)
                        throws CertificateException {
                    if (chain == null || chain.length == 0) {
                        throw new CertificateException("no certificate");
                    }
                    seen = sha256(chain[0]);
                    if (pkix != null) {
                        try {
                            pkixCheck.run();
                        } catch (CertificateException e) {
                            mismatch = new CtrlException(
                                    server,
                                    CtrlException.Kind.UNTRUSTED,
                                    e,
                                    CtrlTrust.display(seen),
                                    CtrlException.printable(String.valueOf(e.getMessage())));
                            throw e;
                        }
                        return;
                    }
                    if (expected.isPresent() && !expected.get().equals(seen)) {
                        mismatch = knownHosts.isPresent()
                                ? new CtrlException(
                                        server,
                                        CtrlException.Kind.CERTIFICATE_CHANGED,
                                        CtrlTrust.display(seen),
                                        CtrlTrust.display(expected.get()),
                                        knownHosts.get().toString())
                                : new CtrlException(
                                        server,
                                        CtrlException.Kind.UNTRUSTED,
                                        CtrlTrust.display(seen),
                                        "not the pinned certificate");
                        throw new CertificateException("certificate not trusted");
                    }
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                        throws CertificateException {
                    throw new CertificateException("client side only");
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                        throws CertificateException {
                    throw new CertificateException("client side only");
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    throw new CertificateException("client side only");
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return pkix == null ? new X509Certificate[0] : pkix.getAcceptedIssuers();
                }
            };
        }

        static Trust of(String server, CtrlUrl url, CtrlTrust trust) throws CtrlException {
            if (trust instanceof CtrlTrust.Pinned p) {
                return new Trust(server, null, false, Optional.of(p.sha256()), Optional.empty(), url.authority());
            }
            if (trust instanceof CtrlTrust.KnownHosts k) {
                Optional<String> known;
                try {
                    known = KnownHosts.lookup(k.file(), url.authority());
                } catch (IOException e) {
                    throw new CtrlException(
                            server,
                            CtrlException.Kind.TLS,
                            e,
                            k.file() + ": " + CtrlException.printable(String.valueOf(e.getMessage())));
                }
                return new Trust(server, null, false, known, Optional.of(k.file()), url.authority());
            }
            CtrlTrust.Authority a = (CtrlTrust.Authority) trust;
            try {
                byte[] pem = PrivateFiles.readSmall(a.caFile());
                if (pem == null) {
                    throw new CtrlException(server, CtrlException.Kind.TLS, a.caFile() + ": no such file");
                }
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                int n = 0;
                for (Certificate c :
                        CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
                    ks.setCertificateEntry("ca" + n++, c);
                }
                if (n == 0) {
                    throw new CtrlException(server, CtrlException.Kind.TLS, a.caFile() + ": no certificate");
                }
                TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                f.init(ks);
                X509TrustManager pkix = Arrays.stream(f.getTrustManagers())
                        .filter(X509TrustManager.class::isInstance)
                        .map(X509TrustManager.class::cast)
                        .findFirst()
                        .orElseThrow();
                return new Trust(server, pkix, true, Optional.empty(), Optional.empty(), url.authority());
            } catch (IOException | GeneralSecurityException e) {
                if (e instanceof CtrlException c) {
                    throw c;
                }
                throw new CtrlException(
                        server,
                        CtrlException.Kind.TLS,
                        e,
                        a.caFile() + ": " + CtrlException.printable(String.valueOf(e.getMessage())));
            }
        }

        /** @return whether the certificate was new to the known-hosts file and is now recorded there */
        boolean recordIfNew() throws CtrlException {
            if (knownHosts.isEmpty()) {
                return false;
            }
            try {
                boolean known = KnownHosts.lookup(knownHosts.get(), authority).isPresent();
                String recorded = KnownHosts.record(knownHosts.get(), authority, seen);
                if (!recorded.equals(seen)) {
                    throw new CtrlException(
                            server,
                            CtrlException.Kind.CERTIFICATE_CHANGED,
                            CtrlTrust.display(seen),
                            CtrlTrust.display(recorded),
                            knownHosts.get().toString());
                }
                return !known;
            } catch (CtrlException e) {
                throw e;
            } catch (IOException e) {
                throw new CtrlException(
                        server,
                        CtrlException.Kind.TLS,
                        e,
                        knownHosts.get() + ": " + CtrlException.printable(String.valueOf(e.getMessage())));
            }
        }
    }

    @FunctionalInterface
    private interface CertCheck {
        void run() throws CertificateException;
    }

    static String sha256(X509Certificate c) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
