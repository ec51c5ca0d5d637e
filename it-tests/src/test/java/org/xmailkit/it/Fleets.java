package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;

/**
 * Fleets of MailRoots for the container tests, under target/it (not a JUnit temporary directory: the container's
 * user must be able to read them, and they stay for a look after a failure).
 */
final class Fleets {

    private Fleets() {}

    /**
     * @param name a directory name, unique per test
     * @return an empty directory under target/it, emptied if an earlier run left it
     */
    static Path fresh(String name) {
        Path dir = Path.of(System.getProperty("xmailkit.it.out", "target/it"))
                .resolve(name)
                .toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes a tree readable by every user (directories 755, files 644), whatever the umask was.
     *
     * @param root a directory
     * @return root
     */
    static Path readableByAll(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(
                        p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param root a directory
     * @return every file and directory under it with its content hash, size, permissions and modification time
     */
    static SortedMap<String, String> snapshot(Path root) {
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String rel = root.relativize(p).toString();
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                String time = Files.getLastModifiedTime(p).toString();
                out.put(
                        rel,
                        Files.isDirectory(p)
                                ? "dir " + perms + " " + time
                                : sha256(Files.readAllBytes(p)) + " " + Files.size(p) + " " + perms + " " + time);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param root a directory
     * @return every file under it (relative path to bytes; symbolic links as "-> target"), directories left out
     */
    static SortedMap<String, byte[]> contents(Path root) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, ("-> " + Files.readSymbolicLink(p)).getBytes(StandardCharsets.UTF_8));
                } else if (Files.isRegularFile(p)) {
                    out.put(rel, Files.readAllBytes(p));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that two trees hold the same files with the same bytes (all differences reported at once).
     *
     * @param expected {@link #contents} of the expected tree
     * @param actual   {@link #contents} of the tree to check
     */
    static void assertSameContents(SortedMap<String, byte[]> expected, SortedMap<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "the files of the tree");
        List<Executable> same = new ArrayList<>();
        expected.forEach((file, bytes) -> same.add(() -> assertArrayEquals(bytes, actual.get(file), file)));
        assertAll(same);
    }

    /**
     * @param path a file or directory
     * @return its owner as {@code uid:gid}, the form {@link InContainer#user} takes
     */
    static String owner(Path path) {
        try {
            return Files.getAttribute(path, "unix:uid") + ":" + Files.getAttribute(path, "unix:gid");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param bytes any bytes
     * @return their SHA-256, in lower-case hex
     */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
