package org.xmailkit.model.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xmailkit.model.Messages;
import org.xmailkit.model.ctrl.Origins;

/**
 * A write the {@link WritePolicy} refused, or one that could not be made as the policy requires. Its message is one
 * line in either language: {@code path: what and what to do}.
 */
public final class WriteRefusedException extends IOException {

    private static final long serialVersionUID = 1L;
    private static final Messages MESSAGES = Messages.of("org.xmailkit.model.fs.writes", WriteRefusedException.class);

    /** Why. */
    public enum Reason {
        /** The file (or a directory on its way) is a symbolic link: writes never go through one. */
        LINK,
        /** The file lies outside every directory the writer may change. */
        OUTSIDE,
        /** Not a regular file (a FIFO, device, socket or directory). */
        NOT_A_FILE,
        /** A directory was expected. */
        NOT_A_DIRECTORY,
        /** The file no longer holds what was read. */
        CHANGED,
        /** The new file cannot be given the original's owner. */
        OWNER,
        /** Another run of xmailkit holds the lock. */
        LOCKED,
        /** One of xmailkit's own state files is larger than it could be. */
        TOO_LARGE,
        /** An output file xmailkit did not write (not in its manifest). */
        NOT_OURS,
        /** An output file xmailkit wrote that was changed since. */
        EDITED,
        /** An output directory with files but no manifest. */
        NOT_EMPTY,
        /** A manifest line that xmailkit could not have written. */
        MANIFEST
    }

    private final transient Path path;
    private final Reason reason;
    private final List<String> args;

    /**
     * @param path   the file
     * @param reason why
     * @param args   message values
     */
    public WriteRefusedException(Path path, Reason reason, String... args) {
        super(Origins.display(path) + ": " + MESSAGES.get(Locale.ENGLISH, "refused." + reason.name(), (Object[]) args));
        this.path = Objects.requireNonNull(path, "path");
        this.reason = reason;
        this.args = List.of(args);
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }

    /**
     * @param locale the language
     * @return what was refused and why, without the path
     */
    public String reasonText(Locale locale) {
        return MESSAGES.get(locale, "refused." + reason.name(), args.toArray());
    }

    /**
     * @param locale the language
     * @return {@code path: message} in that language
     */
    public String oneLine(Locale locale) {
        return Origins.display(path) + ": " + reasonText(locale);
    }
}
