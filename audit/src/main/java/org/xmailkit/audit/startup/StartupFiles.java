package org.xmailkit.audit.startup;

import java.nio.file.Path;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.fs.ReadPolicy;
import org.xmailkit.model.fs.SafeReader;

/**
 * The one place the start-up files (registry exports, init scripts, defaults files, systemd units, command-line
 * files) are read, through xmailkit's read policy: a regular file only, within {@link #POLICY}, and never through a
 * link that leaves the directory it is named in (or the MailRoot it was found in).
 */
public final class StartupFiles {

    /**
     * At most 1 MiB: far above a one-key registry export or a unit file (an export of a whole hive is refused). Not
     * "text" for the read policy: a REGEDIT5 export is UTF-16, every other byte a NUL; the text files are checked
     * once decoded.
     */
    public static final ReadPolicy POLICY = new ReadPolicy(1024 * 1024, 0, false);

    private StartupFiles() {}

    /**
     * @param file a file the user named
     * @return its bytes
     * @throws InputException when it is missing, unreadable, not a regular file, a link out of its directory or
     *                        too large
     */
    public static byte[] read(Path file) throws InputException {
        return SafeReader.forFile(file).read(file, POLICY);
    }

    /**
     * @param root the MailRoot
     * @param file a file found in it
     * @return its bytes
     * @throws InputException when it is a link out of the MailRoot, or as {@link #read}
     */
    public static byte[] readInside(MailRoot root, Path file) throws InputException {
        return root.read(file, POLICY);
    }
}
