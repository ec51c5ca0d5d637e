package org.xmailkit.migrate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.model.Localized;

/**
 * How one server of a batch went.
 *
 * @param path    the MailRoot directory or bare server.tab
 * @param status  what happened
 * @param result  the migration, when one was computed
 * @param written the files written (replaced in place, written to the copy, or restored)
 * @param resumed whether an interrupted earlier run of this server was finished
 * @param error   for a failed server: the one-line error, in either language
 * @param cause   for a failed server: the exception (shown only with --verbose)
 */
public record ServerOutcome(
        Path path,
        Status status,
        Optional<MigrationResult> result,
        List<Path> written,
        boolean resumed,
        Localized error,
        Throwable cause) {

    /** What happened to a server. */
    public enum Status {
        /** Nothing to change. */
        UNCHANGED,
        /** Dry run: changes planned, nothing written. */
        PLANNED,
        /** Changed files replaced in place. */
        WRITTEN,
        /** A migrated copy written under --out. */
        COPIED,
        /** Files restored from backups. */
        ROLLED_BACK,
        /** --rollback found no migration to undo. */
        NOTHING_TO_ROLL_BACK,
        /** The server could not be read, migrated or written; the others went on. */
        FAILED
    }

    public ServerOutcome {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
        written = List.copyOf(written);
        if ((status == Status.FAILED) != (error != null)) {
            throw new IllegalArgumentException("an error is given exactly for a failed server");
        }
    }

    /**
     * @param path  the server
     * @param error the one-line error
     * @param cause the exception
     * @return a failed outcome
     */
    public static ServerOutcome failed(Path path, Localized error, Throwable cause) {
        return new ServerOutcome(path, Status.FAILED, Optional.empty(), List.of(), false, error, cause);
    }

    /**
     * @param locale the language
     * @return the error, or empty
     */
    public String error(Locale locale) {
        return error == null ? "" : error.render(locale);
    }
}
