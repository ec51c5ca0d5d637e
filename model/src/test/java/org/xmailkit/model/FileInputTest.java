package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mozilla.universalchardet.UniversalDetector;

class FileInputTest {

    @TempDir
    Path tmp;

    @Test
    void readsTextFilesAsTheyAre() throws Exception {
        byte[] bytes = "\"A\"\t\"1\u0000x\"\r\n".getBytes(StandardCharsets.ISO_8859_1);
        Path p = Files.write(tmp.resolve("server.tab"), bytes);
        assertArrayEquals(bytes, FileInput.read(p), "a stray NUL is XMail's business, not binary");
    }

    @Test
    void aMissingPathIsReportedOnOneLine() {
        InputException e = assertThrows(InputException.class, () -> FileInput.read(tmp.resolve("gone.tab")));
        assertEquals(InputException.Reason.MISSING, e.reason());
        assertEquals(tmp.resolve("gone.tab") + ": no such file or directory", e.getMessage());
        assertEquals(tmp.resolve("gone.tab") + ": ファイルまたはディレクトリが存在しません", e.oneLine(Locale.JAPANESE));
    }

    @Test
    void aDirectoryIsNotAFile() {
        InputException e = assertThrows(InputException.class, () -> FileInput.read(tmp));
        assertEquals(InputException.Reason.NOT_A_FILE, e.reason());
    }

    @Test
    void binaryFilesAreRefused() throws IOException {
        Path png = Files.write(tmp.resolve("a.tab"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        assertEquals(InputException.Reason.BINARY, assertThrows(InputException.class, () -> FileInput.read(png)).reason());
        byte[] noise = new byte[4096];
        new java.util.Random(1).nextBytes(noise);
        Path random = Files.write(tmp.resolve("b.tab"), noise);
        assertEquals(InputException.Reason.BINARY, assertThrows(InputException.class, () -> FileInput.read(random)).reason());
        assertFalse(FileInput.looksBinary("\"A\"\t\"\u001A\"\r\n\f".getBytes(StandardCharsets.ISO_8859_1)));
        assertFalse(FileInput.looksBinary(new byte[0]));
        assertTrue(FileInput.looksBinary("MZ\u0090".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void anUnreadableFileIsAnInputErrorWhateverTheUser() throws IOException {
        Path p = Files.writeString(tmp.resolve("server.tab"), "\"A\"\t\"1\"\n");
        InputException denied = assertThrows(InputException.class, () -> FileInput.read(p, path -> {
            throw new AccessDeniedException(path.toString());
        }));
        assertEquals(InputException.Reason.UNREADABLE, denied.reason());
        assertEquals(p + ": cannot be read (permission denied)", denied.getMessage());
        InputException io = assertThrows(InputException.class, () -> FileInput.read(p, path -> {
            throw new IOException("Input/output error");
        }));
        assertEquals(p + ": cannot be read (Input/output error)", io.getMessage());
    }

    /**
     * A file without read permission, on disk. A process that may read it anyway (root, through its DAC
     * capabilities) reads it in a child JVM run without those capabilities (util-linux's setpriv), so that the test
     * sees what any other account sees.
     */
    @Test
    void anUnreadableFileOnDiskIsAnInputError() throws Exception {
        Path p = Files.writeString(tmp.resolve("locked.tab"), "\"A\"\t\"1\"\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(p)) {
            assertEquals(InputException.Reason.UNREADABLE,
                    assertThrows(InputException.class, () -> FileInput.read(p)).reason());
            return;
        }
        assertEquals("UNREADABLE " + p + ": cannot be read (permission denied)", readWithoutDacCapabilities(p));
    }

    /** What {@link ReadInChild} prints for the file, run without the capabilities that bypass file permissions. */
    private static String readWithoutDacCapabilities(Path p) throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        assertTrue(Files.isExecutable(setpriv), "running this test as root needs setpriv (Debian package util-linux)");
        String classPath = String.join(File.pathSeparator, location(FileInput.class), location(ReadInChild.class),
                location(UniversalDetector.class));
        Process child = new ProcessBuilder(setpriv.toString(), "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-all", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                ReadInChild.class.getName(), p.toString()).redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM ends");
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, child.exitValue(), out);
        return out;
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Reads a file with {@link FileInput} and prints the error's reason and message, or "read". */
    static final class ReadInChild {
        private ReadInChild() {
        }

        public static void main(String[] args) {
            try {
                FileInput.read(Path.of(args[0]));
                System.out.println("read");
            } catch (InputException e) {
                System.out.println(e.reason() + " " + e.getMessage());
            }
        }
    }

    @Test
    void aFiftyMegabyteFileIsRefusedWithoutReadingIt() throws IOException {
        Path p = tmp.resolve("huge.tab");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        InputException e = assertThrows(InputException.class, () -> FileInput.read(p, path -> {
            throw new AssertionError("must not be read");
        }));
        assertEquals(InputException.Reason.TOO_LARGE, e.reason());
        assertEquals(p + ": file is 50 MB; the limit for a configuration file is 16 MB", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
