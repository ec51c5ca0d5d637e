package org.xmailkit.model.ctrl;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every local file the CTRL support reads or writes goes through here: the snapshot of a remote MailRoot (folders
 * 0700, files 0600), the known-hosts file, the password file and the CA file. Nothing here follows a symbolic link
 * it did not start from, and a snapshot name is always a plain relative path checked by {@link #safeName}.
 */
public final class PrivateFiles {

    /** The largest password, known-hosts or CA file read. */
    public static final int MAX_SMALL_FILE = 1024 * 1024;

    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

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
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(dir.toString(), null, "not a folder");
            }
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new DirectoryNotEmptyException(dir.toString());
                }
            }
            restrict(dir, true);
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        createDirectory(dir);
    }

    /**
     * @param prefix a name prefix
     * @return a new temporary folder only its owner can use
     * @throws IOException when it cannot be created
     */
    public static Path newTemporaryDirectory(String prefix) throws IOException {
        if (posix(Path.of(System.getProperty("java.io.tmpdir")))) {
            return Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
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
        Path dir = root;
        String[] parts = relative.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            dir = dir.resolve(parts[i]);
            if (Files.isSymbolicLink(dir)) {
                throw new FileSystemException(dir.toString(), null, "a symbolic link");
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                createDirectory(dir);
            }
        }
        Path file = dir.resolve(parts[parts.length - 1]);
        replace(file, bytes);
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
        Path dir = root;
        for (String part : relative.split("/")) {
            dir = dir.resolve(part);
            if (Files.isSymbolicLink(dir)) {
                throw new FileSystemException(dir.toString(), null, "a symbolic link");
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                createDirectory(dir);
            }
        }
    }

    /**
     * Replaces a file atomically with one only its owner may read (a known-hosts file, a snapshot file).
     *
     * @param file  the file
     * @param bytes the content
     * @throws IOException when it cannot be written
     */
    public static void replace(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.isSymbolicLink(file)) {
            throw new FileSystemException(file.toString(), null, "a symbolic link");
        }
        FileAttribute<?>[] attrs = posix(dir)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", attrs);
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads a small file the user named (a known-hosts or CA file).
     *
     * @param file the file
     * @return its bytes, or null when it does not exist
     * @throws IOException when it is not a regular file, is too large or cannot be read
     */
    public static byte[] readSmall(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            throw new FileSystemException(file.toString(), null, "not a regular file");
        }
        if (Files.size(file) > MAX_SMALL_FILE) {
            throw new FileSystemException(file.toString(), null, "larger than " + MAX_SMALL_FILE + " bytes");
        }
        return Files.readAllBytes(file);
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
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(file.toString(), null, "not a regular file");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view != null) {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            if (perms.stream().anyMatch(OTHERS::contains)) {
                throw new FileSystemException(file.toString(), null,
                        "mode " + PosixFilePermissions.toString(perms) + ": only its owner may read it (chmod 600)");
            }
        }
        if (Files.size(file) > MAX_SMALL_FILE) {
            throw new FileSystemException(file.toString(), null, "larger than " + MAX_SMALL_FILE + " bytes");
        }
        return Files.readAllBytes(file);
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

    private static void createDirectory(Path dir) throws IOException {
        if (posix(dir.toAbsolutePath().getParent())) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
            restrict(dir, true); // the umask may have taken bits away, never added them; set exactly
        } else {
            Files.createDirectory(dir);
        }
    }

    private static void restrict(Path p, boolean directory) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
        }
    }

    private static boolean posix(Path dir) {
        return dir != null && Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }
}
