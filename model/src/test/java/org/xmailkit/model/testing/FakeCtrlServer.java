package org.xmailkit.model.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.xmailkit.model.ctrl.CtrlText;

/**
 * A small CTRL server in the test process, on 127.0.0.1 at a free port, that speaks XMail 1.27's CTRL the way
 * CTRLSvr.cpp does (greeting with a timestamp, {@code #!TLS}, MD5 login, filelist, cfgfileget, cfgfileset, noop,
 * quit) over files held in memory, for protocol edge cases a real server cannot be made to show on demand: a
 * connection dropped during an upload, a file changed between two commands, hostile listings, long lines. Uploads
 * follow XMail: each line stored with the server's line break; an upload that ends early installs what came.
 */
public final class FakeCtrlServer implements AutoCloseable {

    /** The store password of the test certificates under /ctrl. */
    public static final String STORE_PASSWORD = "xmailkit-test";

    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"");

    private final ServerSocket listener;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-ctrl");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Set<String> folders = ConcurrentHashMap.newKeySet();
    private final List<String> loginLines = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final SSLContext tls;
    private final String keyStore;
    private final boolean implicitTls;

    private volatile String user = "admin";
    private volatile String password = "secret";
    private volatile boolean starttls = true;
    private volatile String refusal;
    private volatile CtrlText.Newline newline = CtrlText.Newline.LF;
    private volatile int dropUploadAfterLines = -1;
    private volatile BiConsumer<String, FakeCtrlServer> afterCommand = (c, s) -> {};
    private volatile byte[] greetingOverride;
    private volatile boolean silent;

    @SuppressWarnings("FutureReturnValueIgnored") // the pool runs the server until it closes: no result is awaited
    private FakeCtrlServer(boolean implicitTls, String keyStore) {
        this.implicitTls = implicitTls;
        this.keyStore = keyStore;
        try {
            this.tls = context(keyStore);
            this.listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        folders.add(".");
        pool.submit(this::accept);
    }

    /** @return a CTRL server (clear text, {@code #!TLS} allowed) with the test certificate server.p12 */
    public static FakeCtrlServer ctrl() {
        return new FakeCtrlServer(false, "server.p12");
    }

    /** @return a CTRLS server (TLS from the first byte) with the test certificate server.p12 */
    public static FakeCtrlServer ctrls() {
        return new FakeCtrlServer(true, "server.p12");
    }

    /**
     * @param keyStore server.p12 or other.p12
     * @return a CTRLS server with that certificate
     */
    public static FakeCtrlServer ctrls(String keyStore) {
        return new FakeCtrlServer(true, keyStore);
    }

    /** @return the port on 127.0.0.1 */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return the SHA-256 of the server certificate, 64 hex digits */
    public String fingerprint() {
        return fingerprint(keyStore);
    }

    /**
     * @param keyStore a test key store name
     * @return the SHA-256 of its certificate
     */
    public static String fingerprint(String keyStore) {
        try (InputStream in = FakeCtrlServer.class.getResourceAsStream("/ctrl/" + keyStore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, STORE_PASSWORD.toCharArray());
            X509Certificate c = (X509Certificate) ks.getCertificate("ctrl");
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ set-up

    /**
     * @param user     the CTRL account
     * @param password its password
     * @return this
     */
    public FakeCtrlServer account(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    /**
     * @param name  a file relative to MailRoot ({@code /} separators)
     * @param bytes its bytes
     * @return this
     */
    public FakeCtrlServer file(String name, byte[] bytes) {
        files.put(name, bytes.clone());
        int slash = name.lastIndexOf('/');
        while (slash > 0) {
            folders.add(name.substring(0, slash));
            slash = name.lastIndexOf('/', slash - 1);
        }
        return this;
    }

    /**
     * Serves every regular file and folder of a local MailRoot.
     *
     * @param dir the MailRoot
     * @return this
     */
    public FakeCtrlServer mailRoot(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    folder(rel);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    file(rel, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * @param name a folder relative to MailRoot
     * @return this
     */
    public FakeCtrlServer folder(String name) {
        folders.add(name);
        return this;
    }

    /**
     * @param name a file
     * @return its bytes, or null
     */
    public byte[] file(String name) {
        byte[] b = files.get(name);
        return b == null ? null : b.clone();
    }

    /** @return every file, by name */
    public Map<String, byte[]> files() {
        return Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /**
     * @param on whether {@code #!TLS} is accepted (else -00249, as with EnableCTRL-TLS 0)
     * @return this
     */
    public FakeCtrlServer starttls(boolean on) {
        this.starttls = on;
        return this;
    }

    /**
     * @param reply an error reply sent instead of the greeting (such as {@code -00130 Server does not like Your IP})
     * @return this
     */
    public FakeCtrlServer refuse(String reply) {
        this.refusal = reply;
        return this;
    }

    /**
     * @param greeting bytes sent instead of the greeting (a hostile or broken server)
     * @return this
     */
    public FakeCtrlServer greeting(byte[] greeting) {
        this.greetingOverride = greeting.clone();
        return this;
    }

    /**
     * @param n the line break cfgfileset writes (LF as on Unix, CRLF as on Windows)
     * @return this
     */
    public FakeCtrlServer newline(CtrlText.Newline n) {
        this.newline = n;
        return this;
    }

    /**
     * @param lines after this many data lines of the next upload the server ends the connection; it installs what
     *              it received, as XMail does
     * @return this
     */
    public FakeCtrlServer dropNextUploadAfter(int lines) {
        this.dropUploadAfterLines = lines;
        return this;
    }

    /**
     * @param hook called after each command is answered, with the command line (tests change files here)
     * @return this
     */
    public FakeCtrlServer afterCommand(BiConsumer<String, FakeCtrlServer> hook) {
        this.afterCommand = hook;
        return this;
    }

    /**
     * @param on whether the server stops answering after the greeting (a hung server)
     * @return this
     */
    public FakeCtrlServer silentAfterGreeting(boolean on) {
        this.silent = on;
        return this;
    }

    // ------------------------------------------------------------------ what happened

    /** @return every login line received, as text (ISO-8859-1) */
    public List<String> loginLines() {
        return List.copyOf(loginLines);
    }

    /** @return every command line received after the login */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** @return how many connections were accepted */
    public int sessions() {
        return sessions.get();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing
            }
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ server

    @SuppressWarnings("FutureReturnValueIgnored") // the pool runs the sessions until the server closes
    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                open.add(s);
                sessions.incrementAndGet();
                pool.submit(() -> session(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket raw) {
        Socket s = raw;
        try (raw) {
            raw.setSoTimeout(10_000);
            if (implicitTls) {
                s = wrap(raw);
            }
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            if (refusal != null) {
                line(out, refusal);
                return;
            }
            String stamp = "<" + (System.currentTimeMillis() / 1000) + "."
                    + Thread.currentThread().getId() + "@127.0.0.1>";
            if (greetingOverride != null) {
                out.write(greetingOverride);
                out.flush();
            } else {
                line(out, "+00000 " + stamp + " XMail 1.27 CTRL Server; Sun, 6 Dec 2026 00:00:00 -0000");
            }
            if (silent) {
                Thread.sleep(60_000);
                return;
            }
            String login = read(in);
            if (login == null) {
                return;
            }
            if (login.equals("#!TLS")) {
                if (!starttls || s instanceof SSLSocket) {
                    line(
                            out,
                            s instanceof SSLSocket ? "-00242 TLS link already active" : "-00249 TLS service disabled");
                    return;
                }
                line(out, "+00000 Ready to start TLS mode");
                s = wrap(s);
                in = s.getInputStream();
                out = s.getOutputStream();
                login = read(in);
                if (login == null) {
                    return;
                }
            }
            loginLines.add(login);
            List<String> t = tokens(login);
            if (t.size() != 2 || !t.get(0).equalsIgnoreCase(user) || !passwordMatches(t.get(1), stamp)) {
                line(out, "-00105 Bad controller login");
                return;
            }
            line(out, "+00000 OK");
            for (String c = read(in); c != null; c = read(in)) {
                commands.add(c);
                if (!command(c, in, out)) {
                    return;
                }
                afterCommand.accept(c, this);
            }
        } catch (IOException | InterruptedException e) {
            // The client went away.
        } finally {
            open.remove(raw);
        }
    }

    private boolean passwordMatches(String given, String stamp) throws IOException {
        if (given.startsWith("#")) {
            try {
                MessageDigest md = MessageDigest.getInstance("MD5");
                byte[] d = md.digest((stamp + password).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d).equalsIgnoreCase(given.substring(1));
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
        return given.equals(password);
    }

    private boolean command(String c, InputStream in, OutputStream out) throws IOException {
        List<String> t = tokens(c);
        if (t.isEmpty()) {
            line(out, "-00103 Bad CTRL command syntax");
            return true;
        }
        switch (t.get(0).toLowerCase(Locale.ROOT)) {
            case "noop" -> line(out, "+00000 OK");
            case "quit" -> {
                line(out, "+00000 OK");
                return false;
            }
            case "filelist" -> {
                if (t.size() != 3) {
                    line(out, "-00103 Bad CTRL command syntax");
                } else if (t.get(1).contains("..")) {
                    line(out, "-00214 Error in relative path syntax");
                } else if (!folders.contains(normalFolder(t.get(1)))) {
                    line(out, "-00211 Listing directory not found");
                } else {
                    line(out, "+00100 OK");
                    String dir = normalFolder(t.get(1));
                    for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
                        String parent = e.getKey().contains("/")
                                ? e.getKey().substring(0, e.getKey().lastIndexOf('/'))
                                : ".";
                        String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
                        if (parent.equals(dir) && matches(name, t.get(2))) {
                            out.write(("\"" + name + "\"\t\"" + e.getValue().length + "\"\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                        }
                    }
                    line(out, ".");
                }
            }
            case "cfgfileget" -> {
                byte[] f = t.size() == 2 ? files.get(t.get(1)) : null;
                if (t.size() != 2) {
                    line(out, "-00103 Bad CTRL command syntax");
                } else if (t.get(1).contains("..")) {
                    line(out, "-00214 Error in relative path syntax");
                } else if (f == null) {
                    line(out, "-00019 Unable to open file");
                } else {
                    line(out, "+00100 OK");
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    for (byte[] l : CtrlText.served(f, CtrlText.Platform.POSIX)) {
                        if (l.length > 0 && l[0] == '.') {
                            b.write('.');
                        }
                        b.writeBytes(l);
                        b.writeBytes(new byte[] {'\r', '\n'});
                    }
                    b.writeBytes(new byte[] {'.', '\r', '\n'});
                    out.write(b.toByteArray());
                    out.flush();
                }
            }
            case "cfgfileset" -> {
                if (t.size() != 2) {
                    line(out, "-00103 Bad CTRL command syntax");
                    return true;
                }
                if (t.get(1).contains("..")) {
                    line(out, "-00214 Error in relative path syntax");
                    return true;
                }
                line(out, "+00101 OK");
                List<byte[]> lines = new ArrayList<>();
                int drop = dropUploadAfterLines;
                boolean ended = false;
                while (true) {
                    if (drop >= 0 && lines.size() == drop) {
                        dropUploadAfterLines = -1;
                        install(t.get(1), lines);
                        return false; // the connection ends here; XMail installs what it received
                    }
                    byte[] l = readBytes(in, 2046);
                    if (l == null) {
                        break;
                    }
                    if (l.length == 1 && l[0] == '.') {
                        ended = true;
                        break;
                    }
                    lines.add(l.length > 0 && l[0] == '.' ? Arrays.copyOfRange(l, 1, l.length) : l);
                }
                install(t.get(1), lines);
                if (!ended) {
                    return false;
                }
                line(out, "+00000 OK");
            }
            default -> line(out, "-00103 Bad CTRL command syntax");
        }
        return true;
    }

    private void install(String name, List<byte[]> lines) {
        byte[] stored = CtrlText.stored(lines, newline);
        if (stored.length == 0) {
            files.remove(name);
        } else {
            file(name, stored);
        }
    }

    private static String normalFolder(String dir) {
        String d = dir.replace('\\', '/');
        while (d.endsWith("/") && d.length() > 1) {
            d = d.substring(0, d.length() - 1);
        }
        return d.isEmpty() ? "." : d;
    }

    private static boolean matches(String name, String pattern) {
        return Pattern.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"), name);
    }

    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static void line(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String read(InputStream in) throws IOException {
        byte[] b = readBytes(in, 4094);
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Like BSckGetString: a line without CR/LF, or null when the connection ends or the line is too long. */
    private static byte[] readBytes(InputStream in, int max) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c;
            try {
                c = in.read();
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (c < 0) {
                return null;
            }
            if (c == '\n') {
                byte[] l = b.toByteArray();
                int end = l.length;
                while (end > 0 && l[end - 1] == '\r') {
                    end--;
                }
                return Arrays.copyOf(l, end);
            }
            if (b.size() >= max) {
                return null;
            }
            b.write(c);
        }
    }

    private Socket wrap(Socket s) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, "localhost", s.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        return ssl;
    }

    private static SSLContext context(String keyStore) {
        try (InputStream in = FakeCtrlServer.class.getResourceAsStream("/ctrl/" + keyStore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, STORE_PASSWORD.toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, STORE_PASSWORD.toCharArray());
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf.getKeyManagers(), null, null);
            return c;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
