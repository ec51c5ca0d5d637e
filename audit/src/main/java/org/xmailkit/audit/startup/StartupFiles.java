package org.xmailkit.audit.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xmailkit.model.FileInput;
import org.xmailkit.model.InputException;

/**
 * The one place the start-up files (registry exports, init scripts, defaults files, systemd units, command-line
 * files) are read. They are as hostile as any MailRoot file: at most {@link #MAX_BYTES}, regular files only, and a
 * file found inside a MailRoot is not read through a link that leads out of it.
 */
public final class StartupFiles {

    /** Far above a one-key registry export or a unit file; an export of a whole hive is refused. */
    public static final long MAX_BYTES = 1024 * 1024;

    private StartupFiles() {
    }

    /**
     * @param file a file the user named
     * @return its bytes
     * @throws InputException when it is missing, unreadable, not a regular file or too large
     */
    public static byte[] read(Path file) throws InputException {
        return FileInput.readBytes(file, MAX_BYTES);
    }

    /**
     * @param root the MailRoot directory
     * @param file a file found in it
     * @return its bytes
     * @throws InputException when it is a link out of the MailRoot, or as {@link #read}
     */
    public static byte[] readInside(Path root, Path file) throws InputException {
        if (Files.isSymbolicLink(file)) {
            try {
                Path real = file.toRealPath();
                if (!real.startsWith(root.toRealPath())) {
                    throw new InputException(file, 0, InputException.Reason.LINK_OUT_OF_TREE);
                }
            } catch (IOException e) {
                throw new InputException(file, 0, InputException.Reason.MISSING);
            }
        }
        return read(file);
    }
}
