package org.xmailkit.model.fs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.xmailkit.model.InputException;

/**
 * Creates and changes files under the {@link WritePolicy}, confined to the directories it was made for
 * ({@link WritePolicy#writerFor}). Every method checks, just before it acts, that the real path of the file's
 * directory lies inside one of them and that no symbolic link or special file stands where it writes; content goes
 * to an exclusively created temporary file in the same directory and is then renamed into place, so a crash leaves
 * a file wholly old or wholly new. Changes to a MailRoot ({@link #replace}, {@link #create}, {@link #append}) are
 * flushed to disk before they are renamed or relied on; output files ({@link #write}, {@link #copy}) are not
 * flushed one by one (a report or copy is made again by running again).
 *
 * <p>New files that no other file gives attributes to get the process's defaults, or as {@link #privately()} or
 * {@link #ownedLike(Path)} say: private files of xmailkit's own, or a server's journal and lock, which must stay
 * usable by the account that owns the server when a later run is made as that account instead of root.
 *
 * <p>What Java cannot close: between the check of a directory and the system call that uses it, another process
 * could swap the directory for a link. Each step re-checks, and the final name is never followed (rename and
 * {@code O_EXCL} creation do not follow links), which leaves that window to directories the attacker could already
 * write. Java cannot open a file without blocking on a FIFO either (no {@code O_NONBLOCK}, no {@code O_PATH}):
 * <ul>
 * <li>xmailkit's own state files (a lock, a journal) are opened for reading and writing, which returns at once on a
 * FIFO (Linux), and refused unless the opened file can seek (a FIFO or socket cannot) and is the regular file that
 * was checked before the open;</li>
 * <li>a temporary file is written through the channel that created it, never opened again;</li>
 * <li>what stays: a file {@link #copy} reads (a MailRoot file must not be opened for writing: read-only media,
 * audit rules on writes) is checked before it is opened and compared by identity after it is read, and the JDK
 * itself opens a file to change its permissions or times; a FIFO swapped in at that instant, in a directory the
 * attacker can write, still blocks that one call, as it does {@link SafeReader}'s open.</li>
 * </ul>
 */
public final class SafeWriter {

    /** Temporary files this writer creates: {@code .<name>.xmailkit-<random>.tmp}. */
    public static final Pattern TEMP = Pattern.compile("\\..+\\.xmailkit-[0-9]+\\.tmp");

    /** Writes content into a stream (the writer owns the stream; do not close it). */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where the bytes go
         * @throws IOException on failure
         */
        void writeTo(OutputStream out) throws IOException;

