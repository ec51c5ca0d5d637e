package org.xmailkit.model.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What some tests need from the system: symbolic links, POSIX permissions, FIFOs, an account that file permissions
 * apply to. The build runs on such a system (Linux, as CI does); where one is missing the test fails saying what it
 * needs, rather than being skipped.
 */
public final class Needs {

    private Needs() {
    }

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
        List<String> command = new ArrayList<>(List.of(setpriv.toString(),
                "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
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

    /**
     * @param fifo the FIFO to create (with {@code mkfifo})
     * @return it
     */
    public static Path fifo(Path fifo) {
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
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
