package org.xmailkit.model.ctrl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.fs.WriteRefusedException;
import org.xmailkit.model.testing.Needs;

/** The local files of the CTRL support go through the read and write policies. */
class PrivateFilesTest {

    @TempDir
    Path tmp;

    private static final String FINGERPRINT = "ab".repeat(32);

    /**
     * A known-hosts, CA or servers file named in a folder another account can write, replaced by a link to a file
     * outside that folder: refused as the read policy refuses it, and nothing of the target read. Before, the link
     * was followed and the target read (and, for a servers file, its lines shown in error messages).
     */
    @Test
    void aFileNamedForCtrlThatLinksOutOfItsFolderIsNotRead() throws Exception {
        Path secret = Files.writeString(
                Files.createDirectories(tmp.resolve("etc")).resolve("shadow"),
                "root:$6$secret-hash:19000:0:99999:7:::\n");
        Path config = Files.createDirectories(tmp.resolve("config"));
        Path link = Needs.symbolicLink(config.resolve("known_hosts"), secret);

        IOException e = assertThrows(IOException.class, () -> PrivateFiles.readSmall(link));

        assertTrue(e.getMessage().contains("link"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-hash"), e.getMessage());
        assertThrows(IOException.class, () -> KnownHosts.lookup(link, "mx1.example:6018"));
        Path inside = Needs.symbolicLink(config.resolve("ca.pem"), Files.writeString(config.resolve("real.pem"), "x"));
        assertArrayEquals(
                "x".getBytes(StandardCharsets.UTF_8),
                PrivateFiles.readSmall(inside),
                "a link that stays in the folder is read");
        assertNull(PrivateFiles.readSmall(config.resolve("missing")));
    }

    @Test
    void aFifoNamedForCtrlIsRefusedWithoutBeingOpened() {
        Path fifo = Needs.fifo(tmp.resolve("servers.txt"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThrows(IOException.class, () -> PrivateFiles.readSmall(fifo));
            assertThrows(IOException.class, () -> PrivateFiles.readOwnerOnly(fifo));
        });
    }

    @Test
    void aFileOverTheBoundIsRefused() throws Exception {
        Path big = Files.write(tmp.resolve("ca.pem"), new byte[PrivateFiles.MAX_SMALL_FILE + 1]);
        IOException e = assertThrows(IOException.class, () -> PrivateFiles.readSmall(big));
        assertTrue(e.getMessage().startsWith(big.toString()), e.getMessage());
    }

    /**
     * A known-hosts file recorded in a folder that does not exist yet: the folder is made for its owner only, as the
     * file is. Before, the folder got the process's default permissions.
     */
    @Test
    void aKnownHostsFileAndTheFolderMadeForItArePrivate() throws Exception {
        Path known = tmp.resolve("new/xmailkit/known_hosts");

        KnownHosts.record(known, "mx1.example:6018", FINGERPRINT);

        Needs.posix(known);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(known)));
        for (Path d : List.of(tmp.resolve("new"), tmp.resolve("new/xmailkit"))) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d)), d.toString());
        }
        assertEquals(Optional.of(FINGERPRINT), KnownHosts.lookup(known, "mx1.example:6018"));
        try (var s = Files.list(known.getParent())) {
            assertEquals(List.of(known), s.toList(), "no temporary file left");
        }
    }

    @Test
    void aKnownHostsFileThatIsALinkIsNeitherWrittenNorFollowed() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim"), "mine\n");
        Path dir = Files.createDirectories(tmp.resolve("config"));
        Path link = Needs.symbolicLink(dir.resolve("known_hosts"), Path.of("../victim"));

        assertThrows(IOException.class, () -> PrivateFiles.replace(link, "x\n".getBytes(StandardCharsets.UTF_8)));

        assertEquals("mine\n", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aSnapshotNameThroughALinkIsRefused() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path snapshot = Files.createDirectories(tmp.resolve("snapshot"));
        Needs.symbolicLink(snapshot.resolve("domains"), outside);

        WriteRefusedException e = assertThrows(
                WriteRefusedException.class,
                () -> PrivateFiles.writePrivate(
                        snapshot, "domains/example.jp/user.tab", "x".getBytes(StandardCharsets.UTF_8)));

        assertEquals(WriteRefusedException.Reason.LINK, e.reason());
        try (var s = Files.list(outside)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void thePasswordFileIsReadOnlyWhenOnlyItsOwnerCanReadIt() throws Exception {
        Path pw = Files.writeString(tmp.resolve("pw"), "s3cret\n");
        Needs.posix(pw);
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        assertArrayEquals("s3cret\n".getBytes(StandardCharsets.UTF_8), PrivateFiles.readOwnerOnly(pw));

        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-r-----"));
        IOException e = assertThrows(IOException.class, () -> PrivateFiles.readOwnerOnly(pw));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));

        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        Path link = Needs.symbolicLink(tmp.resolve("pw-link"), pw);
        assertThrows(IOException.class, () -> PrivateFiles.readOwnerOnly(link), "not even a link to a private file");
    }
}