        /**
         * @param bytes fixed content
         * @return content writing them
         */
        static Content of(byte[] bytes) {
            return out -> out.write(bytes);
        }
    }

    /** Told the SHA-256 of a new file once it is on disk, before it is renamed into place. */
    @FunctionalInterface
    public interface Announce {
        /** Announces nothing. */
        Announce NONE = hash -> {};

        /**
         * @param sha256 the new content's hash
         * @throws IOException to stop the write (the target stays as it was)
         */
        void at(String sha256) throws IOException;
    }

    /** Whose owner and permissions a new file gets. */
    private enum Keep {
        /** Owner, group and permissions, or the write fails (in-place edits, backups). */
        ALL,
        /** Permissions; owner and group when the process may give files away (root): copies under --out. */
        MODE
    }

    /** What new files get when no file is named to copy their owner and permissions from. */
    private enum Fresh {
        /** The process's owner and default permissions (output files: reports, copies). */
        DEFAULT,
        /** Files 0600, folders 0700, the process's owner ({@link #privately()}). */
        PRIVATE,
        /** Files the owner and group of another file, with no more than its permissions ({@link #ownedLike}). */
        LIKE
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_READ_WRITE =
            EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE);

    private final List<Path> roots;
    private final WritePolicy policy;
    private final Fresh fresh;
    private final Path like;

    SafeWriter(List<Path> roots, WritePolicy policy) {
        this(roots, policy, Fresh.DEFAULT, null);
    }

    private SafeWriter(List<Path> roots, WritePolicy policy, Fresh fresh, Path like) {
        this.roots = List.copyOf(roots);
        this.policy = policy;
        this.fresh = fresh;
        this.like = like;
    }

    /**
     * @return a writer for the same directories whose new files only their owner may read and write (0600) and whose
     *         new folders only their owner may use (0700): xmailkit's private files, such as a copy of a remote
     *         MailRoot or a known-hosts file
     */
    public SafeWriter privately() {
        return new SafeWriter(roots, policy, Fresh.PRIVATE, null);
    }

    /**
     * A writer for the same directories whose new files (a server's journal and lock) belong to the owner and group
     * of the file they serve (its server.tab) when the process may give files away (as root), with read and write
     * for that owner, what the file allows its group to read or write, and nothing for others or execution. A run as
     * root thus leaves files that a later run as the server's owner can use, and that show no one more than the
     * server.tab does. Folders it creates, files created from another file ({@link #create}, {@link #copy}) and
     * replaced files keep their own rules. Where the file is missing or not a regular file, new files are private.
     *
     * @param file the file whose owner and group new files get
     * @return the writer
     */
    public SafeWriter ownedLike(Path file) {
        return new SafeWriter(roots, policy, Fresh.LIKE, file.toAbsolutePath().normalize());
    }

    /** @return the directories this writer may change files in, absolute */
    public List<Path> roots() {
        return roots;
    }

    // ------------------------------------------------------------------ checks

    /**
     * Refuses a file that cannot be replaced under the policy: outside the roots, a link, or not a regular file. Use
     * it to check every file of a change before writing any of them.
     *
     * @param target an existing file
     * @throws WriteRefusedException when it may not be replaced
     * @throws IOException           when it cannot be examined (missing, no permission)
     */
    public void checkReplaceable(Path target) throws IOException {
        Path t = place(target);
        BasicFileAttributes a = Files.readAttributes(t, BasicFileAttributes.class, NOFOLLOW);
        refuseUnlessRegular(target, a);
    }

    /**
     * Where a file really goes: its directory's real path (which must lie inside a root) and its own name.
     */
    private Path place(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        Path parent = abs.getParent();
        if (name == null || parent == null) {
            throw outside(target);
        }
        Path real = parent.toRealPath();
        if (!inside(real)) {
            throw outside(target);
        }
        return real.resolve(name.toString());
    }

    private boolean inside(Path real) throws IOException {
        for (Path root : roots) {
            if (Files.exists(root) && real.startsWith(root.toRealPath())) {
                return true;
            }
        }
        return false;
    }

    private WriteRefusedException outside(Path target) {
        return new WriteRefusedException(
                target,
                WriteRefusedException.Reason.OUTSIDE,
                roots.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }

    private static void refuseUnlessRegular(Path shown, BasicFileAttributes a) throws WriteRefusedException {
        if (a.isSymbolicLink()) {
            throw new WriteRefusedException(shown, WriteRefusedException.Reason.LINK);
        }
        if (!a.isRegularFile()) {
            throw new WriteRefusedException(shown, WriteRefusedException.Reason.NOT_A_FILE);
        }
    }

    /** @return the file's attributes, not following a link; empty when there is no such file */
    private static Optional<BasicFileAttributes> lstat(Path p) throws IOException {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Refuses a link or special file at the target; a missing target is fine. */
    private static void refuseUnlessRegularOrMissing(Path shown, Path t) throws IOException {
        Optional<BasicFileAttributes> a = lstat(t);
        if (a.isPresent()) {
            refuseUnlessRegular(shown, a.get());
        }
    }

    // ------------------------------------------------------------------ directories

    /**
     * Makes sure a directory inside the roots exists, creating each missing part; an existing part that is a link
     * or not a directory is refused. A root itself is created when missing (its path is the user's to choose).
     *
     * @param dir a directory inside a root
     * @return its real path
     * @throws WriteRefusedException when it lies outside the roots or a part of it is a link or a file
     * @throws IOException           when it cannot be created
     */
    public Path directory(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        for (Path root : roots) {
            if (!abs.startsWith(root)) {
                continue;
            }
            Files.createDirectories(root, folderAttributes(root));
            Path current = root.toRealPath();
            Path relative = root.relativize(abs);
            for (int i = 0; i < relative.getNameCount() && !relative.toString().isEmpty(); i++) {
                Path next = current.resolve(relative.getName(i).toString());
                Optional<BasicFileAttributes> a = lstat(next);
                if (a.isEmpty()) {
                    try {
                        Files.createDirectory(next, folderAttributes(current));
                        exactFolderMode(next);
                    } catch (FileAlreadyExistsException e) {
                        a = lstat(next);
                    }
                }
                if (a.isPresent()) {
                    Path shown = root.resolve(relative.subpath(0, i + 1));
                    if (a.get().isSymbolicLink()) {
                        throw new WriteRefusedException(shown, WriteRefusedException.Reason.LINK);
                    }
                    if (!a.get().isDirectory()) {
                        throw new WriteRefusedException(shown, WriteRefusedException.Reason.NOT_A_DIRECTORY);
                    }
                }
                current = next;
            }
            return current;
        }
        // Not under a root by name: an existing directory whose real path is inside one (reached through a link
        // that stays inside) is fine.
        if (Files.isDirectory(abs)) {
            Path real = abs.toRealPath();
            if (inside(real)) {
                return real;
            }
        }
        throw outside(dir);
    }

    // ------------------------------------------------------------------ writes

    /**
     * Replaces an existing regular file: the new content gets the file's owner, group and permissions, and replaces
     * it only if it still holds {@code expected}.
     *
     * @param target   the file (never a link: a link is refused, not followed)
     * @param content  the new bytes
     * @param expected what the file must still hold; null to skip the check
     * @throws WriteRefusedException when refused (a link, outside, changed since read, owner cannot be kept)
     * @throws IOException           when it cannot be written
     */
    public void replace(Path target, byte[] content, byte[] expected) throws IOException {
        Path t = place(target);
        BasicFileAttributes a = Files.readAttributes(t, BasicFileAttributes.class, NOFOLLOW);
        refuseUnlessRegular(target, a);
        Temp temp = temp(t, OWNER_ONLY);
        try {
            fill(temp, Content.of(content), true);
            keepAttributes(t, temp.path(), Keep.ALL);
            policy.hook().at(WriteHook.Stage.BEFORE_RENAME, target);
            if (expected != null && !holds(target, expected)) {
                throw new WriteRefusedException(target, WriteRefusedException.Reason.CHANGED);
            }
            Files.move(temp.path(), t, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            temp.discard();
        }
        syncDirectory(t.getParent());
        policy.hook().at(WriteHook.Stage.AFTER_RENAME, target);
    }

    /**
     * Creates a new file that must not exist yet (a backup), with the owner, group and permissions of another.
     *
     * @param target         the new file
     * @param content        its bytes
     * @param attributesFrom the regular file whose owner and permissions it gets
     * @throws FileAlreadyExistsException when something exists at the target
     * @throws WriteRefusedException      when refused
     * @throws IOException                on failure
     */
    public void create(Path target, byte[] content, Path attributesFrom) throws IOException {
        directory(target.toAbsolutePath().normalize().getParent());
        Path t = place(target);
        refuseUnlessRegular(attributesFrom, Files.readAttributes(attributesFrom, BasicFileAttributes.class, NOFOLLOW));
        if (lstat(t).isPresent()) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Temp temp = temp(t, OWNER_ONLY);
        try {
            fill(temp, Content.of(content), true);
            keepAttributes(attributesFrom, temp.path(), Keep.ALL);
            // Without REPLACE_EXISTING the move refuses an existing target; a rename never follows a link.
            Files.move(temp.path(), t, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            temp.discard();
        }
        syncDirectory(t.getParent());
    }

    /**
     * Writes a new file or replaces one, in an output directory. The file gets the process's default permissions (or
     * as {@link #privately()} and {@link #ownedLike} say) and is not flushed to disk on its own.
     *
     * @param target   the file
     * @param content  what to write
     * @param announce told the content's hash before the file is renamed into place
     * @return the SHA-256 of what was written
     * @throws WriteRefusedException when a link or special file stands at the target, or it lies outside
     * @throws IOException           on failure
     */
    public String write(Path target, Content content, Announce announce) throws IOException {
        directory(target.toAbsolutePath().normalize().getParent());
        Path t = place(target);
        refuseUnlessRegularOrMissing(target, t);
        Temp temp = temp(t, freshMode());
        try {
            String hash = fill(temp, content, false);
            freshAttributes(temp.path());
            announce.at(hash);
            policy.hook().at(WriteHook.Stage.BEFORE_RENAME, target);
            refuseUnlessRegularOrMissing(target, t);
            Files.move(temp.path(), t, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            policy.hook().at(WriteHook.Stage.AFTER_RENAME, target);
            return hash;
        } finally {
            temp.discard();
        }
    }

    /**
     * @param target  the file
     * @param content its bytes
     * @throws IOException see {@link #write(Path, Content, Announce)}
     */
    public void write(Path target, byte[] content) throws IOException {
        write(target, Content.of(content), Announce.NONE);
    }

    /**
     * Writes a new file (in an output directory that was empty) with the permissions of a source file, and its
     * owner and group when the process may give files away (as root); a migrated copy under {@code --out}. The
     * source is only looked at (a link to it is followed to find its permissions); nothing is written to it.
     *
     * @param target         the new file
     * @param content        its bytes
     * @param attributesFrom the regular file whose permissions (and owner) it gets
     * @throws IOException see {@link #create}
     */
    public void writeCopy(Path target, byte[] content, Path attributesFrom) throws IOException {
        copyInto(target, attributesFrom.toRealPath(), Content.of(content), false);
    }

    /**
     * Copies a regular file into a new file, keeping its permissions and modification time, and its owner and
     * group when the process may give files away (as root). The source is opened without following links, and the
     * copy is refused when another file took the source's place while it was read.
     *
     * @param source a regular file
     * @param target the new file
     * @throws WriteRefusedException when the source is a link or special file, or the target is refused
     * @throws IOException           on failure
     */
    public void copy(Path source, Path target) throws IOException {
        copyInto(
                target,
                source,
                out -> {
                    try (InputStream in = openNoFollow(source)) {
                        in.transferTo(out);
                    }
                },
                true);
    }

    private void copyInto(Path target, Path source, Content content, boolean times) throws IOException {
        directory(target.toAbsolutePath().normalize().getParent());
        Path t = place(target);
        BasicFileAttributes src = Files.readAttributes(source, BasicFileAttributes.class, NOFOLLOW);
        refuseUnlessRegular(source, src);
        if (lstat(t).isPresent()) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Temp temp = temp(t, OWNER_ONLY);
        try {
            fill(temp, content, false);
            keepAttributes(source, temp.path(), Keep.MODE);
            if (times) {
                Files.getFileAttributeView(temp.path(), BasicFileAttributeView.class, NOFOLLOW)
                        .setTimes(src.lastModifiedTime(), null, null);
            }
            policy.hook().at(WriteHook.Stage.BEFORE_RENAME, target);
            if (times) {
                sameFile(source, src); // a copy of the file checked, not of one that took its place since
            }
            Files.move(temp.path(), t, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            temp.discard();
        }
        policy.hook().at(WriteHook.Stage.AFTER_RENAME, target);
    }

    /**
     * Creates a symbolic link (a copy of one: the link is made, never followed).
     *
     * @param target where the link goes; nothing may exist there
     * @param text   what the link says
     * @throws IOException on failure
     */
    public void link(Path target, Path text) throws IOException {
        directory(target.toAbsolutePath().normalize().getParent());
        Files.createSymbolicLink(place(target), text);
    }

    /**
     * Appends one record to a journal-like file and flushes it to disk. A last line left without its line end (a
     * crash while appending) is cut off first, so the file always consists of whole lines. Callers that may append
     * concurrently hold a {@link WriteLock} for the file. A new file gets what {@link #ownedLike} or
     * {@link #privately()} say.
     *
     * @param file   the file
     * @param header written first when the file is new or empty (may be empty)
     * @param record the record, ending with a line feed
     * @throws WriteRefusedException when a link or special file stands there, or it lies outside
     * @throws IOException           on failure
     */
    public void append(Path file, byte[] header, byte[] record) throws IOException {
        append(file, header, record, true);
    }

    /** {@link #append(Path, byte[], byte[])}, flushed to disk only when {@code sync}. */
    void append(Path file, byte[] header, byte[] record, boolean sync) throws IOException {
        directory(file.toAbsolutePath().normalize().getParent());
        Path t = place(file);
        try (FileChannel ch = openState(file, t)) {
            long end = wholeLines(ch);
            if (end < ch.size()) {
                ch.truncate(end);
            }
            ByteBuffer b;
            if (end == 0) {
                b = ByteBuffer.allocate(header.length + record.length)
                        .put(header)
                        .put(record)
                        .flip();
            } else {
                b = ByteBuffer.wrap(record);
            }
            long at = end;
            while (b.hasRemaining()) {
                at += ch.write(b, at);
            }
            if (sync) {
                ch.force(true);
            }
        }
    }

    /** @return the length of the file up to and including its last line feed */
    private static long wholeLines(FileChannel ch) throws IOException {
        long size = ch.size();
        ByteBuffer b = ByteBuffer.allocate(8192);
        long pos = size;
        while (pos > 0) {
            int n = (int) Math.min(b.capacity(), pos);
            b.clear().limit(n);
            long from = pos - n;
            while (b.hasRemaining()) {
                if (ch.read(b, from + b.position()) < 0) {
                    throw new IOException("file shrank while read");
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                if (b.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            pos = from;
        }
        return 0;
    }

    /**
     * Deletes a regular file; a link or special file is left alone and refused.
     *
     * @param file the file
     * @return whether a file was deleted (false when there was none)
     * @throws WriteRefusedException when a link or special file stands there, or it lies outside
     * @throws IOException           on failure
     */
    public boolean delete(Path file) throws IOException {
        Path t;
        try {
            t = place(file);
        } catch (NoSuchFileException e) {
            return false;
        }
        Optional<BasicFileAttributes> a = lstat(t);
        if (a.isEmpty()) {
            return false;
        }
        refuseUnlessRegular(file, a.get());
        return Files.deleteIfExists(t);
    }

    /**
     * Reads back one of xmailkit's own state files in these directories (a journal, a manifest): never through a
     * link, never a special file, never more than {@code max} bytes.
     *
     * @param file the file
     * @param max  the most bytes it can sensibly hold
     * @return its bytes; empty when it does not exist
     * @throws WriteRefusedException when it is a link, a special file or too large
     * @throws IOException           when it cannot be read
     */
    public Optional<byte[]> readBack(Path file, long max) throws IOException {
        Optional<Path> t = own(file);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader(t.get()).read(t.get(), new ReadPolicy(max, 0, false)));
        } catch (InputException e) {
            return Optional.of(failed(file, e, max));
        }
    }

    /**
     * The hash of a file in these directories, to compare it with what was read or written before acting on it.
     *
     * @param file a file in these directories
     * @param max  the most bytes it can hold if it is what xmailkit read or wrote
     * @return its SHA-256, read without following links; empty when it does not exist
     * @throws WriteRefusedException when it is a link, a special file or too large
     * @throws IOException           when it cannot be read
     */
    public Optional<String> hash(Path file, long max) throws IOException {
        Optional<Path> t = own(file);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader(t.get()).sha256(t.get(), new ReadPolicy(max, 0, false)));
        } catch (InputException e) {
            return Optional.of(failed(file, e, max));
        }
    }

    /**
     * Where one of xmailkit's own files in these directories really is, refused when a link or special file stands
     * there: such files are never read through a link, even one that stays inside.
     *
     * @return its path under its directory's real path; empty when there is no such file
     */
    private Optional<Path> own(Path file) throws IOException {
        Path t;
        try {
            t = place(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Optional<BasicFileAttributes> a = lstat(t);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        refuseUnlessRegular(file, a.get());
        return Optional.of(t);
    }

    /** The read policy's reader, bounded by the (real) directory a file checked by {@link #own} lies in. */
    private static SafeReader reader(Path own) {
        return SafeReader.directory(own.getParent());
    }

    /** A read the read policy refused, as this writer's refusal or error. Never returns (typed to end expressions). */
    @SuppressWarnings("TypeParameterUnusedInFormals")
    private static <T> T failed(Path file, InputException e, long max) throws IOException {
        switch (e.reason()) {
            case TOO_LARGE, TOO_MANY_LINES ->
                throw new WriteRefusedException(file, WriteRefusedException.Reason.TOO_LARGE, Long.toString(max));
            case LINK_OUTSIDE -> throw new WriteRefusedException(file, WriteRefusedException.Reason.LINK);
            case SPECIAL_FILE, NOT_A_FILE ->
                throw new WriteRefusedException(file, WriteRefusedException.Reason.NOT_A_FILE);
            case MISSING -> throw new NoSuchFileException(file.toString());
            case CHANGED -> throw new WriteRefusedException(file, WriteRefusedException.Reason.CHANGED);
            default -> {
                // Unreadable: the file system's own error (a permission, say), as callers expect it.
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
    }

    /**
     * Takes the exclusive lock of a lock file (created when missing, with what {@link #ownedLike} says; it stays),
     * waiting up to the policy's lock wait while another process or thread holds it. A FIFO, or another file, put in
     * its place while it is opened is refused without blocking.
     *
     * @param lockFile the lock file
     * @return the held lock; close it to release
     * @throws WriteRefusedException {@link WriteRefusedException.Reason#LOCKED} when still held after the wait; a
     *                               link, a special file or another file in its place
     * @throws IOException           when the file cannot be created or locked
     */
    public WriteLock lock(Path lockFile) throws IOException {
        directory(lockFile.toAbsolutePath().normalize().getParent());
        Path t = place(lockFile);
        FileChannel ch = openState(lockFile, t);
        try {
            long deadline = System.nanoTime() + policy.lockWait().toNanos();
            while (true) {
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // another thread of this process holds it
                }
                if (lock != null) {
                    return new WriteLock(ch, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new WriteRefusedException(lockFile, WriteRefusedException.Reason.LOCKED);
                }
                Thread.sleep(25);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ch.close();
            throw new WriteRefusedException(lockFile, WriteRefusedException.Reason.LOCKED);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Opens one of xmailkit's own state files (a lock, a journal) for reading and writing, creating it exclusively
     * with the attributes new files get when it is missing. Opening for reading and writing never waits for the other
     * end of a FIFO (Linux); the opened file must then be able to seek (a FIFO or socket cannot) and be the regular
     * file seen before the open, or it is refused.
     */
    private FileChannel openState(Path shown, Path t) throws IOException {
        Optional<BasicFileAttributes> before = lstat(t);
        if (before.isEmpty()) {
            try {
                FileChannel ch = FileChannel.open(
                        t,
                        Set.of(
                                StandardOpenOption.CREATE_NEW,
                                StandardOpenOption.READ,
                                StandardOpenOption.WRITE,
                                LinkOption.NOFOLLOW_LINKS),
                        permissions(t.getParent(), freshMode()));
                try {
                    freshAttributes(t);
                    return ch;
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
            } catch (FileAlreadyExistsException e) {
                before = lstat(t); // another run made it meanwhile, or a dangling link stands there
                if (before.isEmpty()) {
                    throw e;
                }
            }
        }
        refuseUnlessRegular(shown, before.get());
        return openState(shown, t, before.get());
    }

    /**
     * Opens an existing state file that was checked as {@code checked}: whatever took its place since (tests put a
     * FIFO there) is refused without blocking.
     */
    FileChannel openState(Path shown, Path t, BasicFileAttributes checked) throws IOException {
        FileChannel ch =
                FileChannel.open(t, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            try {
                ch.position(); // lseek: fails on a FIFO or socket
            } catch (IOException e) {
                throw new WriteRefusedException(shown, WriteRefusedException.Reason.NOT_A_FILE);
            }
            sameFile(shown, t, checked);
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Refuses when the path no longer names the regular file whose attributes were read before. */
    private static void sameFile(Path shown, BasicFileAttributes before) throws IOException {
        sameFile(shown, shown, before);
    }

    private static void sameFile(Path shown, Path at, BasicFileAttributes before) throws IOException {
        Optional<BasicFileAttributes> now = lstat(at);
        if (now.isEmpty() || !now.get().isRegularFile()) {
            throw new WriteRefusedException(shown, WriteRefusedException.Reason.NOT_A_FILE);
        }
        Object key = before.fileKey();
        if (key != null && !key.equals(now.get().fileKey())) {
            throw new WriteRefusedException(shown, WriteRefusedException.Reason.CHANGED);
        }
    }

    /** The permissions a new file is created with; null for the process's default. */
    private Set<PosixFilePermission> freshMode() throws IOException {
        return switch (fresh) {
            case DEFAULT -> null;
            case PRIVATE -> OWNER_ONLY;
            case LIKE ->
                likeAttributes()
                        .map(a -> {
                            Set<PosixFilePermission> mode = EnumSet.copyOf(OWNER_ONLY);
                            a.permissions().stream()
                                    .filter(GROUP_READ_WRITE::contains)
                                    .forEach(mode::add);
                            return mode;
                        })
                        .orElse(OWNER_ONLY);
        };
    }

    /** The POSIX attributes of the file {@link #ownedLike} names; empty when it is not a regular file (or no POSIX). */
    private Optional<PosixFileAttributes> likeAttributes() throws IOException {
        PosixFileAttributeView v = Files.getFileAttributeView(like, PosixFileAttributeView.class, NOFOLLOW);
        if (v == null) {
            return Optional.empty();
        }
        try {
            PosixFileAttributes a = v.readAttributes();
            return a.isRegularFile() ? Optional.of(a) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Gives a file this writer just created what {@link #ownedLike} says: that file's owner and group, each as far as
     * the process may give it (root may; another account keeps the file), then exactly the permissions it was
     * created with, where the umask took some away.
     */
    private void freshAttributes(Path created) throws IOException {
        Set<PosixFilePermission> mode = freshMode();
        PosixFileAttributeView v = Files.getFileAttributeView(created, PosixFileAttributeView.class, NOFOLLOW);
        if (mode == null || v == null) {
            return;
        }
        Optional<PosixFileAttributes> from = fresh == Fresh.LIKE ? likeAttributes() : Optional.empty();
        if (from.isPresent()) {
            PosixFileAttributes now = v.readAttributes();
            try {
                if (!from.get().owner().equals(now.owner())) {
                    v.setOwner(from.get().owner()); // lchown: never opens the file
                }
            } catch (FileSystemException e) {
                // Only root may give a file away: the file stays this account's, within the same permissions.
            }
            try {
                if (!from.get().group().equals(now.group())) {
                    v.setGroup(from.get().group());
                }
            } catch (FileSystemException e) {
                // Only a member of that group (or root) may give it the group.
            }
        }
        if (!v.readAttributes().permissions().equals(mode)) {
            v.setPermissions(mode);
        }
    }

    /** The creation attribute of a new folder: 0700 for a private writer, else the process's default. */
    private FileAttribute<?>[] folderAttributes(Path parent) {
        return fresh == Fresh.PRIVATE ? permissions(parent, PRIVATE_FOLDER) : new FileAttribute<?>[0];
    }

    /** Gives a private writer's new folder exactly 0700, where the umask took some away. */
    private void exactFolderMode(Path dir) throws IOException {
        if (fresh != Fresh.PRIVATE) {
            return;
        }
        PosixFileAttributeView v = Files.getFileAttributeView(dir, PosixFileAttributeView.class, NOFOLLOW);
        if (v != null && !v.readAttributes().permissions().equals(PRIVATE_FOLDER)) {
            v.setPermissions(PRIVATE_FOLDER);
        }
    }

    /**
     * Opens a file for reading without following a link (a link there makes the open fail). Only {@link #copy}
     * uses it: a copy streams a MailRoot file of any size (mailboxes included) and never looks at its content, which
     * {@link SafeReader}, reading whole files within bounds, is not for.
     */
    private static InputStream openNoFollow(Path file) throws IOException {
        return Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }

    /** A new temporary file and the channel that created it, which is the only one ever writing it. */
    private record Temp(Path path, FileChannel channel) {
        /** Closes the channel if still open and deletes the file if it was not renamed into place. */
        void discard() throws IOException {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Creates a new temporary file next to the target, exclusively, with these permissions (the umask may take some
     * away; null: the process's default). It is written through the channel returned, never opened again by name.
     */
    private static Temp temp(Path target, Set<PosixFilePermission> mode) throws IOException {
        Path dir = target.getParent();
        String prefix = "." + target.getFileName() + ".xmailkit-";
        Set<OpenOption> options =
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileAttribute<?>[] attrs = permissions(dir, mode);
        for (int tries = 0; ; tries++) {
            Path temp = dir.resolve(prefix + Long.toString(RANDOM.nextLong() >>> 1) + ".tmp");
            try {
                return new Temp(temp, FileChannel.open(temp, options, attrs));
            } catch (FileAlreadyExistsException e) {
                if (tries >= 16) {
                    throw e;
                }
            }
        }
    }

    /** The creation attribute for these permissions where the file system has them; none for null. */
    private static FileAttribute<?>[] permissions(Path dir, Set<PosixFilePermission> mode) {
        return mode != null && posix(dir)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path dir) {
        return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }

    /**
     * Writes the content into the (new, empty) temporary file through the channel that created it, flushed to disk
     * if asked, and closes it; returns its hash.
     */
    private static String fill(Temp temp, Content content, boolean sync) throws IOException {
        MessageDigest d = Hashes.digest();
        try (FileChannel ch = temp.channel()) {
            OutputStream raw = Channels.newOutputStream(ch);
            OutputStream out = new DigestOutputStream(new BufferedOutputStream(raw, 65536), d) {
                @Override
                public void close() {
                    // the channel is closed by the try block, after the flush and sync below
                }
            };
            content.writeTo(out);
            out.flush();
            if (sync) {
                ch.force(true);
            }
        }
        return Hashes.hex(d);
    }

    /** Whether the file still holds exactly these bytes (read without following links). */
    private boolean holds(Path shown, byte[] expected) throws IOException {
        try {
            return readBack(shown, expected.length)
                    .map(now -> Arrays.equals(now, expected))
                    .orElse(false);
        } catch (WriteRefusedException e) {
            if (e.reason() == WriteRefusedException.Reason.TOO_LARGE) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Gives {@code to} the permissions of {@code from} (POSIX mode, or on Windows its ACL) and, as {@code keep}
     * says, its owner and group. With {@link Keep#ALL} a file whose owner cannot be kept is not written: the XMail
     * service account might no longer read it.
     */
    private static void keepAttributes(Path from, Path to, Keep keep) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(from, PosixFileAttributeView.class, NOFOLLOW);
        if (posix != null) {
            PosixFileAttributes a = posix.readAttributes();
            PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class, NOFOLLOW);
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
                if (keep == Keep.ALL) {
                    throw new WriteRefusedException(
                            from,
                            WriteRefusedException.Reason.OWNER,
                            a.owner().getName(),
                            a.group().getName());
                }
                // Keep.MODE: only root may give a file away; the copy stays the user's, with the same mode.
            }
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(from, AclFileAttributeView.class, NOFOLLOW);
        if (acl != null) {
            AclFileAttributeView target = Files.getFileAttributeView(to, AclFileAttributeView.class, NOFOLLOW);
            target.setAcl(acl.getAcl());
            try {
                target.setOwner(acl.getOwner());
            } catch (IOException e) {
                // Windows needs a privilege to give a file away; the ACL copied above keeps the same access.
            }
        }
    }

    /**
     * Makes a rename durable. Not every platform can open a directory (Windows cannot); the rename stands anyway. Only
     * a directory is opened (a FIFO swapped in after this check would still block the open: see the class comment).
     */
    private static void syncDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            if (!lstat(dir).map(BasicFileAttributes::isDirectory).orElse(false)) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort, see above.
        }
    }
}
