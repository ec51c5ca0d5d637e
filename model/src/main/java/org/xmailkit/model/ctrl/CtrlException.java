package org.xmailkit.model.ctrl;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xmailkit.model.Messages;

/**
 * A CTRL session that failed: the server could not be reached or trusted, refused the login or a command, or broke
 * the protocol. Its message names the server ({@code ctrl://user@host:port}) and never holds a password.
 */
public final class CtrlException extends IOException {

    private static final long serialVersionUID = 1L;
    private static final Messages MESSAGES = Messages.of("org.xmailkit.model.messages", CtrlException.class);

    /** What went wrong. */
    public enum Kind {
        /** No connection (refused, unknown host, no route). */
        CONNECT,
        /** The server did not answer in time. */
        TIMEOUT,
        /** The TLS handshake failed. */
        TLS,
        /** The certificate is not the pinned one, or no CA vouches for it. */
        UNTRUSTED,
        /** The certificate differs from the one recorded in the known-hosts file. */
        CERTIFICATE_CHANGED,
        /** The server refused the connection at once (ctrl.ipmap.tab, too many sessions: -00130, -00129). */
        REFUSED,
        /** #!TLS refused: EnableCTRL-TLS is off (-00249). */
        TLS_DISABLED,
        /** Wrong user or password (-00105). */
        LOGIN,
        /** The server answered a command with an error. */
        COMMAND,
        /** The server's answer is not CTRL. */
        PROTOCOL,
        /** The server sent more than xmailkit reads (lines, entries, bytes). */
        LIMIT,
        /** The connection ended. */
        CLOSED,
        /** An upload failed after lines were sent: the file on the server may hold part of them. */
        UNCONFIRMED,
        /** The local copy of a remote MailRoot could not be written. */
        COPY,
        /** The remote MailRoot holds no server.tab. */
        NO_SERVER_TAB,
        /** No password could be found. */
        NO_PASSWORD,
        /** The password file may be read by others, or cannot be read. */
        PASSWORD_FILE
    }

    private final String server;
    private final Kind kind;
    private final int code;
    private final List<String> args;

    /**
     * @param server the server, as {@code ctrl://user@host:port}
     * @param kind   what went wrong
     * @param args   message values (never a password)
     */
    public CtrlException(String server, Kind kind, String... args) {
        this(server, kind, null, args);
    }

    /**
     * @param server the server, as {@code ctrl://user@host:port}
     * @param kind   what went wrong
     * @param cause  the underlying error (kept for --verbose)
     * @param args   message values (never a password)
     */
    public CtrlException(String server, Kind kind, Throwable cause, String... args) {
        this(server, kind, 0, cause, args);
    }

    private CtrlException(String server, Kind kind, int code, Throwable cause, String... args) {
        super(server + ": " + MESSAGES.get(Locale.ENGLISH, "ctrl." + kind.name(), (Object[]) args), cause);
        this.server = Objects.requireNonNull(server, "server");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
        this.args = List.of(args);
    }

    /**
     * An error reply of the server ({@code -DDDDD text}).
     *
     * @param server  the server
     * @param kind    what it means
     * @param code    the code, such as 105 for {@code -00105}
     * @param command the command it answered (never the login line)
     * @param text    the server's text
     * @return the exception
     */
    static CtrlException reply(String server, Kind kind, int code, String command, String text) {
        return new CtrlException(server, kind, code, null, command, String.format("-%05d", code), printable(text));
    }

    /** @return the server's error code for an error reply (105 for {@code -00105}), else 0 */
    public int code() {
        return code;
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }

    /** @return the server */
    public String server() {
        return server;
    }

    /**
     * @param locale the language
     * @return the message without the server
     */
    public String message(Locale locale) {
        return MESSAGES.get(locale, "ctrl." + kind.name(), args.toArray());
    }

    /**
     * @param locale the language
     * @return {@code ctrl://user@host:port: message}
     */
    public String oneLine(Locale locale) {
        return server + ": " + message(locale);
    }

    /**
     * @param text text a server sent
     * @return it as printable ASCII, at most 120 characters: a server's words are shown, never its control bytes
     */
    static String printable(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < 120; i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return b.toString();
    }
}
