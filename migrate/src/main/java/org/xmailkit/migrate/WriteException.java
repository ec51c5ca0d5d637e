package org.xmailkit.migrate;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.xmailkit.model.Localized;
import org.xmailkit.model.Text;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.fs.WriteRefusedException;

/** A file xmailkit refused or failed to write, with a message in both languages. */
public class WriteException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final transient Text text;

    /**
     * @param path  the file
     * @param text  what went wrong
     * @param cause the underlying error, or null
     */
    public WriteException(Path path, Text text, Throwable cause) {
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
        return Origins.display(path) + ": " + text(locale);
    }

    /**
     * @param locale the language
     * @return the message without the path
     */
    public String text(Locale locale) {
        return text.render(locale);
    }

    /**
     * What went wrong in a failed write, short and without the path: for a message that names the files itself.
     *
     * @param e the failure
     * @return its reason in either language
     */
    static Localized reason(IOException e) {
        if (e instanceof WriteRefusedException r) {
            return r::reasonText;
        }
        if (e instanceof WriteException w) {
            return w::text;
        }
        if (e instanceof AccessDeniedException) {
            return l -> MigrateMessages.get(l, "error.denied");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return l -> f.getReason();
        }
        return l -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
