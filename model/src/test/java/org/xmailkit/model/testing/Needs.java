package org.xmailkit.model.testing;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What some tests need from the system: symbolic links, POSIX permissions, FIFOs, an account that file permissions
 * apply to. The build runs on such a system (Linux, as CI does); where one is missing the test fails saying what it
 * needs, rather than being skipped.
 */
public final class Needs {

    private Needs() {}

    /**
     * @param link   the link to create
     * @param target what it points to
     * @return the link
     */
    public static Path symbolicLink(Path link, Path target) {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            throw new AssertionError("this test needs a file system with symbolic links", e);
        }
    }

    /** @param file a file on the file system the test uses, which must have POSIX permissions */
    public static void posix(Path file) {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            throw new AssertionError("this test needs a file system with POSIX permissions: " + file);
        }
    }

    /**
     * Runs a class's {@code main} in a child JVM (this test class path) without the capabilities that let root read
     * any file whatever its permissions ({@code setpriv} from util-linux drops CAP_DAC_OVERRIDE and
     * CAP_DAC_READ_SEARCH): how a test sees what another account sees when the build runs as root.
     *
     * @param main the class to run
     * @param args its arguments
     * @return what it printed, stripped
     */
    public static String runWithoutDacOverride(Class<?> main, String... args) {
        Path setpriv = Path.of("/usr/bin/setpriv");
        if (!Files.isExecutable(setpriv)) {
            throw new AssertionError("run as root, this test needs setpriv (Debian package util-linux)");
        }
        List<String> command = new ArrayList<>(List.of(
                setpriv.toString(),
                "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-all",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        try {
            Process child =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = child.getInputStream().readAllBytes();
            if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
                child.destroyForcibly();
                throw new AssertionError("the child JVM failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** @return whether the build runs as root (uid 0), as xmailkit usually does on a server */
    public static boolean root() {
        Path probe = null;
        try {
            probe = Files.createTempFile("xmailkit-uid-", ".probe"); // a new file belongs to the process's account
            return Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException e) {
                    // A temporary file left behind.
                }
            }
        }
    }

    /**
     * Runs a class's {@code main} in a child JVM as another account (uid and gid {@code uid}, no supplementary
     * groups, no capabilities; {@code setpriv} from util-linux): how a test sees what that account can do with files
     * a run as root left. The child's class path is a world-readable copy of the folders or jars holding the classes
     * named, so that it does not depend on who may read the build's own folders; the classes must need nothing else.
     *
     * @param uid     the account's uid (and gid)
     * @param classes the classes whose folders or jars make up the class path, the first one's {@code main} runs
     * @param args    its arguments
     * @return what it printed, stripped
     */
    public static String runAs(int uid, List<Class<?>> classes, String... args) {
        Path setpriv = Path.of("/usr/bin/setpriv");
        if (!Files.isExecutable(setpriv)) {
            throw new AssertionError("run as root, this test needs setpriv (Debian package util-linux)");
        }
        Path copy = null;
        try {
            copy = Files.createTempDirectory("xmailkit-child-");
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
            List<String> path = new ArrayList<>();
            for (Class<?> c : classes) {
                Path from = Path.of(
                        c.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path to = copy.resolve(Integer.toString(path.size()) + (Files.isDirectory(from) ? "" : ".jar"));
                copyTree(from, to);
                if (!path.contains(to.toString())) {
                    path.add(to.toString());
                }
            }
            List<String> command = new ArrayList<>(List.of(
                    setpriv.toString(),
                    "--reuid=" + uid,
                    "--regid=" + uid,
                    "--clear-groups",
                    "--inh-caps=-all",
                    "--bounding-set=-all",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    String.join(File.pathSeparator, path),
                    classes.get(0).getName()));
            command.addAll(List.of(args));
            Process child =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = child.getInputStream().readAllBytes();
            if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
                child.destroyForcibly();
                throw new AssertionError("the child JVM failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException | URISyntaxException e) {
            throw new AssertionError("cannot run a child JVM as uid " + uid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            if (copy != null) {
                deleteTree(copy);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(p, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary folder left behind.
        }
    }

    /**
     * @param fifo the FIFO to create (with {@code mkfifo})
     * @return it
     */
    public static Path fifo(Path fifo) {
        try {
            Process p =
                    new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return fifo;
            }
            p.destroyForcibly();
        } catch (IOException e) {
            throw new AssertionError("this test needs mkfifo (coreutils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("this test needs mkfifo (coreutils) to make " + fifo);
    }
}
