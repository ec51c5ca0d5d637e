package org.xmailkit.model.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

        WriteRefusedException e = assertThrows(
                WriteRefusedException.class,
                () -> WritePolicy.STANDARD.writerFor(root).replace(f, bytes("new"), bytes("old")));

        assertEquals(WriteRefusedException.Reason.CHANGED, e.reason());
        assertEquals("edited by someone", Files.readString(f));
        assertEquals(List.of("server.tab"), names(root));
        assertTrue(e.oneLine(Locale.JAPANESE).startsWith(f + ": "));
        assertTrue(e.oneLine(Locale.JAPANESE).contains("変更"), e.oneLine(Locale.JAPANESE));
    }

    @Test
    void replaceRefusesASymbolicLinkAndLeavesItsTargetAlone() throws Exception {
        Path victim =
                Files.writeString(Files.createDirectories(tmp.resolve("etc")).resolve("victim"), "old");
        Path root = mailRoot();
        Path tab = link(root.resolve("server.tab"), victim);

        WriteRefusedException e = assertThrows(
                WriteRefusedException.class,
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
                })
                .writerFor(root);

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
            WriteRefusedException e = assertThrows(
                    WriteRefusedException.class, () -> w.replace(target, bytes("x"), null), target.toString());
            assertEquals(WriteRefusedException.Reason.OUTSIDE, e.reason());
            assertThrows(WriteRefusedException.class, () -> w.write(target, bytes("x")));
            assertThrows(WriteRefusedException.class, () -> w.delete(target));
            assertThrows(WriteRefusedException.class, () -> w.append(target, new byte[0], bytes("x\n")));
        }
        WriteRefusedException e =
                assertThrows(WriteRefusedException.class, () -> w.write(root.resolve("sub/new/file"), bytes("x")));
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

        assertEquals(
                WriteRefusedException.Reason.LINK,
                assertThrows(WriteRefusedException.class, () -> w.append(j, new byte[0], bytes("x\n")))
                        .reason());
        assertEquals(
                WriteRefusedException.Reason.LINK,
                assertThrows(WriteRefusedException.class, () -> w.delete(j)).reason());
        assertEquals(
                WriteRefusedException.Reason.LINK,
                assertThrows(WriteRefusedException.class, () -> w.readBack(j, 100))
                        .reason());

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
        assertEquals(
                WriteRefusedException.Reason.NOT_A_FILE,
                assertThrows(WriteRefusedException.class, () -> w.append(fifo, new byte[0], bytes("x\n")))
                        .reason());
        assertEquals(
                WriteRefusedException.Reason.NOT_A_FILE,
                assertThrows(WriteRefusedException.class, () -> w.readBack(fifo, 100))
                        .reason());
        assertEquals(
                WriteRefusedException.Reason.NOT_A_FILE,
                assertThrows(WriteRefusedException.class, () -> w.lock(fifo)).reason());
    }

    @Test
    void readBackRefusesMoreThanItCouldHaveWritten() throws Exception {
        Path root = mailRoot();
        Path j = Files.writeString(root.resolve("journal"), "x".repeat(101));
        SafeWriter w = WritePolicy.STANDARD.writerFor(root);

        assertEquals(
                WriteRefusedException.Reason.TOO_LARGE,
                assertThrows(WriteRefusedException.class, () -> w.readBack(j, 100))
                        .reason());
        assertEquals(101, w.readBack(j, 101).orElseThrow().length);
        assertTrue(w.readBack(root.resolve("missing"), 100).isEmpty());
    }

    @Test
    void aHashIsBoundedAndNeverTakenThroughALinkOrOfAFifo() throws Exception {
        Path root = mailRoot();
        Path f = Files.writeString(root.resolve("server.tab"), "x".repeat(101));
        Path inside = link(root.resolve("inside"), f);
        SafeWriter w = WritePolicy.STANDARD.writerFor(root);

        assertEquals(Optional.of(Hashes.sha256(bytes("x".repeat(101)))), w.hash(f, 101));
        assertEquals(
                WriteRefusedException.Reason.TOO_LARGE,
                assertThrows(WriteRefusedException.class, () -> w.hash(f, 100)).reason());
        assertEquals(
                WriteRefusedException.Reason.LINK,
                assertThrows(WriteRefusedException.class, () -> w.hash(inside, 1000))
                        .reason(),
                "not even a link that stays inside");
        assertEquals(
                WriteRefusedException.Reason.LINK,
                assertThrows(WriteRefusedException.class, () -> w.readBack(inside, 1000))
                        .reason());
        assertTrue(w.hash(root.resolve("missing"), 100).isEmpty());
        Path fifo = Needs.fifo(root.resolve("fifo"));
        assertEquals(
                WriteRefusedException.Reason.NOT_A_FILE,
                assertThrows(WriteRefusedException.class, () -> w.hash(fifo, 100))
                        .reason());
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

    /**
     * A lock or journal that a FIFO replaced after it was checked: the open does not wait for the FIFO's other end
     * (before, the lock's write-only open blocked for ever) and the FIFO is refused, as is another regular file put
     * in its place. The test stands between the check and the open: it opens with what the check saw (a regular
     * file) while a FIFO stands at the path.
     */
    @Test
    void aFifoOrAnotherFileSwappedInForTheLockIsRefusedWithoutBlocking() throws Exception {
        Path root = mailRoot();
        Path lockFile = Files.writeString(root.resolve("server.tab.xmailkit-lock"), "");
        Path journal = Files.writeString(root.resolve("server.tab.xmailkit-journal"), "H\n");
        SafeWriter w = WritePolicy.STANDARD.writerFor(root);
        BasicFileAttributes regular = fileAttributesOf(root.resolve("regular"));
        Path fifo = Needs.fifo(root.resolve("fifo"));

        for (Path swapped : List.of(lockFile, journal)) {
            Files.move(fifo, swapped, StandardCopyOption.REPLACE_EXISTING);

            WriteRefusedException e = assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () -> assertThrows(WriteRefusedException.class, () -> openState(w, swapped, regular)));

            assertEquals(WriteRefusedException.Reason.NOT_A_FILE, e.reason(), swapped.toString());
            fifo = Files.move(swapped, root.resolve("fifo"));
        }

        // A regular file other than the one checked (both kept, so that neither can take the other's number).
        Files.writeString(lockFile, "");
        assertEquals(
                WriteRefusedException.Reason.CHANGED,
                assertThrows(WriteRefusedException.class, () -> openState(w, lockFile, regular))
                        .reason());
    }

    private static BasicFileAttributes fileAttributesOf(Path p) throws IOException {
        Files.writeString(p, "");
        return Files.readAttributes(p, BasicFileAttributes.class);
    }

    /** The state-file open as the lock and the journal use it, with the attributes seen by the check before it. */
    private static FileChannel openState(SafeWriter w, Path file, BasicFileAttributes checked) throws IOException {
        return w.openState(file, file.toRealPath(LinkOption.NOFOLLOW_LINKS), checked);
    }

    // ------------------------------------------------------------------ owners and modes of new files

    /**
     * As root, as xmailkit usually runs, over a MailRoot that belongs to the XMail account (uid 4321 here): the lock
     * and journal a run leaves belong to that account and show no one more than its server.tab does, so a later run
     * as that account (a child JVM) takes the lock and appends to the journal. Before, both were root's, 0644, and
     * the later run failed with "permission denied".
     */
    @Test
    void aLockAndJournalMadeAsRootServeALaterRunAsTheServersOwner() throws Exception {
        Path root = mailRoot();
        Path tab = Files.writeString(root.resolve("server.tab"), "x");
        Needs.posix(tab);
        Files.setPosixFilePermissions(tab, PosixFilePermissions.fromString("rw-r-----"));
        boolean asRoot = Needs.root();
        if (asRoot) {
            for (Path p : List.of(root, tab)) {
                Files.setAttribute(p, "unix:uid", XMAIL_UID, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", XMAIL_UID, LinkOption.NOFOLLOW_LINKS);
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        }
        Path lockFile = root.resolve("server.tab.xmailkit-lock");
        Path journal = root.resolve("server.tab.xmailkit-journal");
        SafeWriter w = WritePolicy.STANDARD.writerFor(root).ownedLike(tab);

        try (WriteLock held = w.lock(lockFile)) {
            w.append(journal, bytes("H\n"), bytes("one\n"));
        }

        int owner = asRoot ? XMAIL_UID : (int) Files.getAttribute(tab, "unix:uid");
        for (Path p : List.of(lockFile, journal)) {
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
            assertEquals(owner, Files.getAttribute(p, "unix:uid"), p.toString());
            assertEquals(
                    owner == XMAIL_UID ? XMAIL_UID : Files.getAttribute(tab, "unix:gid"),
                    Files.getAttribute(p, "unix:gid"),
                    p.toString());
        }
        if (asRoot) {
            assertEquals(
                    "locked and appended",
                    Needs.runAs(XMAIL_UID, List.of(StateAsOwner.class, SafeWriter.class), root.toString()));
            assertEquals("H\none\ntwo\n", Files.readString(journal));
        }
    }

    /** The XMail service account of the tests run as root: files are given to it by number. */
    private static final int XMAIL_UID = 4321;

    /** Takes a server's lock and appends to its journal, as a run by the account owning the MailRoot would. */
    static final class StateAsOwner {
        private StateAsOwner() {}

        public static void main(String[] args) throws IOException {
            Path root = Path.of(args[0]);
            SafeWriter w = WritePolicy.STANDARD.writerFor(root).ownedLike(root.resolve("server.tab"));
            try (WriteLock held = w.lock(root.resolve("server.tab.xmailkit-lock"))) {
                w.append(root.resolve("server.tab.xmailkit-journal"), bytes("H\n"), bytes("two\n"));
            }
            System.out.println("locked and appended");
        }
    }

    @Test
    void newStateFilesGiveNoOneMoreThanTheFileTheyServeAndNothingToOthers() throws Exception {
        Path root = mailRoot();
        Path tab = Files.writeString(root.resolve("server.tab"), "x");
        Needs.posix(tab);
        Map<String, String> expected = Map.of(
                "rw-rw-rw-", "rw-rw----", "r--r--r--", "rw-r-----", "rw-------", "rw-------", "rwx-w--wx", "rw--w----");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Files.setPosixFilePermissions(tab, PosixFilePermissions.fromString(e.getKey()));
            Path journal = root.resolve("journal-" + e.getKey());
            WritePolicy.STANDARD.writerFor(root).ownedLike(tab).append(journal, bytes("H\n"), bytes("one\n"));
            assertEquals(
                    e.getValue(),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)),
                    "server.tab " + e.getKey());
        }
        Path lonely = root.resolve("lock-without-its-file");
        WritePolicy.STANDARD
                .writerFor(root)
                .ownedLike(root.resolve("missing"))
                .lock(lonely)
                .close();
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(lonely)),
                "private when the file it serves is missing");
    }

    @Test
    void aPrivateWriterMakesFiles0600AndFolders0700WhateverTheUmask() throws Exception {
        Path snapshot = tmp.resolve("new/snapshot");
        SafeWriter w = WritePolicy.STANDARD.writerFor(snapshot).privately();

        w.write(snapshot.resolve("domains/example.jp/user.tab"), bytes("secret"));
        w.directory(snapshot.resolve("cmdaliases"));

        Needs.posix(snapshot);
        for (Path d : List.of(
                snapshot,
                snapshot.resolve("domains"),
                snapshot.resolve("domains/example.jp"),
                snapshot.resolve("cmdaliases"))) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d)), d.toString());
        }
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(snapshot.resolve("domains/example.jp/user.tab"))));
        assertEquals(List.of("user.tab"), names(snapshot.resolve("domains/example.jp")), "no temporary file left");
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
        assertEquals(
                PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(out.resolve("copy/migrated.tab")));
        assertEquals(Files.getOwner(src), Files.getOwner(out.resolve("copy/migrated.tab")));
        assertThrows(FileAlreadyExistsException.class, () -> w.copy(src, copy));
    }

    @Test
    void aCopyWhoseSourceWasReplacedWhileItWasCopiedIsRefused() throws Exception {
        Path root = mailRoot();
        Path src = Files.writeString(root.resolve("mailbox"), "what was checked");
        Path out = tmp.resolve("out");
        SafeWriter w = WritePolicy.withHook((stage, target) -> {
                    if (stage == WriteHook.Stage.BEFORE_RENAME) {
                        Files.move(
                                Files.writeString(root.resolve("planted"), "planted"),
                                src,
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                })
                .writerFor(out);

        assertEquals(
                WriteRefusedException.Reason.CHANGED,
                assertThrows(WriteRefusedException.class, () -> w.copy(src, out.resolve("mailbox")))
                        .reason());

        assertEquals(List.of(), names(out), "nothing copied, no temporary file left");
    }
}
