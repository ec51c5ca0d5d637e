package org.xmailkit.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xmailkit.model.ctrl.CtrlException;
import org.xmailkit.model.ctrl.Origins;

/**
 * An input that cannot be read or used at all (missing, unreadable, not a text file, too large, not a MailRoot).
 * Its message is one line: {@code path:line: message}, or {@code path: message} when no line applies (a file of a
 * remote MailRoot's local copy is named after the server, see {@link Origins}).
 */
public final class InputException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final Messages MESSAGES = ModelMessages.MESSAGES;

    /** What went wrong. */
    public enum Reason {
        /** The path does not exist. */
        MISSING,
        /** The path exists but cannot be read (permissions, I/O error). */
        UNREADABLE,
        /** A directory without server.tab. */
        NOT_A_MAILROOT,
        /** The bytes are not text (NUL bytes at the start, mostly control bytes). */
        BINARY,
        /** Larger than any XMail configuration file could sensibly be. */
        TOO_LARGE,
        /** A directory where a file was expected. */
        NOT_A_FILE,
        /** A file where a directory was expected. */
        NOT_A_DIRECTORY,
        /** A FIFO, device or socket: refused without being opened. */
        SPECIAL_FILE,
        /** A symbolic link (or a path through one) that leads out of the MailRoot or the directory named. */
        LINK_OUTSIDE,
        /** More lines than any XMail configuration file could sensibly hold. */
        TOO_MANY_LINES,
        /** The file was replaced while it was being read. */
        CHANGED,
        /** A directory deeper than the search goes, whose subdirectories were not searched. */
        TOO_DEEP,
        /** The server's files need more memory than the run may use. */
        OUT_OF_MEMORY,
        /** A remote MailRoot that could not be read over CTRL. */
        REMOTE,
        /** A file given as a Windows registry export that is not one (no REGEDIT header). */
        NOT_A_REGISTRY_EXPORT,
        /** A registry export without the key XMail reads its start-up values from. */
        NO_XMAIL_KEY,
        /** A file given as an init script, defaults file or systemd unit that starts no XMail. */
        NOT_A_SERVICE_FILE
    }

    private final transient Path path;
    private final int line;
    private final Reason reason;
    private final List<String> args;
    private final CtrlException remote;

    /**
     * @param path   the input
     * @param line   1-based line, or 0
     * @param reason what went wrong
     * @param args   message values
     */
    public InputException(Path path, int line, Reason reason, String... args) {
        super(Origins.display(path) + (line > 0 ? ":" + line : "") + ": "
                + text(Locale.ENGLISH, reason, List.of(args)));
        this.path = Objects.requireNonNull(path, "path");
        this.line = line;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.args = List.of(args);
        this.remote = null;
    }

    /**
     * A remote MailRoot that could not be read.
     *
     * @param path   the folder that stands for it (see {@link Origins})
     * @param remote why
     */
    public InputException(Path path, CtrlException remote) {
        super(Origins.display(path) + ": " + remote.message(Locale.ENGLISH), remote);
        this.path = Objects.requireNonNull(path, "path");
        this.line = 0;
        this.reason = Reason.REMOTE;
        this.args = List.of();
        this.remote = remote;
    }

    /**
     * @param path a server whose files need more memory than the run may use
     * @return the error saying so, with the heap limit
     */
    public static InputException outOfMemory(Path path) {
        return new InputException(
                path,
                0,
                Reason.OUT_OF_MEMORY,
                Long.toString(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    }

    /** @return the input path */
    public Path path() {
        return path;
    }

    /** @return the 1-based line, or 0 */
    public int line() {
        return line;
    }

    /** @return what went wrong */
    public Reason reason() {
        return reason;
    }

    /**
     * @param locale the language
     * @return {@code path:line: message} in that language
     */
    public String oneLine(Locale locale) {
        return Origins.display(path) + (line > 0 ? ":" + line : "") + ": " + message(locale);
    }

    /**
     * @param locale the language
     * @return the message without the path and line
     */
    public String message(Locale locale) {
        if (remote != null) {
            return remote.message(locale);
        }
        return text(locale, reason, args);
    }

    /** A key {@code input.<REASON>.<n>} (n = number of values) takes precedence over {@code input.<REASON>}. */
    private static String text(Locale locale, Reason reason, List<String> args) {
        String key = "input." + reason.name();
        String variant = key + "." + args.size();
        return MESSAGES.get(locale, !args.isEmpty() && MESSAGES.has(locale, variant) ? variant : key, args.toArray());
    }
}
