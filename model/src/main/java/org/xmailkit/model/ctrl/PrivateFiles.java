package org.xmailkit.model.ctrl;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.xmailkit.model.InputException;
import org.xmailkit.model.fs.ReadPolicy;
import org.xmailkit.model.fs.SafeReader;
import org.xmailkit.model.fs.SafeWriter;
import org.xmailkit.model.fs.WritePolicy;

/**
 * Every local file the CTRL support reads or writes goes through here: the snapshot of a remote MailRoot (folders
 * 0700, files 0600), the known-hosts file, the password file and the CA file. Reads go through the read policy
 * ({@link SafeReader}: a file named on the command line is read only if it is a regular file inside the folder it
 * is named in, within a size bound) and writes through the write policy's private writer
 * ({@link SafeWriter#privately()}: no link followed, atomic, 0600 files in 0700 folders). A snapshot name is always a
 * plain relative path checked by {@link #safeName}.
 */
public final class PrivateFiles {

    /** The largest password, known-hosts or CA file read. */
    public static final int MAX_SMALL_FILE = 1024 * 1024;

    private static final ReadPolicy SMALL = new ReadPolicy(MAX_SMALL_FILE, 0, false);
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {}

    /**
     * @param relative a relative path with {@code /} separators, such as {@code domains/example.com/info/user.tab}
     * @return whether each of its parts is a plain ASCII name (letters, digits, {@code ._@+-}; no {@code ..}, no
     *         final dot), at most 8 parts: nothing that leaves a folder or needs quoting on the CTRL line (XMail itself
     *         refuses any path holding {@code ..}: CTRLSvr.cpp CTRLCheckRelativePath)
     */
    public static boolean safeName(String relative) {
        if (relative == null || relative.isEmpty() || relative.length() > 512) {
            return false;
        }
        String[] parts = relative.split("/", -1);
        if (parts.length > 8) {
            return false;
        }
        for (String p : parts) {
            if (!SEGMENT.matcher(p).matches() || p.contains("..") || p.endsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Creates a folder only its owner can use, or checks that an existing one is a real, empty folder.
     *
     * @param dir the folder
     * @throws IOException when it exists and is not an empty folder, or cannot be created
     */
    public static void newPrivateDirectory(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(dir.toString(), null, "not a folder");
            }
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new DirectoryNotEmptyException(dir.toString());
                }
            }
            PosixFileAttributeView view =
                    Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (view != null) {
                view.setPermissions(PosixFilePermissions.fromString("rwx------"));
            }
            return;
        }
        writer(abs.getParent()).directory(abs);
    }

    /**
     * @param prefix a name prefix
     * @return a new temporary folder only its owner can use
     * @throws IOException when it cannot be created
     */
    public static Path newTemporaryDirectory(String prefix) throws IOException {
        if (posix(Path.of(System.getProperty("java.io.tmpdir")))) {
            return Files.createTempDirectory(
                    prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(prefix);
    }

    /**
     * Writes a file of a snapshot, only its owner may read it; the folders on the way are created 0700. An existing
     * file of that name is replaced; a symbolic link on the way is refused.
     *
     * @param root     the snapshot folder
     * @param relative a name that passes {@link #safeName}
     * @param bytes    the content
     * @return the file
     * @throws IOException when the name is not safe or the file cannot be written
     */
    public static Path writePrivate(Path root, String relative, byte[] bytes) throws IOException {
        if (!safeName(relative)) {
            throw new FileSystemException(relative, null, "not a plain relative name");
        }
        Path file = root.resolve(relative);
        writer(root).write(file, bytes);
        return file;
    }

    /**
     * Creates an empty folder of a snapshot (a folder that exists on the server, such as {@code cmdaliases}).
     *
     * @param root     the snapshot folder
     * @param relative a name that passes {@link #safeName}
     * @throws IOException when the name is not safe or the folder cannot be created
     */
    public static void directory(Path root, String relative) throws IOException {
        if (!safeName(relative)) {
            throw new FileSystemException(relative, null, "not a plain relative name");
        }
        writer(root).directory(root.resolve(relative));
    }

    /**
     * Replaces a file atomically with one only its owner may read (a known-hosts file); a folder made for it only
     * its owner may use.
     *
     * @param file  the file
     * @param bytes the content
     * @throws IOException when it cannot be written (a link or special file in its place included)
     */
    public static void replace(Path file, byte[] bytes) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        writer(abs.getParent()).write(abs, bytes);
    }

    /**
     * Reads a small file the user named (a known-hosts, CA or servers file) under the read policy: a regular file
     * inside the folder it is named in (a link leaving that folder is not read), at most {@link #MAX_SMALL_FILE}.
     *
     * @param file the file
     * @return its bytes, or null when it does not exist
     * @throws IOException when it is not a regular file, leaves its folder, is too large or cannot be read
     */
    public static byte[] readSmall(Path file) throws IOException {
        try {
            return SafeReader.forFile(file).read(file, SMALL);
        } catch (InputException e) {
            if (e.reason() == InputException.Reason.MISSING) {
                return null;
            }
            throw failed(file, e);
        }
    }

    /**
     * Reads back a file of a snapshot this process made, under the read policy.
     *
     * @param root     the snapshot folder
     * @param relative a name that passes {@link #safeName}
     * @param max      the most bytes it can hold
     * @return its bytes
     * @throws IOException when it cannot be read
     */
    public static byte[] readCopied(Path root, String relative, long max) throws IOException {
        Path file = root.resolve(relative);
        try {
            return SafeReader.mailRoot(root).read(file, new ReadPolicy(max, 0, false));
        } catch (InputException e) {
            throw failed(file, e);
        }
    }

    /**
     * Reads a file that must be private: a regular file (not a link) that neither its group nor others may read or
     * write, where the file system has POSIX permissions (Windows ACLs are not judged).
     *
     * @param file the file
     * @return its bytes
     * @throws IOException when it is missing, not private, too large or unreadable; the message never holds content
     */
    public static byte[] readOwnerOnly(Path file) throws IOException {
        Object checked = ownerOnly(file);
        byte[] bytes;
        try {
            bytes = SafeReader.forFile(file).read(file, SMALL);
        } catch (InputException e) {
            throw failed(file, e);
        }
        // The file read is the one whose permissions were checked: the read policy refuses a file replaced while
        // it was read, and this refuses one replaced between the check and the read.
        try {
            if (checked != null && !checked.equals(ownerOnly(file))) {
                throw new FileSystemException(file.toString(), null, "replaced while it was read");
            }
        } catch (IOException e) {
            Arrays.fill(bytes, (byte) 0);
            throw e;
        }
        return bytes;
    }

    /**
     * Checks that a file is a regular file (not a link) that neither its group nor others may read or write.
     *
     * @return its identity (null where the file system has none)
     */
    private static Object ownerOnly(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString());
        }
        if (!a.isRegularFile()) {
            throw new FileSystemException(file.toString(), null, "not a regular file");
        }
        PosixFileAttributeView view =
                Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view != null) {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            if (perms.stream().anyMatch(OTHERS::contains)) {
                throw new FileSystemException(
                        file.toString(),
                        null,
                        "mode " + PosixFilePermissions.toString(perms) + ": only its owner may read it (chmod 600)");
            }
        }
        return a.fileKey();
    }

    /** A read the read policy refused, as an I/O error naming the file; its message holds no content. */
    private static IOException failed(Path file, InputException e) {
        IOException x = e.reason() == InputException.Reason.MISSING
                ? new NoSuchFileException(file.toString())
                : new FileSystemException(file.toString(), null, e.message(Locale.ENGLISH));
        x.initCause(e);
        return x;
    }

    /** The write policy's private writer for a folder (created when missing, 0700). */
    private static SafeWriter writer(Path dir) {
        return WritePolicy.STANDARD.writerFor(dir).privately();
    }

    /**
     * Deletes a folder this process created (a temporary snapshot), without following links out of it.
     *
     * @param dir the folder
     * @throws IOException when something cannot be deleted
     */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean posix(Path dir) {
        return dir != null && Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }
}
