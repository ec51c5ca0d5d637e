package org.xmailkit.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An input that cannot be read or used at all (missing, unreadable, not a text file, too large, not a MailRoot).
 * Its message is one line: {@code path:line: message}, or {@code path: message} when no line applies.
 */
public final class InputException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final Messages MESSAGES = Messages.of("org.xmailkit.model.messages", InputException.class);

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
        /** A directory where a file was expected, or a special file. */
        NOT_A_FILE,
        /** A file given as a Windows registry export that is not one (no REGEDIT header). */
        NOT_A_REGISTRY_EXPORT,
        /** A registry export without the key XMail reads its start-up values from. */
        NO_XMAIL_KEY,
        /** A file given as an init script, defaults file or systemd unit that starts no XMail. */
        NOT_A_SERVICE_FILE,
        /** A link that leads out of the directory it was found in; not followed. */
        LINK_OUT_OF_TREE
    }

    private final transient Path path;
    private final int line;
    private final Reason reason;
    private final List<String> args;

    /**
     * @param path   the input
     * @param line   1-based line, or 0
     * @param reason what went wrong
     * @param args   message values
     */
    public InputException(Path path, int line, Reason reason, String... args) {
        super(path + (line > 0 ? ":" + line : "") + ": "
                + MESSAGES.get(Locale.ENGLISH, "input." + reason.name(), (Object[]) args));
        this.path = Objects.requireNonNull(path, "path");
        this.line = line;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.args = List.of(args);
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
        return path + (line > 0 ? ":" + line : "") + ": " + MESSAGES.get(locale, "input." + reason.name(), args.toArray());
    }
}
