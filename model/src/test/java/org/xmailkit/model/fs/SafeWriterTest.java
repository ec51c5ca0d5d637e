package org.xmailkit.model.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.testing.Needs;

/** The write policy's primitives: confinement, no links followed, exclusive temporary files, whole-line appends. */
class SafeWriterTest {

    @TempDir
    Path tmp;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A symbolic link, or the test is skipped where the platform cannot make one. */
    private static Path link(Path link, Path target) {
        return Needs.symbolicLink(link, target);
    }

    private Path mailRoot() throws IOException {
        return Files.createDirectories(tmp.resolve("MailRoot"));
    }

    // ------------------------------------------------------------------ replace

    @Test
    void replaceKeepsPermissionsAndLeavesNoTemporaryFile() throws Exception {
        Path root = mailRoot();
        Path f = Files.writeString(root.resolve("server.tab"), "old");
        Needs.posix(f);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));

        WritePolicy.STANDARD.writerFor(root).replace(f, bytes("new"), bytes("old"));

        assertEquals("new", Files.readString(f));
        assertEquals(PosixFilePermissions.fromString("rw-r-----"), Files.getPosixFilePermissions(f));
        assertEquals(List.of("server.tab"), names(root));
    }

    @Test
    void replaceRefusesAFileThatChangedSinceItWasRead() throws Exception {
        Path root = mailRoot();
        Path f = Files.writeString(root.resolve("server.tab"), "edited by someone");

        WriteRefusedException e = assertThrows(WriteRefusedException.class,
                () -> WritePolicy.STANDARD.writerFor(root).replace(f, bytes("new"), bytes("old")));

        assertEquals(WriteRefusedException.Reason.CHANGED, e.reason());
        assertEquals("edited by someone", Files.readString(f));
        assertEquals(List.of("server.tab"), names(root));
        assertTrue(e.oneLine(Locale.JAPANESE).startsWith(f + ": "));
        assertTrue(e.oneLine(Locale.JAPANESE).contains("変更"), e.oneLine(Locale.JAPANESE));
    }

    @Test
    void replaceRefusesASymbolicLinkAndLeavesItsTargetAlone() throws Exception {
        Path victim = Files.writeString(Files.createDirectories(tmp.resolve("etc")).resolve("victim"), "old");
        Path root = mailRoot();
        Path tab = link(root.resolve("server.tab"), victim);

        WriteRefusedException e = assertThrows(WriteRefusedException.class,
                () -> WritePolicy.STANDARD.writerFor(root).replace(tab, bytes("new"), bytes("old")));

        assertEquals(WriteRefusedException.Reason.LINK, e.reason());
        assertTrue(Files.isSymbolicLink(tab));
        assertEquals("old", Files.readString(victim));
        assertEquals(List.of("server.tab"), names(root));
    }

    @Test
    void aFailureBeforeTheRenameLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path root = mailRoot();
        Path f = Files.writeString(root.resolve("server.tab"), "old");
        SafeWriter failing = WritePolicy.withHook((stage, target) -> {
            if (stage == WriteHook.Stage.BEFORE_RENAME) {
                throw new IOException("disk full");
            }
        }).writerFor(root);

        assertThrows(IOException.class, () -> failing.replace(f, bytes("new"), null));

        assertEquals("old", Files.readString(f));
        assertEquals(List.of("server.tab"), names(root));
    }

    // ------------------------------------------------------------------ confinement

    @Test
    void nothingOutsideTheDirectoriesIsWrittenEvenThroughALinkedDirectory() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path victim = Files.writeString(outside.resolve("victim"), "mine");
        Path root = mailRoot();
        link(root.resolve("sub"), outside);
        SafeWriter w = WritePolicy.STANDARD.writerFor(root);

        for (Path target : List.of(root.resolve("sub/victim"), root.resolve("../outside/victim"))) {
            WriteRefusedException e = assertThrows(WriteRefusedException.class,
                    () -> w.replace(target, bytes("x"), null), target.toString());
            assertEquals(WriteRefusedException.Reason.OUTSIDE, e.reason());
            assertThrows(WriteRefusedException.class, () -> w.write(target, bytes("x")));
            assertThrows(WriteRefusedException.class, () -> w.delete(target));
            assertThrows(WriteRefusedException.class, () -> w.append(target, new byte[0], bytes("x\n")));
        }
        WriteRefusedException e = assertThrows(WriteRefusedException.class,
                () -> w.write(root.resolve("sub/new/file"), bytes("x")));
        assertEquals(WriteRefusedException.Reason.LINK, e.reason(), "a link on the way is not followed");
        assertEquals("mine", Files.readString(victim));
        assertEquals(List.of("victim"), names(outside));
    }

    @Test
    void createRefusesAnythingAtTheTargetIncludingADanglingLink() throws Exception {
        Path root = mailRoot();
        Path from = Files.writeString(root.resolve("server.tab"), "x");
        Path existing = Files.writeString(root.resolve("b.bak"), "x");
        Path dangling = link(root.resolve("c.bak"), tmp.resolve("nowhere"));
        SafeWriter w = WritePolicy.STANDARD.writerFor(root);

        assertThrows(FileAlreadyExistsException.class, () -> w.create(existing, bytes("y"), from));
        assertThrows(FileAlreadyExistsException.class, () -> w.create(dangling, bytes("y"), from));

        assertEquals("x", Files.readString(existing));
        assertFalse(Files.exists(tmp.resolve("nowhere")));
        w.create(root.resolve("d.bak"), bytes("y"), from);
        assertEquals("y", Files.readString(root.resolve("d.bak")));
    }

    // ------------------------------------------------------------------ append, delete, read back

    @Test
    void appendCutsOffALineTornByACrashAndStartsAnEmptyFileWithItsHeader() throws Exception {
        Path root = mailRoot();
        Path j = root.resolve("journal");
        SafeWriter w = WritePolicy.STANDARD.writerFor(root);

        w.append(j, bytes("H\n"), bytes("one\n"));
        assertEquals("H\none\n", Files.readString(j));
        Files.writeString(j, "H\none\ntw", StandardOpenOption.TRUNCATE_EXISTING);
        w.append(j, bytes("H\n"), bytes("three\n"));
        assertEquals("H\none\nthree\n", Files.readString(j));

        Files.writeString(j, "H-torn", StandardOpenOption.TRUNCATE_EXISTING);
        w.append(j, bytes("H\n"), bytes("four\n"));
        assertEquals("H\nfour\n", Files.readString(j), "a torn header is written again");
    }

    @Test
    void appendAndDeleteLeaveALinkAndItsTargetAlone() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim"), "mine");
        Path root = mailRoot();
        Path j = link(root.resolve("journal"), victim);
        SafeWriter w = WritePolicy.STANDARD.writerFor(root);

        assertEquals(WriteRefusedException.Reason.LINK, assertThrows(WriteRefusedException.class,
                () -> w.append(j, new byte[0], bytes("x\n"))).reason());
        assertEquals(WriteRefusedException.Reason.LINK, assertThrows(WriteRefusedException.class,
                () -> w.delete(j)).reason());
        assertEquals(WriteRefusedException.Reason.LINK, assertThrows(WriteRefusedException.class,
                () -> w.readBack(j, 100)).reason());

        assertTrue(Files.isSymbolicLink(j));
        assertEquals("mine", Files.readString(victim));
    }

    @Test
    void aFifoIsNeverOpened() throws Exception {
        Path root = mailRoot();
        Path fifo = root.resolve("journal");
        Needs.fifo(fifo);
        SafeWriter w = WritePolicy.STANDARD.writerFor(root);

        // Opening a FIFO would block until someone opens its other end; each of these returns at once.
        assertEquals(WriteRefusedException.Reason.NOT_A_FILE, assertThrows(WriteRefusedException.class,
                () -> w.append(fifo, new byte[0], bytes("x\n"))).reason());
        assertEquals(WriteRefusedException.Reason.NOT_A_FILE, assertThrows(WriteRefusedException.class,
                () -> w.readBack(fifo, 100)).reason());
        assertEquals(WriteRefusedException.Reason.NOT_A_FILE, assertThrows(WriteRefusedException.class,
                () -> w.lock(fifo)).reason());
    }

    @Test
    void readBackRefusesMoreThanItCouldHaveWritten() throws Exception {
        Path root = mailRoot();
        Path j = Files.writeString(root.resolve("journal"), "x".repeat(101));
        SafeWriter w = WritePolicy.STANDARD.writerFor(root);

        assertEquals(WriteRefusedException.Reason.TOO_LARGE, assertThrows(WriteRefusedException.class,
                () -> w.readBack(j, 100)).reason());
        assertEquals(101, w.readBack(j, 101).orElseThrow().length);
        assertTrue(w.readBack(root.resolve("missing"), 100).isEmpty());
    }

    // ------------------------------------------------------------------ lock

    @Test
    void aLockIsExclusiveUntilClosedAndAnotherRunIsToldItIsLocked() throws Exception {
        Path root = mailRoot();
        SafeWriter w = WritePolicy.STANDARD.withLockWait(Duration.ofMillis(200)).writerFor(root);
        Path lockFile = root.resolve("server.tab.xmailkit-lock");

        try (WriteLock held = w.lock(lockFile)) {
            long start = System.nanoTime();
            WriteRefusedException e = assertThrows(WriteRefusedException.class, () -> w.lock(lockFile));
            assertEquals(WriteRefusedException.Reason.LOCKED, e.reason());
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos(), "it waited first");
            assertTrue(e.oneLine(Locale.ENGLISH).contains("locked by another run"), e.getMessage());
        }
        try (WriteLock again = w.lock(lockFile)) {
            assertTrue(Files.isRegularFile(lockFile));
        }
    }

    // ------------------------------------------------------------------ copies

    @Test
    void copiesKeepTheSourceModeAndTimeAndNeverOverwrite() throws Exception {
        Path root = mailRoot();
        Path src = Files.writeString(root.resolve("server.tab"), "secret");
        Needs.posix(src);
        Files.setPosixFilePermissions(src, PosixFilePermissions.fromString("rw-------"));
        Files.setLastModifiedTime(src, FileTime.from(Instant.parse("2020-01-02T03:04:05Z")));
        Path out = tmp.resolve("out");
        SafeWriter w = WritePolicy.STANDARD.writerFor(out);

        w.copy(src, out.resolve("copy/server.tab"));
        w.writeCopy(out.resolve("copy/migrated.tab"), bytes("migrated"), src);

        Path copy = out.resolve("copy/server.tab");
        assertArrayEquals(bytes("secret"), Files.readAllBytes(copy));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(copy));
        assertEquals(Files.getLastModifiedTime(src), Files.getLastModifiedTime(copy));
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(out.resolve("copy/migrated.tab")));
        assertEquals(Files.getOwner(src), Files.getOwner(out.resolve("copy/migrated.tab")));
        assertThrows(FileAlreadyExistsException.class, () -> w.copy(src, copy));
    }
}
