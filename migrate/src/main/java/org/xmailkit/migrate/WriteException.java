package org.xmailkit.migrate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.xmailkit.model.ctrl.Origins;

/** A file xmailkit refused or failed to write, with a message in both languages. */
public class WriteException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final transient MigrationText text;

    /**
     * @param path  the file
     * @param text  what went wrong
     * @param cause the underlying error, or null
     */
    public WriteException(Path path, MigrationText text, Throwable cause) {
        super(Origins.display(path) + ": " + text.render(Locale.ENGLISH), cause);
        this.path = Objects.requireNonNull(path, "path");
        this.text = text;
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /**
     * @param locale the language
     * @return {@code path: message}
     */
    public String message(Locale locale) {
        return Origins.display(path) + ": " + text.render(locale);
    }
}
