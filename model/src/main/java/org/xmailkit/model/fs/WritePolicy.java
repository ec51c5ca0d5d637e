package org.xmailkit.model.fs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How xmailkit creates and changes files, in one place. xmailkit runs as root over directories that other accounts
 * can write, so every write is made as if the directory were hostile:
 * <ul>
 * <li>a writer may change files only inside the directories it was made for (a MailRoot, a backup directory, an
 * output directory): the real path of a file's directory is checked before each write, and nothing elsewhere is
 * ever written, renamed or deleted;</li>
 * <li>writes never follow a symbolic link: a link where a file or directory is to be written is refused, files are
 * opened without following links, and a file is replaced by renaming a new file over it, never by writing into
 * it;</li>
 * <li>temporary files are created exclusively, readable by their owner only until they get the permissions they
 * are meant to have;</li>
 * <li>special files (FIFOs, devices, sockets) are never opened; xmailkit's own lock and journal are opened in a way
 * a FIFO put in their place cannot block, and refused then;</li>
 * <li>a file is replaced only if it still holds what was read; the new file gets the original's owner, group and
 * permissions, or is not written; a backup gets those of the file it saves;</li>
 * <li>a server's new journal and lock get its server.tab's owner and group (as root) and no wider permissions, so
 * that the account owning the server can run after root ({@link SafeWriter#ownedLike}); xmailkit's private files
 * (copies of remote MailRoots, known hosts) are made 0600 in folders made 0700 ({@link SafeWriter#privately});</li>
 * <li>records appended to a journal are whole lines: a line torn by a crash is cut off before the next append;</li>
 * <li>in an output directory only files xmailkit recorded in its {@link WriteManifest} are replaced or deleted;</li>
 * <li>changes to one server are made under an exclusive {@link WriteLock}, so that two runs never interleave.</li>
 * </ul>
 *
 * @param hook     called at each stage of a write (tests inject failures)
 * @param lockWait how long to wait for a lock another run holds before giving up on that server
 */
public record WritePolicy(WriteHook hook, Duration lockWait) {

    /** The policy of every command: no hook, a few seconds' wait for a lock. */
    public static final WritePolicy STANDARD = new WritePolicy(WriteHook.NONE, Duration.ofSeconds(5));

    public WritePolicy {
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(lockWait, "lockWait");
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("lockWait < 0");
        }
    }

    /**
     * @param hook called at each stage of a write
     * @return the standard policy with that hook
     */
    public static WritePolicy withHook(WriteHook hook) {
        return new WritePolicy(hook, STANDARD.lockWait);
    }

    /**
     * @param wait how long to wait for a lock
     * @return this policy with that wait
     */
    public WritePolicy withLockWait(Duration wait) {
        return new WritePolicy(hook, wait);
    }

    /**
     * @param directories the directories the writer may change files in (they need not exist yet; the writer
     *                    creates them when it first writes there)
     * @return a writer confined to them
     */
    public SafeWriter writerFor(Path... directories) {
        List<Path> roots = new ArrayList<>();
        for (Path d : directories) {
            roots.add(d.toAbsolutePath().normalize());
        }
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("a writer needs a directory to write in");
        }
        return new SafeWriter(roots, this);
    }
}
