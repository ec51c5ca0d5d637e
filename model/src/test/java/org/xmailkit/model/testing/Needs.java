package org.xmailkit.model.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.TimeUnit;

/**
 * What some tests need from the file system: symbolic links, POSIX permissions, FIFOs. The build runs on such a
 * system (Linux, as CI does); where one is missing the test fails saying what it needs, rather than being skipped.
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
