package org.xmailkit.model.ctrl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtrlPasswordTest {

    @TempDir
    Path dir;

    private static final String SERVER = "ctrl://admin@127.0.0.1:6018";

    @Test
    void aPrivateFileComesFirstWithoutItsFinalLineBreak() throws IOException {
        Path f = dir.resolve("pw");
        Files.write(f, "from-file\r\n".getBytes(StandardCharsets.UTF_8));
        posix(f, "rw-------");
        assertArrayEquals(
                "from-file".getBytes(StandardCharsets.UTF_8),
                CtrlPassword.find(
                        SERVER, Optional.of(f), Map.of(CtrlPassword.ENVIRONMENT, "from-env"), Optional.empty()));
    }

    @Test
    void aFileOthersCanReadIsRefusedWithoutShowingIt() throws IOException {
        Path f = dir.resolve("pw");
        Files.write(f, "leaky-secret\n".getBytes(StandardCharsets.UTF_8));
        Assumptions.assumeTrue(
                Files.getFileAttributeView(f, PosixFileAttributeView.class) != null, "POSIX permissions only");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        CtrlException e = assertThrows(
                CtrlException.class, () -> CtrlPassword.find(SERVER, Optional.of(f), Map.of(), Optional.empty()));
        assertEquals(CtrlException.Kind.PASSWORD_FILE, e.kind());
        assertFalse(e.oneLine(Locale.ENGLISH).contains("leaky-secret"));
        assertFalse(e.getMessage().contains("leaky-secret"));
    }

    @Test
    void thenTheEnvironmentThenTheTerminal() throws IOException {
        assertArrayEquals(
                "日本".getBytes(StandardCharsets.UTF_8),
                CtrlPassword.find(
                        SERVER, Optional.empty(), Map.of(CtrlPassword.ENVIRONMENT, "日本"), Optional.of(s -> "typed"
                                .toCharArray())));
        assertArrayEquals(
                "typed".getBytes(StandardCharsets.UTF_8),
                CtrlPassword.find(SERVER, Optional.empty(), Map.of(), Optional.of(s -> "typed".toCharArray())));
        CtrlException e = assertThrows(
                CtrlException.class,
                () -> CtrlPassword.find(
                        SERVER, Optional.empty(), Map.of(CtrlPassword.ENVIRONMENT, ""), Optional.empty()));
        assertEquals(CtrlException.Kind.NO_PASSWORD, e.kind());
    }

    private static void posix(Path f, String mode) throws IOException {
        if (Files.getFileAttributeView(f, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        }
    }
}
