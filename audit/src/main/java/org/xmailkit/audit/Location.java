package org.xmailkit.audit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a finding is.
 *
 * @param file     the file (absolute or as given), or the MailRoot directory for findings about a missing file
 * @param line     1-based line, or 0 for the whole file
 * @param column   1-based column, or 0
 * @param variable the server.tab variable concerned, or empty
 */
public record Location(Path file, int line, int column, String variable) {

    public Location {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(variable, "variable");
    }

    /**
     * @param file a file
     * @return the whole file
     */
    public static Location file(Path file) {
        return new Location(file, 0, 0, "");
    }

    /**
     * @param file     a file
     * @param line     1-based line
     * @param variable the variable, or empty
     * @return the location
     */
    public static Location line(Path file, int line, String variable) {
        return new Location(file, line, line > 0 ? 1 : 0, variable);
    }
}
