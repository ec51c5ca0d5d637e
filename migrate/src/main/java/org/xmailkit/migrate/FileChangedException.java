package org.xmailkit.migrate;

import java.nio.file.Path;

/** A file changed on disk between the moment it was read and the moment it was to be replaced. */
public final class FileChangedException extends WriteException {

    private static final long serialVersionUID = 1L;

    /** @param path the file */
    public FileChangedException(Path path) {
        super(path, MigrationText.of("write.changed"), null);
    }
}
