package org.xmailkit.model.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpoolTest {

    private static byte[] copied(Spool s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.copyTo(out);
        return out.toByteArray();
    }

    @Test
    void smallContentStaysInMemoryAndIsCopiedInTheOrderWritten() throws IOException {
        try (Spool s = new Spool()) {
            s.write("one, ".getBytes(StandardCharsets.UTF_8));
            s.write('2');
            s.write(", three".getBytes(StandardCharsets.UTF_8), 0, 7);
            assertFalse(s.onDisk());
            assertEquals(13, s.size());
            assertEquals("one, 2, three", new String(copied(s), StandardCharsets.UTF_8));
            // copied again, and written to after a copy
            s.write('!');
            assertEquals("one, 2, three!", new String(copied(s), StandardCharsets.UTF_8));
            try (InputStream in = s.read()) {
                assertEquals("one, 2, three!", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void pastItsLimitItMovesToAnOwnerOnlyTemporaryFileThatClosingDeletes() throws IOException {
        byte[] expected = new byte[10_000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i * 31);
        }
        Path file;
        try (Spool s = new Spool(1000)) {
            s.write(expected, 0, 600);
            assertFalse(s.onDisk());
            s.write(expected, 600, 600); // crosses the limit: what was in memory goes first
            assertTrue(s.onDisk());
            for (int i = 1200; i < expected.length; i++) {
                s.write(expected[i]);
            }
            assertEquals(expected.length, s.size());
            assertArrayEquals(expected, copied(s));
            assertArrayEquals(expected, copied(s));
            file = s.file();
            assertTrue(Files.exists(file));
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertEquals(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                        Files.getPosixFilePermissions(file));
            }
        }
        assertFalse(Files.exists(file), "closing deletes the temporary file");
    }

    @Test
    void aClosedSpoolCannotBeUsed() throws IOException {
        Spool s = new Spool(4);
        s.write(new byte[10], 0, 10);
        s.close();
        s.close();
        assertThrows(IOException.class, () -> s.write(1));
        assertThrows(IOException.class, () -> copied(s));
    }
}
