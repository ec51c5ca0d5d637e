package org.xmailkit.audit.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted SMTP, POP3 or CTRL server on 127.0.0.1 for the probe's tests, talking the way XMail 1.27 does by default
 * (greetings, EHLO lines, replies: SMTPSvr.cpp, POP3Svr.cpp, CTRLSvr.cpp) unless told otherwise, with the JDK's TLS
 * server for STARTTLS, STLS, {@code #!TLS} or implicit TLS. It records every line it receives, on every connection,
 * so that tests can check what the probe sent.
 */
public final class FakeServer implements AutoCloseable {

    /** What to do when asked for TLS. */
    public enum TlsMode {
        /** Go ahead and hand the connection to the TLS server. */
        OK,
        /** Say go ahead, then close the connection (XMail 1.27 without a usable certificate). */
        DROP,
        /** Refuse the command. */
        REFUSE
    }

    private final Service.Protocol protocol;
    private final boolean implicit;
    private final ServerTls tls;
    private final TlsMode mode;
    private final String greeting;
    private final List<String> ehlo;
    private final Map<String, Function<String, String>> replies;
    private final ServerSocket socket;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final List<List<String>> sessions = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();

    private FakeServer(Builder b) throws IOException {
        this.protocol = b.protocol;
        this.implicit = b.implicit;
        this.tls = b.tls;
        this.mode = b.mode;
        this.greeting = b.greeting;
        this.ehlo = List.copyOf(b.ehlo);
        this.replies = Map.copyOf(b.replies);
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "fake-" + protocol);
        t.setDaemon(true);
        t.start();
    }

    /** @return a builder for an SMTP server talking like XMail 1.27 with its shipped server.tab */
    public static Builder smtp() {
        Builder b = new Builder(
                Service.Protocol.SMTP,
                "220 mail.example.test <1.2@mail.example.test> [XMail 1.27 ESMTP Server] service ready");
        b.ehlo.addAll(
                List.of("VRFY", "ETRN", "8BITMIME", "PIPELINING", "AUTH LOGIN PLAIN CRAM-MD5", "SIZE", "STARTTLS"));
        b.replies.put("VRFY", a -> "252 Argument not checked");
        b.replies.put("EXPN", a -> "500 Syntax error, command unrecognized");
        b.replies.put("ETRN", a -> "501 Command not accepted");
        b.replies.put("MAIL", a -> "250 OK");
        b.replies.put("RCPT", a -> "550 Relay denied");
        b.replies.put("RSET", a -> "250 OK");
        return b;
    }

    /** @return a builder for a POP3 server talking like XMail 1.27 */
    public static Builder pop3() {
        return new Builder(
                Service.Protocol.POP3,
                "+OK <1.2@mail.example.test> [XMail 1.27 POP3 Server] service ready; Sat, 6 Dec 2025");
    }

    /** @return a builder for a CTRL server talking like XMail 1.27 */
    public static Builder ctrl() {
        return new Builder(Service.Protocol.CTRL, "+00000 <1.2@127.0.0.1> XMail 1.27 CTRL Server; Sat, 6 Dec 2025");
    }

    /** How the server behaves. */
    public static final class Builder {
        private final Service.Protocol protocol;
        private String greeting;
        private final List<String> ehlo = new ArrayList<>();
        private final Map<String, Function<String, String>> replies = new HashMap<>();
        private boolean implicit;
        private ServerTls tls;
        private TlsMode mode = TlsMode.OK;

        private Builder(Service.Protocol protocol, String greeting) {
            this.protocol = protocol;
            this.greeting = greeting;
        }

        public Builder greeting(String g) {
            greeting = g;
            return this;
        }

        /** @return this builder with these EHLO keywords instead (SMTP) */
        public Builder ehlo(String... keywords) {
            ehlo.clear();
            ehlo.addAll(List.of(keywords));
            return this;
        }

        /** @return this builder answering a command (the verb, upper case) with a reply computed from its argument */
        public Builder reply(String verb, Function<String, String> reply) {
            replies.put(verb, reply);
            return this;
        }

        /** @return this builder offering TLS after STARTTLS, STLS or #!TLS */
        public Builder tls(ServerTls t, TlsMode m) {
            tls = t;
            mode = m;
            return this;
        }

        /** @return this builder with TLS from the first byte */
        public Builder implicit(ServerTls t) {
            tls = t;
            implicit = true;
            return this;
        }

        public FakeServer start() throws IOException {
            return new FakeServer(this);
        }
    }

    /** @return the port on 127.0.0.1 */
    public int port() {
        return socket.getLocalPort();
    }

    /** @return every line received so far, in order, on all connections */
    public List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** @return the lines received, per connection, in the order the connections were accepted */
    public List<List<String>> sessions() {
        synchronized (sessions) {
            return sessions.stream()
                    .map(l -> {
                        synchronized (l) {
                            return List.copyOf(l);
                        }
                    })
                    .toList();
        }
    }

    /** @return how many connections were accepted */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> session(s), "fake-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket plain) {
        List<String> mine = Collections.synchronizedList(new ArrayList<>());
        sessions.add(mine);
        Socket s = plain;
        try {
            s.setSoTimeout(10_000);
            boolean secure = false;
            if (implicit) {
                s = tls.accept(plain);
                secure = true;
            }
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            send(out, greeting);
            if (protocol == Service.Protocol.CTRL && !greeting.startsWith("+")) {
                return;
            }
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                received.add(line);
                mine.add(line);
                String verb =
                        (line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line).toUpperCase(Locale.ROOT);
                String arg = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
                Socket upgraded =
                        switch (protocol) {
                            case SMTP -> smtp(s, out, verb, arg, secure);
                            case POP3 -> pop3(s, out, verb, secure);
                            case CTRL -> ctrl(s, out, line, secure);
                        };
                if (upgraded == null) {
                    return;
                }
                if (upgraded != s) {
                    s = upgraded;
                    in = s.getInputStream();
                    out = s.getOutputStream();
                    secure = true;
                }
            }
        } catch (IOException e) {
            // the client went away or the handshake failed: the session ends, as XMail's would
        } finally {
            try {
                s.close();
            } catch (IOException e) {
                // closing is best effort
            }
        }
    }

    /** @return the socket to go on with (another one after TLS), or null to close */
    private Socket smtp(Socket s, OutputStream out, String verb, String arg, boolean secure) throws IOException {
        switch (verb) {
            case "EHLO" -> {
                List<String> lines = new ArrayList<>();
                lines.add("mail.example.test");
                for (String e : ehlo) {
                    if (!(secure && e.equals("STARTTLS"))) {
                        lines.add(e);
                    }
                }
                for (int i = 0; i < lines.size(); i++) {
                    send(out, "250" + (i + 1 < lines.size() ? "-" : " ") + lines.get(i));
                }
            }
            case "HELO" -> send(out, "250 mail.example.test");
            case "QUIT" -> {
                send(out, "221 [XMail 1.27 ESMTP Server] service closing transmission channel");
                return null;
            }
            case "STARTTLS" -> {
                if (tls == null || mode == TlsMode.REFUSE || secure) {
                    send(out, "454 TLS not available");
                } else {
                    send(out, "220 Ready to start TLS");
                    return mode == TlsMode.DROP ? null : tls.accept(s);
                }
            }
            default ->
                send(
                        out,
                        replies.getOrDefault(verb, a -> "500 Syntax error, command unrecognized")
                                .apply(arg));
        }
        return s;
    }

    private Socket pop3(Socket s, OutputStream out, String verb, boolean secure) throws IOException {
        switch (verb) {
            case "CAPA" -> {
                send(out, "+OK Capability list follows");
                for (String c : List.of("TOP", "USER", "UIDL", "PIPELINING")) {
                    send(out, c);
                }
                if (tls != null && !implicit && !secure) {
                    send(out, "STLS");
                }
                send(out, "IMPLEMENTATION [XMail 1.27 POP3 Server]");
                send(out, ".");
            }
            case "QUIT" -> {
                send(out, "+OK [XMail 1.27 POP3 Server] closing session");
                return null;
            }
            case "STLS" -> {
                if (tls == null || mode == TlsMode.REFUSE) {
                    send(out, "-ERR Command disabled");
                } else {
                    send(out, "+OK Begin TLS negotiation");
                    return mode == TlsMode.DROP ? null : tls.accept(s);
                }
            }
            default -> send(out, "-ERR Invalid command");
        }
        return s;
    }

    private Socket ctrl(Socket s, OutputStream out, String line, boolean secure) throws IOException {
        if (line.equals("#!TLS") && !secure) {
            if (tls == null || mode == TlsMode.REFUSE) {
                send(out, "-00164 TLS service disabled");
                return null;
            }
            send(out, "+00000 Ready to start TLS mode");
            return mode == TlsMode.DROP ? null : tls.accept(s);
        }
        // A login line: XMail would check it. The probe never sends one; a test fails if it does.
        send(out, "-00001 login refused");
        return null;
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r' && b.size() < 4096) {
                b.write(c);
            }
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
