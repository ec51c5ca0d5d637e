package org.xmailkit.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes files so that a crash at any moment leaves them wholly old or wholly new: the content goes to a temporary
 * file in the same directory, is flushed to disk, gets the original's owner, group and permissions, and then
 * replaces the target with one atomic rename (after checking that the target still holds what was read).
 */
public final class AtomicWriter {

    /** Temporary files this writer creates: {@code .<name>.xmailkit-<random>.tmp}. */
    static final Pattern TEMP = Pattern.compile("\\..+\\.xmailkit-[0-9]+\\.tmp");

    private final WriteHook hook;

    /** A writer without hooks. */
    public AtomicWriter() {
        this(WriteHook.NONE);
    }

    /** @param hook called at each stage (tests inject failures here) */
    public AtomicWriter(WriteHook hook) {
        this.hook = Objects.requireNonNull(hook, "hook");
    }

    /**
     * Replaces an existing file. A symbolic link is followed, so the file it points to is replaced and the link
     * stays.
     *
     * @param target       the file
     * @param content      the new bytes
     * @param expectedHash the SHA-256 the file must still have; null to skip the check
     * @throws FileChangedException when the file no longer has the expected content
     * @throws IOException          when it cannot be written, or its owner or permissions cannot be kept
     */
    public void replace(Path target, byte[] content, String expectedHash) throws IOException {
        Path real = target.toRealPath();
        Path temp = temp(real);
        try {
            writeSynced(temp, content);
            copyAttributes(real, temp);
            hook.at(WriteHook.Stage.BEFORE_RENAME, target);
            if (expectedHash != null && !Hashes.sha256(Files.readAllBytes(real)).equals(expectedHash)) {
                throw new FileChangedException(target);
            }
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(real.getParent());
        hook.at(WriteHook.Stage.AFTER_RENAME, target);
    }

    /**
     * Creates a new file that must not exist yet (a backup), with the owner, group and permissions of another.
     *
     * @param target         the new file
     * @param content        its bytes
     * @param attributesFrom the file whose owner and permissions it gets, or null
     * @throws FileAlreadyExistsException when the target exists
     * @throws IOException                on failure
     */
    public void create(Path target, byte[] content, Path attributesFrom) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = temp(target.toAbsolutePath());
        try {
            writeSynced(temp, content);
            if (attributesFrom != null) {
                copyAttributes(attributesFrom.toRealPath(), temp);
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    private static Path temp(Path real) throws IOException {
        Path dir = real.getParent();
        return Files.createTempFile(dir, "." + real.getFileName() + ".xmailkit-", ".tmp");
    }

    private static void writeSynced(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /**
     * Gives {@code to} the owner, group and POSIX permissions (or, on Windows, the ACL) of {@code from}. Fails
     * rather than leave a file that another user, such as the XMail service account, can no longer read.
     */
    static void copyAttributes(Path from, Path to) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (posix != null) {
            PosixFileAttributes a = posix.readAttributes();
            PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
            target.setPermissions(a.permissions());
            PosixFileAttributes now = target.readAttributes();
            try {
                UserPrincipal owner = a.owner();
                if (!owner.equals(now.owner())) {
                    target.setOwner(owner);
                }
                GroupPrincipal group = a.group();
                if (!group.equals(now.group())) {
                    target.setGroup(group);
                }
            } catch (FileSystemException e) {
                throw new WriteException(from, MigrationText.of("write.owner", a.owner().getName(),
                        a.group().getName()), e);
            }
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(from, AclFileAttributeView.class);
        if (acl != null) {
            AclFileAttributeView target = Files.getFileAttributeView(to, AclFileAttributeView.class);
            target.setAcl(acl.getAcl());
            try {
                target.setOwner(acl.getOwner());
            } catch (IOException e) {
                // Windows needs a privilege to give a file away; the ACL copied above keeps the same access.
            }
        }
    }

    /** Makes a rename durable. Not every platform can open a directory (Windows cannot); the rename stands anyway. */
    private static void syncDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort, see above.
        }
    }
}
