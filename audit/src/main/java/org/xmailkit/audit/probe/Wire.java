package org.xmailkit.audit.probe;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * One TCP connection of a probe, read line by line with every size bounded: a line is kept up to {@link #MAX_LINE}
 * characters, a reply up to {@link #MAX_REPLY_LINES} lines, and a connection reads at most {@link #MAX_BYTES} bytes.
 * Every read waits at most the time-out. What the server sends is data: it is decoded (UTF-8 when valid, else
 * ISO-8859-1) and kept as text, escaped only by the outputs that print it.
 */
final class Wire implements Closeable {

    /** The most characters of one line kept (the rest of the line is read and dropped). */
    static final int MAX_LINE = 512;
    /** The most lines of one multi-line reply kept. */
    static final int MAX_REPLY_LINES = 64;
    /** The most bytes read from one connection. */
    static final int MAX_BYTES = 256 * 1024;

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int read;

    private Wire(Socket socket) throws IOException {
        attach(socket);
    }

    /**
     * @param address where to connect
     * @param timeout the connect and read time-out
     * @return the connection
     * @throws IOException when it cannot be opened (refused, no answer)
     */
    static Wire connect(InetSocketAddress address, Duration timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return new Wire(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void attach(Socket s) throws IOException {
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    /** @return the socket (plain, or TLS after {@link #secure}) */
    Socket socket() {
        return socket;
    }

    /** @return the local address of the connection, as the server sees it (without NAT) */
    String localAddress() {
        return socket.getLocalAddress().getHostAddress();
    }

    /**
     * Continues the connection inside TLS.
     *
     * @param tls the TLS socket layered over this connection, handshake done
     * @throws IOException when its streams cannot be had
     */
    void secure(SSLSocket tls) throws IOException {
        attach(tls);
    }

    /**
     * @param line a command, ASCII, without line end
     * @throws IOException when it cannot be sent
     */
    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * @return one line, without its line end
     * @throws IOException when the connection ends or the time-out passes first
     */
    String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            if (read >= MAX_BYTES) {
                throw new IOException("more than " + MAX_BYTES + " bytes from the server");
            }
            int c = in.read();
            if (c < 0) {
                if (b.size() == 0) {
                    throw new EOFException("the server closed the connection");
                }
                break;
            }
            read++;
            if (c == '\n') {
                break;
            }
            if (b.size() < MAX_LINE * 4) {
                b.write(c);
            }
        }
        byte[] bytes = b.toByteArray();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
            n--;
        }
        String text = decode(bytes, n);
        return text.length() > MAX_LINE ? text.substring(0, MAX_LINE) : text;
    }

    /** @return an SMTP reply: lines until one whose fourth character is not {@code -}; never throws */
    Reply smtpReply() {
        List<String> lines = new ArrayList<>();
        try {
            while (true) {
                String l = line();
                if (lines.size() < MAX_REPLY_LINES) {
                    lines.add(l);
                }
                boolean more = l.length() >= 4 && l.charAt(3) == '-' && Character.isDigit(l.charAt(0));
                if (!more) {
                    return new Reply(lines, "");
                }
            }
        } catch (IOException e) {
            return new Reply(lines, describe(e));
        }
    }

    /** @return a one-line reply (POP3, CTRL); never throws */
    Reply lineReply() {
        try {
            return Reply.of(line());
        } catch (IOException e) {
            return Reply.none(describe(e));
        }
    }

    /** @return a POP3 multi-line reply (status line, then lines up to the lone {@code .}); never throws */
    Reply pop3List() {
        List<String> lines = new ArrayList<>();
        try {
            String status = line();
            lines.add(status);
            if (!status.startsWith("+")) {
                return new Reply(lines, "");
            }
            while (true) {
                String l = line();
                if (l.equals(".")) {
                    return new Reply(lines, "");
                }
                if (lines.size() < MAX_REPLY_LINES) {
                    lines.add(l.startsWith("..") ? l.substring(1) : l);
                }
            }
        } catch (IOException e) {
            return new Reply(lines, describe(e));
        }
    }

    /**
     * Sends a command and reads the SMTP reply.
     *
     * @param command the command
     * @return the exchange (the reply says why when the command could not be sent)
     */
    Exchange smtp(String command) {
        try {
            send(command);
        } catch (IOException e) {
            return new Exchange(command, Reply.none(describe(e)));
        }
        return new Exchange(command, smtpReply());
    }

    /**
     * Sends a command and reads a one-line reply.
     *
     * @param command the command
     * @return the exchange
     */
    Exchange oneLine(String command) {
        try {
            send(command);
        } catch (IOException e) {
            return new Exchange(command, Reply.none(describe(e)));
        }
        return new Exchange(command, lineReply());
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is best effort: the connection is dropped either way
        }
    }

    private static String decode(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * @param e an I/O error
     * @return a short description for outputs
     */
    static String describe(Exception e) {
        if (e instanceof SocketTimeoutException) {
            return "no answer within the time-out";
        }
        if (e instanceof EOFException) {
            return "the server closed the connection";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
