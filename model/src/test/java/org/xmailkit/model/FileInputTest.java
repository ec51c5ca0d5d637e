package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void anUnreadableFileOnDiskIsAnInputError() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads files whatever their permissions");
        Path p = Files.writeString(tmp.resolve("locked.tab"), "\"A\"\t\"1\"\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        assertEquals(InputException.Reason.UNREADABLE, assertThrows(InputException.class, () -> FileInput.read(p)).reason());
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
